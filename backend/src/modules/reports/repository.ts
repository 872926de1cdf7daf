import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reports, users } from '../../db/schema';

/** Reports with a summary of the dancer reported. */
const selectReports = (db: Executor) =>
  db
    .select({
      report: reports,
      reported: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        avatar: users.avatar,
      },
    })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.reportedId));

export type ReportView = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];

export const insertReport = async (db: Executor, values: typeof reports.$inferInsert) =>
  (await db.insert(reports).values(values).returning({ id: reports.id }))[0]!.id;

/** One report, only if `reporterId` filed it. */
export const findReportViewBy = async (db: Executor, reporterId: number, id: number) =>
  (
    await selectReports(db)
      .where(and(eq(reports.id, id), eq(reports.reporterId, reporterId)))
      .limit(1)
  )[0];

/** A page of the reports a user filed, newest first, and their total. */
export async function listReportsBy(db: Executor, reporterId: number, page: number, limit: number) {
  const where = eq(reports.reporterId, reporterId);
  const [items, [total]] = await Promise.all([
    selectReports(db)
      .where(where)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ value: count() }).from(reports).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
