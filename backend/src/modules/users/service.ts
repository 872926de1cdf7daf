import type { Me, PublicUser, UpdateMeBody } from '@spotlight/contracts';
import { notFound } from '../../errors';
import type { Executor } from '../../db/client';
import type { AppContext } from '../../http/context';
import { findPendingEmail } from '../auth/repository';
import type { RolesService } from '../roles/service';
import { avatarKeys, avatarName, AVATAR_URL_PREFIX, diskStorage, renderAvatar } from './avatars';
import { toMe, toPublicUser, type UserRow } from './presenter';
import * as repo from './repository';

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService({ db, config }: AppContext, deps: { roles: RolesService }) {
  const find = (id: number) => repo.findUserById(db, id);
  const storage = diskStorage(config.UPLOADS_DIR);
  const present = async (user: UserRow): Promise<Me> =>
    toMe(user, await deps.roles.rolesOf(user.id), await findPendingEmail(db, user.id));

  /** Sets the avatar URL, then removes the files of the one it replaced (if they were ours). */
  async function replaceAvatar(userId: number, avatar: string | null): Promise<Me> {
    const before = await find(userId);
    if (!before) throw notFound('User');
    const user = await repo.updateUser(db, userId, { avatar });
    if (!user) throw notFound('User');
    await Promise.all(avatarKeys(before.avatar).map((key) => storage.remove(key)));
    return present(user);
  }

  return {
    find,

    async me(userId: number): Promise<Me> {
      const user = await find(userId);
      if (!user) throw notFound('User');
      return present(user);
    },

    async updateMe(userId: number, changes: UpdateMeBody): Promise<Me> {
      const user = await repo.updateUser(db, userId, changes);
      if (!user) throw notFound('User');
      return present(user);
    },

    /** Stores an uploaded photo as the avatar (checked, resized, metadata stripped). */
    async uploadAvatar(userId: number, bytes: Buffer): Promise<Me> {
      const files = await renderAvatar(bytes);
      const name = avatarName(userId);
      for (const [size, file] of files) await storage.put(`avatars/${name}-${size}.webp`, file);
      return replaceAvatar(userId, `${AVATAR_URL_PREFIX}${name}-512.webp`);
    },

    deleteAvatar: (userId: number) => replaceAvatar(userId, null),

    /** A dancer by username, whatever its case (usernames are unique that way). */
    findByUsername: (username: string) => repo.findUserByUsername(db, username),

    async getPublic(id: number): Promise<PublicUser> {
      const user = await find(id);
      if (!user) throw notFound('User');
      return toPublicUser(user);
    },

    /** Sets or lifts a moderator's sanctions (the moderation module decides who may). */
    setSanctions: (
      id: number,
      values: { suspendedAt?: Date | null; mutedUntil?: Date | null },
      tx: Executor = db,
    ) => repo.setSanctions(tx, id, values),

    /** Throws 404 unless the user exists. */
    async assertExists(id: number): Promise<void> {
      if (!(await repo.userExists(db, id))) throw notFound('User');
    },
  };
}
