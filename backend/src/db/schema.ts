/**
 * The database schema as code. `npm run db:generate` turns changes into a new SQL migration in
 * ./migrations; never edit a migration that has landed.
 *
 * The seed's six tables keep their names, columns, constraints and indexes. Added: profile
 * fields on users, event_participants, reports, sessions, messages.client_id, transfer
 * telemetry, and checks the seed left to the application. Timestamps are `timestamptz`
 * (the seed's `TIMESTAMP` loses the zone, and dancers fly in from every zone).
 */
import type { REPORT_REASONS, TRANSFER_CONNECTIONS } from '@spotlight/contracts';
import {
  CHAT_ROOM_TYPES,
  DANCE_ROLES,
  DIVISIONS,
  MATCH_STATUSES,
  MESSAGE_TYPES,
  REPORT_STATUSES,
  TRANSFER_OUTCOMES,
  TRANSFER_ROLES,
} from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** A column's type from the contract's list of values, which its check constraint also uses. */
type OneOf<T extends readonly string[]> = T[number];

// Required references, as most rows name the user, match or event they belong to.
const userRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => users.id);
const matchRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => matches.id);
const eventRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => events.id);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `column IN ('a', 'b')` for a check constraint, from the contract's list of values. */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: varchar('username', { length: 50 }).notNull().unique(),
    email: varchar('email', { length: 255 }).notNull().unique(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    avatar: varchar('avatar', { length: 255 }),
    displayName: varchar('display_name', { length: 50 }),
    wsdcId: varchar('wsdc_id', { length: 10 }),
    danceRole: varchar('dance_role', { length: 10 }).$type<OneOf<typeof DANCE_ROLES>>(),
    division: varchar('division', { length: 20 }).$type<OneOf<typeof DIVISIONS>>(),
    city: varchar('city', { length: 100 }),
    country: varchar('country', { length: 100 }),
    /** Site admin granted with `npm run admin:grant` (ADMIN_EMAILS adds more, from config). */
    isAdmin: boolean('is_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Usernames are unique whatever their case; emails are stored lower-cased.
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_dance_role', oneOf('dance_role', DANCE_ROLES)),
    check('users_division', oneOf('division', DIVISIONS)),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: varchar('user_agent', { length: 255 }),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('idx_sessions_user_id').on(t.userId)],
);

export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 255 }).notNull(),
    location: varchar('location', { length: 255 }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    worldsdcId: varchar('worldsdc_id', { length: 100 }).unique(),
    participantsCount: integer('participants_count').notNull().default(0),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_events_start_date').on(t.startDate),
    index('idx_events_end_date').on(t.endDate),
    check('events_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('events_participants_count', sql`${t.participantsCount} >= 0`),
  ],
);

export const eventParticipants = pgTable(
  'event_participants',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once, when the dancer scans the code at the venue's door; null while only joined. */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index('idx_event_participants_user_id').on(t.userId),
  ],
);

/** Who runs an event: granted by an admin or by another organiser of that event. */
export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: integer('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index('idx_event_organisers_user_id').on(t.userId),
  ],
);

export const chatRooms = pgTable(
  'chat_rooms',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id').references(() => events.id),
    type: varchar('type', { length: 20 }).$type<OneOf<typeof CHAT_ROOM_TYPES>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('chat_rooms_type', oneOf('type', CHAT_ROOM_TYPES)),
    // One event-wide room per event.
    uniqueIndex('chat_rooms_event_room_key')
      .on(t.eventId)
      .where(sql`type = 'event'`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: serial('id').primaryKey(),
    roomId: integer('room_id')
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    content: text('content').notNull(),
    type: varchar('type', { length: 20 }).$type<OneOf<typeof MESSAGE_TYPES>>().notNull(),
    clientId: uuid('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_messages_room_id').on(t.roomId),
    index('idx_messages_created_at').on(t.createdAt),
    // Cursor pagination walks a room by id.
    index('idx_messages_room_id_id').on(t.roomId, t.id),
    // A retried message (same sender, same clientId) is stored once.
    unique('messages_user_client_id_key').on(t.userId, t.clientId),
    check('messages_type', oneOf('type', MESSAGE_TYPES)),
    check('messages_content_length', sql`char_length(${t.content}) between 1 and 4096`),
  ],
);

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
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_reports_reporter_id').on(t.reporterId),
    index('idx_reports_reported_id').on(t.reportedId),
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

/** What an event's organisers tell every dancer; withdrawn ones keep their row (removed_at). */
export const announcements = pgTable(
  'announcements',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    content: text('content').notNull(),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('idx_announcements_event_id').on(t.eventId, t.createdAt),
    check('announcements_content_length', sql`char_length(${t.content}) between 1 and 1000`),
  ],
);

/** A dancer (blocker) who stopped another (blocked) from reaching them. */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: integer('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: integer('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('idx_user_blocks_blocked_id').on(t.blockedId),
    check('user_blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);
