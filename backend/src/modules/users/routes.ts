import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import { readBody } from './avatars';
import type { UsersService } from './service';

export function mountUsersRoutes(router: Router, users: UsersService, authenticate: Authenticate) {
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
  mountEndpoint(router, api.users.get, authenticate, ({ params }) => users.getPublic(params.id));
}
