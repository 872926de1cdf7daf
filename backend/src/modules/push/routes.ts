import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { PushService } from './service';

export function mountPushRoutes(router: Router, push: PushService, authenticate: Authenticate) {
  mountEndpoint(router, api.push.vapidPublicKey, authenticate, () => push.vapidPublicKey());
  mountEndpoint(router, api.push.subscribe, authenticate, async ({ user, body, res }) => {
    const saved = await push.subscribe(user, body);
    // 201 for a new subscription, 200 for one this server had already.
    if (saved.created) res.status(201);
    return saved;
  });
  mountEndpoint(router, api.push.unsubscribe, authenticate, ({ user, body }) =>
    push.unsubscribe(user.id, body.endpoint),
  );
}
