import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { NotificationsService } from './service';

export function mountNotificationsRoutes(
  router: Router,
  notifications: NotificationsService,
  authenticate: Authenticate,
) {
  const n = api.notifications;
  mountEndpoint(router, n.list, authenticate, ({ user, query }) =>
    notifications.list(user.id, query),
  );
  mountEndpoint(router, n.markRead, authenticate, ({ user, body }) =>
    notifications.markRead(user.id, body),
  );
  mountEndpoint(router, n.unread, authenticate, ({ user }) => notifications.unread(user.id));
  mountEndpoint(router, n.preferences, authenticate, ({ user }) =>
    notifications.preferences(user.id),
  );
  mountEndpoint(router, n.updatePreferences, authenticate, ({ user, body }) =>
    notifications.updatePreferences(user.id, body.types),
  );
  mountEndpoint(router, n.pauseEvent, authenticate, ({ user, params, body }) =>
    notifications.pauseEvent(user.id, params.id, body.paused),
  );
  mountEndpoint(router, n.matchRead, authenticate, ({ user, params, body }) =>
    notifications.matchRead(user.id, params.id, body.lastMessageId),
  );
}
