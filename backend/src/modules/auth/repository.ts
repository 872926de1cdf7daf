import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { sessions, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export const findUserByEmail = async (db: Executor, email: string) =>
  (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];

export const insertUser = async (db: Executor, values: typeof users.$inferInsert) =>
  (await db.insert(users).values(values).returning())[0]!;

export const insertSession = async (db: Executor, values: typeof sessions.$inferInsert) =>
  (await db.insert(sessions).values(values).returning())[0]!;

/** A session that is neither revoked nor expired. */
export const findLiveSession = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(
        and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
      )
      .limit(1)
  )[0];

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
