import type { Me, PublicUser, UpdateMeBody } from '@spotlight/contracts';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import { toMe, toPublicUser } from './presenter';

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService({ db }: AppContext) {
  const find = async (id: number) =>
    (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

  return {
    find,

    async me(userId: number): Promise<Me> {
      const user = await find(userId);
      if (!user) throw notFound('User');
      return toMe(user);
    },

    async updateMe(userId: number, changes: UpdateMeBody): Promise<Me> {
      const [user] = await db
        .update(users)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(users.id, userId))
        .returning();
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
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
      if (!row) throw notFound('User');
    },
  };
}
