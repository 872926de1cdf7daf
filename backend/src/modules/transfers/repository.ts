import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { transferReports } from '../../db/schema';

/**
 * Stores a report unless its transfer has one already from this side or this user (the unique
 * indexes decide, under races too); resolves to its id, or undefined when it was refused.
 */
export const insertTransferReportOnce = async (
  db: Executor,
  values: typeof transferReports.$inferInsert,
) =>
  (
    await db
      .insert(transferReports)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: transferReports.id })
  )[0]?.id;

/**
 * Totals over the receivers' reports: a receiver knows whether the verified file arrived, and
 * counting one side only counts each transfer once.
 */
export const receiverTotals = async (db: Executor) =>
  (
    await db
      .select({
        count: sql<number>`count(*)::int`,
        completed: sql<number>`count(*) filter (where outcome = 'completed')::int`,
        failed: sql<number>`count(*) filter (where outcome = 'failed')::int`,
        cancelled: sql<number>`count(*) filter (where outcome = 'cancelled')::int`,
        totalBytes: sql<number>`coalesce(sum(bytes_transferred), 0)::float8`,
        medianMiBps: sql<
          number | null
        >`percentile_cont(0.5) within group (order by (total_bytes / 1048576.0) / greatest(duration_ms / 1000.0, 0.001)) filter (where outcome = 'completed' and duration_ms > 0)`,
      })
      .from(transferReports)
      .where(sql`role = 'receiver'`)
  )[0];

/** The most frequent reasons receivers gave for failed transfers. */
export const receiverFailureReasons = (db: Executor, limit: number) =>
  db
    .select({ reason: transferReports.reason, count: sql<number>`count(*)::int` })
    .from(transferReports)
    .where(sql`role = 'receiver' and outcome = 'failed' and reason is not null`)
    .groupBy(transferReports.reason)
    .orderBy(sql`count(*) desc`, transferReports.reason)
    .limit(limit);
