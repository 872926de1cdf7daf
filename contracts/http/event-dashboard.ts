/**
 * An event's dashboard for its organisers and the site's admins (issue 13): dancers joined and
 * checked in, matches by status, recordings covered, and how the transfers went.
 */
import { z } from 'zod';
import { IdParams } from '../common';
import { defineEndpoint } from './endpoint';
import { MATCH_STATUSES } from './matches';

const count = z.number().int().min(0);

export const EventDashboard = z.object({
  /** Dancers who joined the event, and those of them checked in at the door. */
  joined: count,
  checkedIn: count,
  /** The event's matches, by status: every status of MATCH_STATUSES is present. */
  matches: z.object(
    Object.fromEntries(MATCH_STATUSES.map((s) => [s, count])) as Record<
      (typeof MATCH_STATUSES)[number],
      typeof count
    >,
  ),
  /**
   * Declared: dancer heats entered; covered: those with a suggested or accepted recorder;
   * accepted: those whose recording both sides accepted.
   */
  recordings: z.object({ declared: count, covered: count, accepted: count }),
  /**
   * The receivers' reports of the transfers of the event's matches (one per transfer):
   * successRate is completed / (completed + failed), null before any of those.
   */
  transfers: z.object({
    reported: count,
    succeeded: count,
    failed: count,
    successRate: z.number().min(0).max(1).nullable(),
  }),
});
export type EventDashboard = z.infer<typeof EventDashboard>;

export const eventDashboardEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/dashboard',
    auth: 'user',
    tag: 'event admin',
    summary:
      "The event's dashboard: dancers, matches, recordings, transfers (organisers and admins)",
    params: IdParams,
    response: EventDashboard,
    errors: ['forbidden', 'not_found'],
  }),
} as const;
