import type { TransferStats, TransferTelemetryBody } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import { transferReports } from '../../db/schema';
import { notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { MatchesService } from '../matches/service';

export type TransfersService = ReturnType<typeof createTransfersService>;

/** Transfer telemetry: outcomes, sizes and times reported by clients; never content or names. */
export function createTransfersService(
  { db, metrics }: AppContext,
  deps: { matches: MatchesService },
) {
  return {
    async record(userId: number, body: TransferTelemetryBody) {
      if (!(await deps.matches.findForParticipant(userId, body.matchId))) throw notFound('Match');
      const [row] = await db
        .insert(transferReports)
        .values({ ...body, userId, reason: body.reason ?? null })
        .returning({ id: transferReports.id });
      metrics.transfers.inc({ role: body.role, outcome: body.outcome });
      metrics.transferBytes.inc({ role: body.role }, body.bytesTransferred);
      return { id: row!.id };
    },

    async stats(): Promise<TransferStats> {
      // Receivers' reports: a receiver knows whether the verified file arrived.
      const [totals] = await db
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
        .where(sql`role = 'receiver'`);
      const reasons = await db
        .select({ reason: transferReports.reason, count: sql<number>`count(*)::int` })
        .from(transferReports)
        .where(sql`role = 'receiver' and outcome = 'failed' and reason is not null`)
        .groupBy(transferReports.reason)
        .orderBy(sql`count(*) desc`)
        .limit(10);
      const completed = totals?.completed ?? 0;
      const failed = totals?.failed ?? 0;
      return {
        count: totals?.count ?? 0,
        completed,
        failed,
        cancelled: totals?.cancelled ?? 0,
        successRate: completed + failed ? completed / (completed + failed) : null,
        medianMiBps:
          totals?.medianMiBps == null ? null : Math.round(Number(totals.medianMiBps) * 100) / 100,
        totalBytes: Number(totals?.totalBytes ?? 0),
        failureReasons: reasons.map((r) => ({ reason: r.reason ?? 'unknown', count: r.count })),
      };
    },
  };
}
