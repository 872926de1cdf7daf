/**
 * Blocking. The policy (who may reach whom, whose messages a viewer sees) sits low, so that
 * matches, chat and signaling can ask it; blocking itself closes the open match between the
 * two, so it sits above matches.
 */
import type { BlockList } from '@spotlight/contracts';
import { AppError } from '../../errors';
import type { AppContext } from '../../http/context';
import type { MatchesService } from '../matches/service';
import type { UsersService } from '../users/service';
import * as repo from './repository';

export type BlocksPolicy = ReturnType<typeof createBlocksPolicy>;
export type BlocksService = ReturnType<typeof createBlocksService>;

/** The refusal: the same whoever blocked whom, so that it does not tell a block exists. */
export const unreachable = () => new AppError('blocked', 'You cannot reach this dancer');

export function createBlocksPolicy({ db }: Pick<AppContext, 'db'>) {
  return {
    /** Throws `blocked` when either of the two blocked the other. */
    async assertReachable(fromId: number, toId: number) {
      if (await repo.blockedEither(db, fromId, toId)) throw unreachable();
    },
    /** Users whose event-chat messages `viewerId` does not see. */
    hiddenFor: (viewerId: number) => repo.blockedBy(db, viewerId),
    /** Users who do not see `senderId`'s event-chat messages. */
    blockersOf: (senderId: number) => repo.blockersOf(db, senderId),
  };
}

export function createBlocksService(
  { db }: AppContext,
  deps: { users: UsersService; matches: MatchesService },
) {
  const list = async (userId: number): Promise<BlockList> => ({
    items: (await repo.listBlocked(db, userId)).map(({ blockedAt, ...user }) => ({
      ...user,
      blockedAt: blockedAt.toISOString(),
    })),
  });

  return {
    list,

    async block(userId: number, targetId: number): Promise<BlockList> {
      if (targetId === userId) throw new AppError('self_action', 'You cannot block yourself');
      await deps.users.assertExists(targetId);
      await repo.insertBlock(db, userId, targetId);
      await deps.matches.closeBetween(userId, targetId);
      return list(userId);
    },

    async unblock(userId: number, targetId: number): Promise<BlockList> {
      await deps.users.assertExists(targetId);
      await repo.deleteBlock(db, userId, targetId);
      return list(userId);
    },
  };
}
