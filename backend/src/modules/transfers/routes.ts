import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { TransfersService } from './service';

export function mountTransfersRoutes(
  router: Router,
  transfers: TransfersService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.transfers.telemetry, authenticate, ({ user, body }) =>
    transfers.record(user.id, body),
  );
  mountEndpoint(router, api.transfers.stats, authenticate, () => transfers.stats());
}
