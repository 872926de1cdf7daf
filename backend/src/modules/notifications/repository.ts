import type { NotificationType } from '@spotlight/contracts';
import { and, count, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  matches,
  matchReads,
  messages,
  notificationEventPauses,
  notificationMutes,
  notifications,
  users,
} from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<
  typeof notifications.$inferInsert,
  'id' | 'readAt' | 'createdAt'
>;

/**
 * Stores a notification; an unread one with the same tag is replaced (new text, new time),
 * as the phone replaces it. `created` is false for a replacement.
 */
export async function upsertNotification(db: Executor, row: NewNotification) {
  const [saved] = await db
    .insert(notifications)
    .values(row)
    .onConflictDoUpdate({
      target: [notifications.userId, notifications.tag],
      targetWhere: sql`read_at is null`,
      set: { title: row.title, body: row.body, url: row.url, createdAt: sql`now()` },
    })
    .returning({ ...getTableColumns(notifications), inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...notification } = saved!;
  return { notification, created: inserted };
}

export const listNotifications = (
  db: Executor,
  userId: number,
  before: number | undefined,
  limit: number,
) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);

export const unreadCount = async (db: Executor, userId: number) =>
  (
    await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  )[0]!.n;

export const markRead = (db: Executor, userId: number, ids: number[] | 'all') =>
  db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );

/** Marks the unread notifications about one match's chat read (the user opened it). */
export const markMatchNotificationsRead = (db: Executor, userId: number, matchId: number) =>
  db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.matchId, matchId),
        isNull(notifications.readAt),
        inArray(notifications.type, ['private_message', 'video_offer']),
      ),
    );

/** The account's language; null when it chose none (or is gone). */
export const userLanguage = async (db: Executor, userId: number) =>
  (await db.select({ language: users.language }).from(users).where(eq(users.id, userId)))[0]
    ?.language ?? null;

export const mutedTypes = async (db: Executor, userId: number) =>
  (
    await db
      .select({ type: notificationMutes.type })
      .from(notificationMutes)
      .where(eq(notificationMutes.userId, userId))
  ).map((row) => row.type);

export async function setMuted(
  db: Executor,
  userId: number,
  changes: Partial<Record<NotificationType, boolean>>,
) {
  const entries = Object.entries(changes) as [NotificationType, boolean][];
  const mute = entries.filter(([, on]) => !on).map(([type]) => type);
  const unmute = entries.filter(([, on]) => on).map(([type]) => type);
  if (mute.length) {
    await db
      .insert(notificationMutes)
      .values(mute.map((type) => ({ userId, type })))
      .onConflictDoNothing();
  }
  if (unmute.length) {
    await db
      .delete(notificationMutes)
      .where(and(eq(notificationMutes.userId, userId), inArray(notificationMutes.type, unmute)));
  }
}

export const pausedEventIds = async (db: Executor, userId: number) =>
  (
    await db
      .select({ eventId: notificationEventPauses.eventId })
      .from(notificationEventPauses)
      .where(eq(notificationEventPauses.userId, userId))
      .orderBy(notificationEventPauses.eventId)
  ).map((row) => row.eventId);

export const setEventPaused = (db: Executor, userId: number, eventId: number, paused: boolean) =>
  paused
    ? db.insert(notificationEventPauses).values({ userId, eventId }).onConflictDoNothing()
    : db
        .delete(notificationEventPauses)
        .where(
          and(
            eq(notificationEventPauses.userId, userId),
            eq(notificationEventPauses.eventId, eventId),
          ),
        );

/** Moves the user's read mark of a match chat forward (never back). */
export const markMatchRead = (
  db: Executor,
  matchId: number,
  userId: number,
  lastMessageId: number,
) =>
  db
    .insert(matchReads)
    .values({ matchId, userId, lastMessageId })
    .onConflictDoUpdate({
      target: [matchReads.matchId, matchReads.userId],
      set: {
        lastMessageId: sql`greatest(${matchReads.lastMessageId}, excluded.last_message_id)`,
        updatedAt: sql`now()`,
      },
    });

/** The newest message of a room, 0 for an empty one. */
export const newestMessageId = async (db: Executor, roomId: number) =>
  (
    await db
      .select({ id: sql<number>`coalesce(max(${messages.id}), 0)` })
      .from(messages)
      .where(eq(messages.roomId, roomId))
  )[0]!.id;

/**
 * Messages from the partner after the user's read mark, per match of the user (only matches
 * with some). `matchId` narrows it to one.
 */
export const unreadChats = (db: Executor, userId: number, matchId?: number) =>
  db
    .select({ matchId: matches.id, unread: count(messages.id) })
    .from(matches)
    .innerJoin(messages, eq(messages.roomId, matches.roomId))
    .leftJoin(matchReads, and(eq(matchReads.matchId, matches.id), eq(matchReads.userId, userId)))
    .where(
      and(
        or(eq(matches.user1Id, userId), eq(matches.user2Id, userId)),
        matchId ? eq(matches.id, matchId) : undefined,
        sql`${messages.userId} <> ${userId}`,
        sql`${messages.id} > coalesce(${matchReads.lastMessageId}, 0)`,
      ),
    )
    .groupBy(matches.id)
    .orderBy(matches.id);
