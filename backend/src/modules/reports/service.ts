import type { CreateReportBody, Report } from '@spotlight/contracts';
import { AppError, badRequest, notFound, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import { findMatch } from '../matches/repository';
import { userExists } from '../users/repository';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type ReportsService = ReturnType<typeof createReportsService>;

const toReport = ({ report, reported }: repo.ReportView): Report => ({
  id: report.id,
  reported: toUserSummary(reported),
  matchId: report.matchId,
  reason: report.reason,
  details: report.details,
  status: report.status,
  createdAt: report.createdAt.toISOString(),
});

export function createReportsService({ db, limits }: AppContext) {
  return {
    /** Files a report about another dancer, optionally about a match the two of them share. */
    async create(reporterId: number, body: CreateReportBody): Promise<Report> {
      if (body.reportedUserId === reporterId) {
        throw new AppError('self_action', 400, 'You cannot report yourself');
      }
      if (!(await userExists(db, body.reportedUserId))) throw notFound('User');
      if (body.matchId !== undefined) {
        const match = await findMatch(db, body.matchId);
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
      const id = await repo.insertReport(db, {
        reporterId,
        reportedId: body.reportedUserId,
        matchId: body.matchId ?? null,
        reason: body.reason,
        details: body.details || null,
      });
      return toReport((await repo.findReportViewBy(db, reporterId, id))!);
    },

    async list(reporterId: number, page: number, limit: number) {
      const { items, total } = await repo.listReportsBy(db, reporterId, page, limit);
      return { items: items.map(toReport), total, page, limit };
    },

    async get(reporterId: number, id: number): Promise<Report> {
      const view = await repo.findReportViewBy(db, reporterId, id);
      if (!view) throw notFound('Report');
      return toReport(view);
    },
  };
}
