import type { Me, PublicUser, UpdateMeBody } from '@spotlight/contracts';
import { notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import { toMe, toPublicUser } from './presenter';
import * as repo from './repository';

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService({ db }: AppContext) {
  const find = (id: number) => repo.findUserById(db, id);

  return {
    find,

    async me(userId: number): Promise<Me> {
      const user = await find(userId);
      if (!user) throw notFound('User');
      return toMe(user);
    },

    async updateMe(userId: number, changes: UpdateMeBody): Promise<Me> {
      const user = await repo.updateUser(db, userId, changes);
      if (!user) throw notFound('User');
      return toMe(user);
    },

    async getPublic(id: number): Promise<PublicUser> {
      const user = await find(id);
      if (!user) throw notFound('User');
      return toPublicUser(user);
    },

    /** Throws 404 unless the user exists. */
    async assertExists(id: number): Promise<void> {
      if (!(await repo.userExists(db, id))) throw notFound('User');
    },
  };
}
