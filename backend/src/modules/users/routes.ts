import { api } from '@spotlight/contracts';
import type { Router } from 'express';
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
