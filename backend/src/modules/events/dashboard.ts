/**
 * An event's dashboard (issue 13) for its organisers and admins: one aggregate query over the
 * event's participants, matches, dancer heats and recordings, and its transfers' reports.
 * Transfers count the receivers' reports only, as the site-wide stats do (one per transfer).
 */
import { api, MATCH_STATUSES, type EventDashboard } from '@spotlight/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Router } from 'express';
import type { Executor } from '../../db/client';
import {
  dancerHeats,
  eventParticipants,
  events,
  matches,
  recordings,
  transferReports,
} from '../../db/schema';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { RolesService } from '../roles/service';
import type { EventsService } from './service';

const int = (query: ReturnType<typeof sql>) => sql<number>`coalesce((${query}), 0)::int`;

/** A recording of the dancer heat `dh` in one of `statuses`. */
const recorded = (statuses: string[]) =>
  sql`exists (select 1 from ${recordings} r where r.heat_id = dh.heat_id and r.dancer_id = dh.user_id and r.status in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )}))`;

const receivedOfEvent = (eventId: number, outcome?: string) =>
  int(
    sql`select count(*) from ${transferReports} tr join ${matches} m on m.id = tr.match_id where m.event_id = ${eventId} and tr.role = 'receiver'${
      outcome ? sql` and tr.outcome = ${outcome}` : sql``
    }`,
  );

export const dashboardCounts = async (db: Executor, eventId: number) =>
  (
    await db
      .select({
        joined: int(
          sql`select count(*) from ${eventParticipants} ep where ep.event_id = ${eventId}`,
        ),
        checkedIn: int(
          sql`select count(*) from ${eventParticipants} ep where ep.event_id = ${eventId} and ep.checked_in_at is not null`,
        ),
        matches: sql<Record<
          string,
          number
        > | null>`(select json_object_agg(status, n) from (select m.status, count(*)::int as n from ${matches} m where m.event_id = ${eventId} group by m.status) s)`,
        declared: int(sql`select count(*) from ${dancerHeats} dh where dh.event_id = ${eventId}`),
        covered: int(
          sql`select count(*) from ${dancerHeats} dh where dh.event_id = ${eventId} and ${recorded(['suggested', 'accepted'])}`,
        ),
        accepted: int(
          sql`select count(*) from ${dancerHeats} dh where dh.event_id = ${eventId} and ${recorded(['accepted'])}`,
        ),
        reported: receivedOfEvent(eventId),
        succeeded: receivedOfEvent(eventId, 'completed'),
        failed: receivedOfEvent(eventId, 'failed'),
      })
      .from(events)
      .where(eq(events.id, eventId))
  )[0];

export type EventDashboardService = ReturnType<typeof createEventDashboardService>;

export function createEventDashboardService(
  { db }: AppContext,
  deps: { roles: RolesService; events: EventsService },
) {
  return {
    /** 404 for a missing event, then 403 unless the user organises it or is an admin. */
    async get(userId: number, eventId: number): Promise<EventDashboard> {
      await deps.events.assertExists(eventId);
      await deps.roles.assertCanManageEvent(userId, eventId);
      const row = (await dashboardCounts(db, eventId))!;
      const byStatus = row.matches ?? {};
      const { succeeded, failed } = row;
      return {
        joined: row.joined,
        checkedIn: row.checkedIn,
        matches: Object.fromEntries(
          MATCH_STATUSES.map((status) => [status, byStatus[status] ?? 0]),
        ) as EventDashboard['matches'],
        recordings: { declared: row.declared, covered: row.covered, accepted: row.accepted },
        transfers: {
          reported: row.reported,
          succeeded,
          failed,
          successRate: succeeded + failed ? succeeded / (succeeded + failed) : null,
        },
      };
    },
  };
}

export function mountEventDashboardRoutes(
  router: Router,
  dashboard: EventDashboardService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.eventDashboard.get, authenticate, ({ user, params }) =>
    dashboard.get(user.id, params.id),
  );
}
