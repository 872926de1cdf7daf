import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { RatingsService } from './service';

export function mountRatingsRoutes(
  router: Router,
  ratings: RatingsService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.ratings.create, authenticate, ({ user, body }) =>
    ratings.create(user.id, body),
  );
  mountEndpoint(router, api.ratings.byUser, authenticate, ({ params, query }) =>
    ratings.byUser(params.id, query.page, query.limit),
  );
  mountEndpoint(router, api.ratings.stats, authenticate, ({ params }) => ratings.stats(params.id));
}
