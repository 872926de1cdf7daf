import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { AnnouncementsService } from './service';

export function mountAnnouncementsRoutes(
  router: Router,
  announcements: AnnouncementsService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.announcements.list, authenticate, ({ user, params }) =>
    announcements.list(user.id, params.id),
  );
  mountEndpoint(router, api.announcements.post, authenticate, ({ user, params, body }) =>
    announcements.post(user.id, params.id, body.content),
  );
  mountEndpoint(router, api.announcements.remove, authenticate, ({ user, params }) =>
    announcements.remove(user.id, params.id, params.announcementId),
  );
}
