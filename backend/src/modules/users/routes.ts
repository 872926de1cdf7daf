import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { UsersService } from './service';

export function mountUsersRoutes(router: Router, users: UsersService, authenticate: Authenticate) {
  mountEndpoint(router, api.users.me, authenticate, ({ user }) => users.me(user.id));
  mountEndpoint(router, api.users.updateMe, authenticate, ({ user, body }) =>
    users.updateMe(user.id, body),
  );
  mountEndpoint(router, api.users.get, authenticate, ({ params }) => users.getPublic(params.id));
}
