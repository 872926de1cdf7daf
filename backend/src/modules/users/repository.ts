import type { UpdateMeBody } from '@spotlight/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export const findUserById = async (db: Executor, id: number): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export const findUserByUsername = async (db: Executor, username: string) =>
  (
    await db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
      .limit(1)
  )[0];

export const userExists = async (db: Executor, id: number) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1)).length > 0;

/** Applies profile changes; undefined when the user does not exist. */
export const updateUser = async (
  db: Executor,
  id: number,
  changes: UpdateMeBody,
): Promise<UserRow | undefined> =>
  (
    await db
      .update(users)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning()
  )[0];

/** A moderator's sanctions: the suspension (null lifts it) and the end of a mute. */
export const setSanctions = (
  db: Executor,
  id: number,
  values: { suspendedAt?: Date | null; mutedUntil?: Date | null },
) => db.update(users).set(values).where(eq(users.id, id));
