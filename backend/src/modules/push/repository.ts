import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pushSubscriptions, sessions } from '../../db/schema';

export interface NewSubscription {
  userId: number;
  sessionId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  expiresAt: Date | null;
}

/**
 * Saves a subscription by its endpoint: a second save (another tab, a new sign-in on the same
 * browser) updates it and moves it to this user and session. `created` is false then.
 */
export async function upsertSubscription(db: Executor, row: NewSubscription) {
  const [saved] = await db
    .insert(pushSubscriptions)
    .values(row)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId: row.userId,
        sessionId: row.sessionId,
        p256dh: row.p256dh,
        auth: row.auth,
        expiresAt: row.expiresAt,
      },
    })
    // xmax = 0 only for a row this statement inserted.
    .returning({ id: pushSubscriptions.id, inserted: sql<boolean>`(xmax = 0)` });
  return { id: saved!.id, created: saved!.inserted };
}

export const deleteSubscription = async (db: Executor, userId: number, endpoint: string) =>
  (
    await db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .returning({ id: pushSubscriptions.id })
  ).length > 0;

export const deleteSubscriptionById = (db: Executor, id: number) =>
  db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));

export const deleteSessionSubscriptions = (db: Executor, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve()
    : db.delete(pushSubscriptions).where(inArray(pushSubscriptions.sessionId, sessionIds));

/** Only subscriptions of live sessions: a signed-out device gets nothing, even before cleanup. */
const liveSession = and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`));

export const userSubscriptionIds = async (db: Executor, userId: number) =>
  (
    await db
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
      .where(and(eq(pushSubscriptions.userId, userId), liveSession))
  ).map((row) => row.id);

export const findSubscription = async (db: Executor, id: number) =>
  (
    await db
      .select({
        endpoint: pushSubscriptions.endpoint,
        p256dh: pushSubscriptions.p256dh,
        auth: pushSubscriptions.auth,
      })
      .from(pushSubscriptions)
      .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
      .where(and(eq(pushSubscriptions.id, id), liveSession))
  )[0];
