import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { ReportsService } from './service';

export function mountReportsRoutes(
  router: Router,
  reports: ReportsService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.reports.create, authenticate, ({ user, body }) =>
    reports.create(user.id, body),
  );
  mountEndpoint(router, api.reports.list, authenticate, ({ user, query }) =>
    reports.list(user.id, query.page, query.limit),
  );
  mountEndpoint(router, api.reports.get, authenticate, ({ user, params }) =>
    reports.get(user.id, params.id),
  );
}
