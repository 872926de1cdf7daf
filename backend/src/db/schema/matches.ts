/** Matches between two dancers, and what follows them: ratings, reports, transfer telemetry. */
import type { REPORT_REASONS, TRANSFER_CONNECTIONS } from '@spotlight/contracts';
import {
  AUDIT_ACTIONS,
  MATCH_STATUSES,
  MODERATION_ACTIONS,
  REPORT_STATUSES,
  TRANSFER_OUTCOMES,
  TRANSFER_ROLES,
} from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, oneOf, type OneOf } from './columns';
import { chatRooms, eventRef, events } from './events';
import { userRef, users } from './people';

const matchRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => matches.id);

export const matches = pgTable(
  'matches',
  {
    id: serial('id').primaryKey(),
    /** The requester. */
    user1Id: userRef('user1_id'),
    /** The target of the request. */
    user2Id: userRef('user2_id'),
    eventId: eventRef('event_id'),
    roomId: integer('room_id').references(() => chatRooms.id),
    status: varchar('status', { length: 20 })
      .$type<OneOf<typeof MATCH_STATUSES>>()
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('unique_match').on(t.user1Id, t.user2Id, t.eventId),
    // Once per pair and event, whoever asked first.
    uniqueIndex('matches_pair_event_key').on(
      sql`least(${t.user1Id}, ${t.user2Id})`,
      sql`greatest(${t.user1Id}, ${t.user2Id})`,
      t.eventId,
    ),
    index('idx_matches_user1_id').on(t.user1Id),
    index('idx_matches_user2_id').on(t.user2Id),
    index('idx_matches_event_id').on(t.eventId),
    check('matches_not_self', sql`${t.user1Id} <> ${t.user2Id}`),
    check('matches_status', oneOf('status', MATCH_STATUSES)),
  ],
);

export const ratings = pgTable(
  'ratings',
  {
    id: serial('id').primaryKey(),
    matchId: matchRef('match_id'),
    raterId: userRef('rater_id'),
    ratedId: userRef('rated_id'),
    score: integer('score').notNull(),
    comment: text('comment'),
    wouldCollaborateAgain: boolean('would_collaborate_again').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique('unique_rating').on(t.matchId, t.raterId, t.ratedId),
    index('idx_ratings_rated_id').on(t.ratedId),
    check('ratings_score', sql`${t.score} >= 1 and ${t.score} <= 5`),
    check('ratings_not_self', sql`${t.raterId} <> ${t.ratedId}`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    reporterId: userRef('reporter_id'),
    reportedId: userRef('reported_id'),
    matchId: integer('match_id').references(() => matches.id),
    reason: varchar('reason', { length: 30 }).$type<OneOf<typeof REPORT_REASONS>>().notNull(),
    details: text('details'),
    status: varchar('status', { length: 20 })
      .$type<OneOf<typeof REPORT_STATUSES>>()
      .notNull()
      .default('open'),
    /** The event where it happened: its organisers see the report in their queue. */
    eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
    action: varchar('action', { length: 10 }).$type<OneOf<typeof MODERATION_ACTIONS>>(),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_reports_reporter_id').on(t.reporterId),
    index('idx_reports_reported_id').on(t.reportedId),
    index('idx_reports_status_event').on(t.status, t.eventId),
    check('reports_action', oneOf('action', MODERATION_ACTIONS)),
    check('reports_not_self', sql`${t.reporterId} <> ${t.reportedId}`),
    check('reports_status', oneOf('status', REPORT_STATUSES)),
  ],
);

/** One row per finished transfer, as the clients report it: sizes and times, never content. */
export const transferReports = pgTable(
  'transfer_reports',
  {
    id: serial('id').primaryKey(),
    matchId: matchRef('match_id'),
    userId: userRef('user_id'),
    role: varchar('role', { length: 10 }).$type<OneOf<typeof TRANSFER_ROLES>>().notNull(),
    outcome: varchar('outcome', { length: 10 }).$type<OneOf<typeof TRANSFER_OUTCOMES>>().notNull(),
    fileCount: integer('file_count').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    bytesTransferred: bigint('bytes_transferred', { mode: 'number' }).notNull(),
    bytesResent: bigint('bytes_resent', { mode: 'number' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    resumes: integer('resumes').notNull().default(0),
    connection: varchar('connection', { length: 10 })
      .$type<OneOf<typeof TRANSFER_CONNECTIONS>>()
      .notNull(),
    reason: varchar('reason', { length: 64 }),
    /** The transfer's id (the data channel's transferId); null only in reports made before it. */
    transferId: uuid('transfer_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_transfer_reports_created_at').on(t.createdAt),
    // One report per transfer and side, and one per transfer and user: a replay counts once.
    uniqueIndex('transfer_reports_transfer_role_key').on(t.transferId, t.role),
    uniqueIndex('transfer_reports_transfer_user_key').on(t.transferId, t.userId),
    check('transfer_reports_role', oneOf('role', TRANSFER_ROLES)),
    check('transfer_reports_outcome', oneOf('outcome', TRANSFER_OUTCOMES)),
  ],
);

/** Every moderation action, for the admins' audit log. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: serial('id').primaryKey(),
    actorId: userRef('actor_id'),
    targetId: userRef('target_id'),
    action: varchar('action', { length: 10 }).$type<OneOf<typeof AUDIT_ACTIONS>>().notNull(),
    reportId: integer('report_id').references(() => reports.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_moderation_actions_created_at').on(t.createdAt),
    check('moderation_actions_action', oneOf('action', AUDIT_ACTIONS)),
  ],
);
