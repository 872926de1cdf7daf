import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { OrganisersService } from './organisers';

export function mountOrganisersRoutes(
  router: Router,
  organisers: OrganisersService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.organisers.list, authenticate, ({ params }) =>
    organisers.list(params.id),
  );
  mountEndpoint(router, api.organisers.grant, authenticate, ({ user, params, body }) =>
    organisers.grant(user.id, params.id, body.username),
  );
  mountEndpoint(router, api.organisers.revoke, authenticate, ({ user, params }) =>
    organisers.revoke(user.id, params.id, params.userId),
  );
}
