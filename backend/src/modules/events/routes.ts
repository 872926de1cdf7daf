import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { EventsService } from './service';

export function mountEventsRoutes(
  router: Router,
  events: EventsService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.events.list, authenticate, ({ user, query }) =>
    events.list(user.id, query),
  );
  mountEndpoint(router, api.events.get, authenticate, ({ user, params }) =>
    events.get(user.id, params.id),
  );
  mountEndpoint(router, api.events.join, authenticate, ({ user, params }) =>
    events.join(user.id, params.id),
  );
  mountEndpoint(router, api.events.leave, authenticate, ({ user, params }) =>
    events.leave(user.id, params.id),
  );
  mountEndpoint(router, api.events.participants, authenticate, ({ user, params, query }) =>
    events.participants(user.id, params.id, query.page, query.limit),
  );
}
