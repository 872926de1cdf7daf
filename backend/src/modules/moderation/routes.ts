import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { ModerationService } from './service';

export function mountModerationRoutes(
  router: Router,
  moderation: ModerationService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.moderation.queue, authenticate, ({ user, query }) =>
    moderation.queue(user.id, query),
  );
  mountEndpoint(router, api.moderation.close, authenticate, ({ user, params, body }) =>
    moderation.close(user.id, params.id, body),
  );
  mountEndpoint(router, api.moderation.unsuspend, authenticate, ({ user, params }) =>
    moderation.unsuspend(user.id, params.id),
  );
  mountEndpoint(router, api.moderation.audit, authenticate, ({ user }) =>
    moderation.audit(user.id),
  );
}
