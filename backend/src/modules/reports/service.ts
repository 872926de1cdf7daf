import type { CreateReportBody, Report } from '@spotlight/contracts';
import { and, count, desc, eq } from 'drizzle-orm';
import { matches, reports, users } from '../../db/schema';
import { AppError, badRequest, notFound, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import { toUserSummary } from '../users/presenter';

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService({ db, limits }: AppContext) {
  const selectReports = () =>
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

  type ReportView = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];
  const toReport = ({ report, reported }: ReportView): Report => ({
    id: report.id,
    reported: toUserSummary(reported),
    matchId: report.matchId,
    reason: report.reason as Report['reason'],
    details: report.details,
    status: report.status as Report['status'],
    createdAt: report.createdAt.toISOString(),
  });

  return {
    async create(reporterId: number, body: CreateReportBody): Promise<Report> {
      if (body.reportedUserId === reporterId) {
        throw new AppError('self_action', 400, 'You cannot report yourself');
      }
      const [reported] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.id, body.reportedUserId))
        .limit(1);
      if (!reported) throw notFound('User');
      if (body.matchId !== undefined) {
        const [match] = await db
          .select()
          .from(matches)
          .where(eq(matches.id, body.matchId))
          .limit(1);
        if (!match || (match.user1Id !== reporterId && match.user2Id !== reporterId)) {
          throw notFound('Match');
        }
        const partnerId = match.user1Id === reporterId ? match.user2Id : match.user1Id;
        if (partnerId !== body.reportedUserId) {
          throw badRequest('That match is with another dancer');
        }
      }
      const wait = await consume(limits.reportUser, String(reporterId));
      if (wait > 0) throw rateLimited(wait, 'You have filed many reports; try again later');
      const [created] = await db
        .insert(reports)
        .values({
          reporterId,
          reportedId: body.reportedUserId,
          matchId: body.matchId ?? null,
          reason: body.reason,
          details: body.details || null,
        })
        .returning({ id: reports.id });
      const [view] = await selectReports().where(eq(reports.id, created!.id));
      return toReport(view!);
    },

    async list(reporterId: number, page: number, limit: number) {
      const where = eq(reports.reporterId, reporterId);
      const [items, [total]] = await Promise.all([
        selectReports()
          .where(where)
          .orderBy(desc(reports.createdAt), desc(reports.id))
          .limit(limit)
          .offset((page - 1) * limit),
        db.select({ value: count() }).from(reports).where(where),
      ]);
      return { items: items.map(toReport), total: total?.value ?? 0, page, limit };
    },

    async get(reporterId: number, id: number): Promise<Report> {
      const [view] = await selectReports().where(
        and(eq(reports.id, id), eq(reports.reporterId, reporterId)),
      );
      if (!view) throw notFound('Report');
      return toReport(view);
    },
  };
}
