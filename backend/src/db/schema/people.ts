/** Accounts, their sessions, and whom they blocked. */
import { COUNTRY_CODES, DANCE_ROLES, DIVISIONS, LANGUAGES } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, oneOf, type OneOf } from './columns';

/** A required reference to a user, as most rows name the one they belong to. */
export const userRef = (name: string) =>
  integer(name)
    .notNull()
    .references(() => users.id);

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
    /** The highest WSDC division per role, filled from the points registry (modules/wsdc). */
    leaderDivision: varchar('leader_division', { length: 20 }).$type<OneOf<typeof DIVISIONS>>(),
    followerDivision: varchar('follower_division', { length: 20 }).$type<OneOf<typeof DIVISIONS>>(),
    city: varchar('city', { length: 100 }),
    /** ISO 3166-1 alpha-2, upper-case (`PL`); names come from Intl.DisplayNames in the app. */
    country: varchar('country', { length: 2 }).$type<OneOf<typeof COUNTRY_CODES>>(),
    /** Profile links, each checked against its network (contracts' SOCIAL_PATTERNS). */
    instagram: varchar('instagram', { length: 200 }),
    youtube: varchar('youtube', { length: 200 }),
    tiktok: varchar('tiktok', { length: 200 }),
    facebook: varchar('facebook', { length: 200 }),
    /** The app's language chosen on the account (mails and pushes use it too); null: the browser's. */
    language: varchar('language', { length: 5 }).$type<OneOf<typeof LANGUAGES>>(),
    /** When the account's current e-mail address was verified; null: not (yet). */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Site admin granted with `npm run admin:grant` (ADMIN_EMAILS adds more, from config). */
    isAdmin: boolean('is_admin').notNull().default(false),
    /** Set by a moderator's suspension: no sign-in until an admin lifts it. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** Until then, the dancer cannot write in event chats (a moderator's mute). */
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    /** The dancer deleted the account: personal data erased, the row kept for their messages. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Usernames are unique whatever their case; emails are stored lower-cased.
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_dance_role', oneOf('dance_role', DANCE_ROLES)),
    check('users_division', oneOf('division', DIVISIONS)),
    check('users_leader_division', oneOf('leader_division', DIVISIONS)),
    check('users_follower_division', oneOf('follower_division', DIVISIONS)),
    check('users_country', oneOf('country', COUNTRY_CODES)),
    check('users_language', oneOf('language', LANGUAGES)),
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
