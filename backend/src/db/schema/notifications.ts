/** Notifications: the centre's rows, push subscriptions, preferences and chat read marks. */
import { NOTIFICATION_TYPES } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, oneOf, type OneOf } from './columns';
import { events } from './events';
import { matches } from './matches';
import { sessions, users } from './people';

const owner = () =>
  integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/** One browser's push subscription, tied to the session that made it (logout removes it). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: serial('id').primaryKey(),
    userId: owner(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    endpoint: varchar('endpoint', { length: 1024 }).notNull(),
    p256dh: varchar('p256dh', { length: 128 }).notNull(),
    auth: varchar('auth', { length: 64 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('idx_push_subscriptions_user_id').on(t.userId),
    index('idx_push_subscriptions_session_id').on(t.sessionId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: owner(),
    type: varchar('type', { length: 30 }).$type<OneOf<typeof NOTIFICATION_TYPES>>().notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    url: varchar('url', { length: 300 }).notNull(),
    tag: varchar('tag', { length: 100 }).notNull(),
    matchId: integer('match_id').references(() => matches.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_notifications_user_id_id').on(t.userId, t.id),
    // An unread notification with the same tag is replaced, as on the phone.
    uniqueIndex('notifications_unread_tag_key')
      .on(t.userId, t.tag)
      .where(sql`read_at is null`),
    check('notifications_type', oneOf('type', NOTIFICATION_TYPES)),
  ],
);

/** The notification types a user turned off (push only; the centre keeps every one). */
export const notificationMutes = pgTable(
  'notification_mutes',
  {
    userId: owner(),
    type: varchar('type', { length: 30 }).$type<OneOf<typeof NOTIFICATION_TYPES>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.type] }),
    check('notification_mutes_type', oneOf('type', NOTIFICATION_TYPES)),
  ],
);

/** Events whose pushes a user paused. */
export const notificationEventPauses = pgTable(
  'notification_event_pauses',
  {
    userId: owner(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventId] })],
);

/** The newest message of a match chat each participant has read. */
export const matchReads = pgTable(
  'match_reads',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    userId: owner(),
    lastMessageId: integer('last_message_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.userId] })],
);
