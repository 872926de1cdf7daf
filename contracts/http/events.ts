import { z } from 'zod';
import { CalendarDate, Id, IdParams, PageQuery, paged, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { Country } from '../countries';
import { MatchStatus } from './matches';
import { DanceRole, Division, UserSummary } from './users';

export const Event = z.object({
  id: Id,
  name: z.string(),
  location: z.string(),
  startDate: CalendarDate,
  endDate: CalendarDate,
  worldsdcId: z.string().nullable(),
  participantsCount: z.number().int().min(0),
  description: z.string().nullable(),
  /** Whether the signed-in user has joined the event (from anywhere). */
  joined: z.boolean(),
  /** Whether the signed-in user checked in at the venue, with the code at the door. */
  checkedIn: z.boolean(),
  /** Joining, checking in and matching here need a verified e-mail address. */
  requireVerifiedEmail: z.boolean(),
});
export type Event = z.infer<typeof Event>;

export const EVENT_WHEN = ['upcoming', 'past', 'all'] as const;

export const ListEventsQuery = PageQuery.extend({
  /** Matches the name or the location, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** `upcoming`: not yet ended (today counts); `past`: ended before today. */
  when: z.enum(EVENT_WHEN).default('all'),
  /** Events that end on or after this date. */
  from: CalendarDate.optional(),
  /** Events that start on or before this date. */
  to: CalendarDate.optional(),
  /** Only the events the user joined. */
  joined: z.stringbool().optional(),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const EventPage = paged(Event);

export const JoinResponse = z.object({ event: Event });

/** The viewer's match with a participant at this event, whatever its status. */
export const ParticipantMatch = z.object({
  id: Id,
  status: MatchStatus,
  /** The viewer's side: `requester` asked, `target` was asked. */
  role: z.enum(['requester', 'target']),
});
export type ParticipantMatch = z.infer<typeof ParticipantMatch>;

/**
 * A dancer of the event as the list to find a recording partner shows them: public profile
 * facts only, never the e-mail.
 */
export const Participant = UserSummary.extend({
  /** ISO 3166-1 alpha-2, shown as a flag in the list. */
  country: Country.nullable(),
  joinedAt: Timestamp,
  /** When they checked in at the venue; null while only joined. */
  checkedInAt: Timestamp.nullable(),
  /** As stored on the profile; null when the dancer has not said. */
  danceRole: DanceRole.nullable(),
  division: Division.nullable(),
  /** The ratings they received from partners, at every event. */
  rating: z.object({
    /** Mean score, 1–5, rounded to two decimals; null without ratings. */
    average: z.number().nullable(),
    count: z.number().int().min(0),
  }),
  /**
   * In the event's chat right now, on any backend process (the socket layer's presence, with
   * its grace period); false for someone who has the app open elsewhere.
   */
  online: z.boolean(),
  /** The viewer's match with them here (null: none yet, or the viewer themselves). */
  match: ParticipantMatch.nullable(),
});
export type Participant = z.infer<typeof Participant>;
export const ParticipantPage = paged(Participant);

/** The fields of an event as an import file or the create form gives them. */
export const EVENT_FIELDS = {
  name: z.string().trim().min(1).max(255),
  location: z.string().trim().min(1).max(255),
  startDate: CalendarDate,
  endDate: CalendarDate,
  worldsdcId: z.string().trim().min(1).max(100).nullish(),
  description: z.string().trim().max(5000).nullish(),
};

// The database refuses it too (events_dates); saying so here names the row.
export const datesInOrder = (row: { startDate: string; endDate: string }) =>
  row.endDate >= row.startDate;
export const DATES_IN_ORDER = { message: 'endDate is before startDate', path: ['endDate'] };

/** One event as an organiser's import file gives it. */
export const EventImportRow = z.strictObject(EVENT_FIELDS).refine(datesInOrder, DATES_IN_ORDER);
export type EventImportRow = z.infer<typeof EventImportRow>;

export const eventsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events',
    auth: 'user',
    tag: 'events',
    summary: 'Events, soonest first for upcoming and latest first for past; with search',
    query: ListEventsQuery,
    response: EventPage,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id',
    auth: 'user',
    tag: 'events',
    summary: 'One event',
    params: IdParams,
    response: Event,
    errors: ['not_found'],
  }),
  join: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/join',
    auth: 'user',
    tag: 'events',
    summary:
      'Join an event that has not ended (checking in at the venue is a step of its own); joining twice is harmless',
    params: IdParams,
    response: JoinResponse,
    errors: ['not_found', 'event_ended'],
  }),
  leave: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/leave',
    auth: 'user',
    tag: 'events',
    summary: 'Leave an event; leaving one not joined is harmless',
    params: IdParams,
    response: JoinResponse,
    errors: ['not_found'],
  }),
  participants: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/participants',
    auth: 'user',
    tag: 'events',
    summary:
      "The event's participants, newest first, with role, division, rating, online and the viewer's match (participants, organisers and admins; blocked dancers left out both ways)",
    params: IdParams,
    query: PageQuery,
    response: ParticipantPage,
    errors: ['not_found', 'not_participant'],
  }),
} as const;
