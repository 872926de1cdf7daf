import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { MatchesService } from './service';

export function mountMatchesRoutes(
  router: Router,
  matches: MatchesService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.matches.list, authenticate, ({ user, query }) =>
    matches.list(user.id, query),
  );
  mountEndpoint(router, api.matches.create, authenticate, ({ user, body }) =>
    matches.create(user.id, body),
  );
  mountEndpoint(router, api.matches.get, authenticate, ({ user, params }) =>
    matches.get(user.id, params.id),
  );
  mountEndpoint(router, api.matches.update, authenticate, ({ user, params, body }) =>
    matches.transition(user.id, params.id, body.status),
  );
}
