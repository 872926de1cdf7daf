import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { EventAdminService } from './admin';

export function mountEventAdminRoutes(
  router: Router,
  admin: EventAdminService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.eventAdmin.create, authenticate, ({ user, body }) =>
    admin.create(user.id, body),
  );
  mountEndpoint(router, api.eventAdmin.import, authenticate, ({ user, body }) =>
    admin.import(user.id, body),
  );
  mountEndpoint(router, api.eventAdmin.update, authenticate, ({ user, params, body }) =>
    admin.update(user.id, params.id, body),
  );
  // The link a phone's own camera app opens: this server's origin as the browser sees it
  // (Express reads X-Forwarded-Proto and the Host header through the trusted proxy).
  mountEndpoint(router, api.eventAdmin.checkInCode, authenticate, ({ user, params, req }) =>
    admin.checkInCode(user.id, params.id, `${req.protocol}://${req.get('host')}`),
  );
  mountEndpoint(router, api.eventAdmin.checkIn, authenticate, ({ user, params, body }) =>
    admin.checkIn(user.id, params.id, body.token),
  );
}
