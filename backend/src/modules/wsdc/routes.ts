import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { WsdcService } from './service';

export function mountWsdcRoutes(router: Router, wsdc: WsdcService, authenticate: Authenticate) {
  mountEndpoint(router, api.wsdc.lookup, authenticate, ({ user, params }) =>
    wsdc.lookup(user.id, params.wsdcId),
  );
}
