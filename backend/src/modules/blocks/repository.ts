import { and, desc, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { userBlocks, users } from '../../db/schema';

/** Blocks `blockedId` for `blockerId`; blocking twice keeps the first time. */
export const insertBlock = (db: Executor, blockerId: number, blockedId: number) =>
  db.insert(userBlocks).values({ blockerId, blockedId }).onConflictDoNothing();

export const deleteBlock = (db: Executor, blockerId: number, blockedId: number) =>
  db
    .delete(userBlocks)
    .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));

export const listBlocked = (db: Executor, blockerId: number) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      avatar: users.avatar,
      blockedAt: userBlocks.createdAt,
    })
    .from(userBlocks)
    .innerJoin(users, eq(users.id, userBlocks.blockedId))
    .where(eq(userBlocks.blockerId, blockerId))
    .orderBy(desc(userBlocks.createdAt));

/** Whether either of the two blocked the other. */
export const blockedEither = async (db: Executor, a: number, b: number) =>
  (
    await db
      .select({ blockerId: userBlocks.blockerId })
      .from(userBlocks)
      .where(
        or(
          and(eq(userBlocks.blockerId, a), eq(userBlocks.blockedId, b)),
          and(eq(userBlocks.blockerId, b), eq(userBlocks.blockedId, a)),
        ),
      )
      .limit(1)
  ).length > 0;

/** Who blocked `userId` (their event-chat messages are hidden for these). */
export const blockersOf = async (db: Executor, userId: number) =>
  (
    await db
      .select({ id: userBlocks.blockerId })
      .from(userBlocks)
      .where(eq(userBlocks.blockedId, userId))
  ).map((row) => row.id);

/** Whom `userId` blocked. */
export const blockedBy = async (db: Executor, userId: number) =>
  (
    await db
      .select({ id: userBlocks.blockedId })
      .from(userBlocks)
      .where(eq(userBlocks.blockerId, userId))
  ).map((row) => row.id);
