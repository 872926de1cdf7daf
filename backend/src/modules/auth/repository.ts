import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accountTokens, sessions, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export const findUserByEmail = async (db: Executor, email: string) =>
  (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];

export const insertUser = async (db: Executor, values: typeof users.$inferInsert) =>
  (await db.insert(users).values(values).returning())[0]!;

export const insertSession = async (db: Executor, values: typeof sessions.$inferInsert) =>
  (await db.insert(sessions).values(values).returning())[0]!;

const liveSessionQuery = (db: Executor) =>
  db
    .select({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare('find_live_session');

// Every signed-in request runs this query: build it once per database, not per request.
const liveSessionQueries = new WeakMap<Executor, ReturnType<typeof liveSessionQuery>>();

/** A session that is neither revoked nor expired. */
export const findLiveSession = async (db: Executor, id: string) => {
  let query = liveSessionQueries.get(db);
  if (!query) {
    query = liveSessionQuery(db);
    liveSessionQueries.set(db, query);
  }
  return (await query.execute({ id }))[0];
};

export const revokeSession = async (db: Executor, id: string) =>
  db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));

/** Revokes every live session of a user; returns their ids. */
export const revokeUserSessions = async (db: Executor, userId: number) =>
  (
    await db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id })
  ).map((row) => row.id);

/** Deletes sessions that expired or were revoked before `before`; returns how many. */
export const deleteStaleSessions = async (db: Executor, before: Date) =>
  (
    await db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
      .returning({ id: sessions.id })
  ).length;

export type AccountTokenKind = (typeof accountTokens.$inferSelect)['kind'];

export const insertAccountToken = async (db: Executor, values: typeof accountTokens.$inferInsert) =>
  (await db.insert(accountTokens).values(values).returning({ id: accountTokens.id }))[0]!;

export const deleteAccountToken = (db: Executor, id: number) =>
  db.delete(accountTokens).where(eq(accountTokens.id, id));

/** Marks a live token used and returns it; undefined when unknown, used or expired. */
export const useAccountToken = async (db: Executor, kind: AccountTokenKind, tokenHash: string) =>
  (
    await db
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(accountTokens.tokenHash, tokenHash),
          eq(accountTokens.kind, kind),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, sql`now()`),
        ),
      )
      .returning()
  )[0];

/** Ends every unused token of a kind of the user (a new password voids older reset links). */
export const voidAccountTokens = (db: Executor, userId: number, kind: AccountTokenKind) =>
  db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
      ),
    );

export const findUserById = async (db: Executor, id: number) =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

/** Marks the address verified, if it is still the account's address. */
export const markEmailVerified = async (db: Executor, userId: number, email: string) =>
  (
    await db
      .update(users)
      .set({ emailVerifiedAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.email, email)))
      .returning({ id: users.id })
  ).length > 0;

export const setPasswordHash = (db: Executor, userId: number, passwordHash: string) =>
  db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, userId));

/** The new address of the user's live e-mail change, if one waits for its link; else null. */
export const findPendingEmail = async (db: Executor, userId: number) =>
  (
    await db
      .select({ email: accountTokens.email })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.userId, userId),
          eq(accountTokens.kind, 'email_change'),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(accountTokens.id))
      .limit(1)
  )[0]?.email ?? null;

/**
 * Gives the account its new address, verified (the link came to it); false when the account is
 * gone. Throws a unique violation when another account took the address meanwhile.
 */
export const switchEmail = async (db: Executor, userId: number, email: string) =>
  (
    await db
      .update(users)
      .set({ email, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ id: users.id })
  ).length > 0;
