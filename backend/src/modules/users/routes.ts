import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { isAppError } from '../../errors';
import { mountEndpoint, type Authenticate } from '../../http/route';
import { readBody } from './avatars';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/service';
import type { PrivacyService } from './privacy';
import type { UsersService } from './service';

export function mountUsersRoutes(
  router: Router,
  {
    users,
    privacy,
    isProduction,
  }: { users: UsersService; privacy: PrivacyService; isProduction: boolean },
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.users.me, authenticate, ({ user }) => users.me(user.id));
  // The signed-out answer is a 200 with null: only a missing or ended session counts as that.
  mountEndpoint(router, api.auth.session, authenticate, async ({ req }) => {
    const user = await authenticate(req).catch((error: unknown) => {
      if (isAppError(error) && error.status === 401) return null;
      throw error;
    });
    return { user: user ? await users.me(user.id) : null };
  });
  mountEndpoint(router, api.users.updateMe, authenticate, ({ user, body }) =>
    users.updateMe(user.id, body),
  );
  // The body is the photo itself (any image type; checked from its bytes), read after sign-in.
  mountEndpoint(router, api.users.uploadAvatar, authenticate, async ({ user, req }) =>
    users.uploadAvatar(user.id, await readBody(req)),
  );
  mountEndpoint(router, api.users.deleteAvatar, authenticate, ({ user }) =>
    users.deleteAvatar(user.id),
  );
  mountEndpoint(router, api.users.exportMe, authenticate, ({ user, res }) => {
    res.attachment(`spotlight-cam-data-${user.id}.json`);
    return privacy.exportData(user.id);
  });
  mountEndpoint(router, api.users.deleteMe, authenticate, async ({ user, body, res }) => {
    const done = await privacy.deleteAccount(user.id, body);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(isProduction));
    return done;
  });
  mountEndpoint(router, api.users.get, authenticate, ({ params }) => users.getPublic(params.id));
}
