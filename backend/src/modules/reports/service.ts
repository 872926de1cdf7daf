import type { CreateReportBody, Report } from '@spotlight/contracts';
import { AppError, badRequest, notFound, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import type { EventsService } from '../events/service';
import type { MatchesService } from '../matches/service';
import type { UsersService } from '../users/service';
import { toReport } from './presenter';
import * as repo from './repository';

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService(
  { db, limits }: AppContext,
  deps: { matches: MatchesService; users: UsersService; events: EventsService },
) {
  return {
    /** Files a report about another dancer, optionally about a match the two of them share. */
    async create(reporterId: number, body: CreateReportBody): Promise<Report> {
      if (body.reportedUserId === reporterId) {
        throw new AppError('self_action', 'You cannot report yourself');
      }
      await deps.users.assertExists(body.reportedUserId);
      // The event's organisers see the report: the match's event, or the one named.
      let eventId = body.eventId ?? null;
      if (body.matchId !== undefined) {
        const taking = await deps.matches.findParticipation(reporterId, body.matchId);
        if (!taking) throw notFound('Match');
        if (taking.partnerId !== body.reportedUserId) {
          throw badRequest('That match is with another dancer');
        }
        eventId = taking.match.eventId;
      } else if (eventId !== null) {
        await deps.events.assertParticipant(eventId, reporterId);
      }
      const wait = await consume(limits.reportUser, String(reporterId));
      if (wait > 0) throw rateLimited(wait, 'You have filed many reports; try again later');
      const id = await repo.insertReport(db, {
        reporterId,
        reportedId: body.reportedUserId,
        matchId: body.matchId ?? null,
        eventId,
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
