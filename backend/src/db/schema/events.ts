/** Events, who joined and who runs them, their announcements, and the chat rooms and messages. */
import { CHAT_ROOM_TYPES, MESSAGE_TYPES } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
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
import { createdAt, oneOf, type OneOf } from './columns';
import { userRef, users } from './people';

export const eventRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => events.id);

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
    /** The organiser's choice: joining, checking in and matching need a verified address. */
    requireVerifiedEmail: boolean('require_verified_email').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_events_start_date').on(t.startDate),
    index('idx_events_end_date').on(t.endDate),
    check('events_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('events_participants_count', sql`${t.participantsCount} >= 0`),
  ],
);

/** An event and a user, both required, for rows that go when either goes. */
const memberOfEvent = () => ({
  eventId: integer('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
});

export const eventParticipants = pgTable(
  'event_participants',
  {
    ...memberOfEvent(),
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
    ...memberOfEvent(),
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
