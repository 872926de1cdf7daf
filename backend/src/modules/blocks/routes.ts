import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { BlocksService } from './service';

export function mountBlocksRoutes(
  router: Router,
  blocks: BlocksService,
  authenticate: Authenticate,
) {
  mountEndpoint(router, api.blocks.list, authenticate, ({ user }) => blocks.list(user.id));
  mountEndpoint(router, api.blocks.block, authenticate, ({ user, params }) =>
    blocks.block(user.id, params.id),
  );
  mountEndpoint(router, api.blocks.unblock, authenticate, ({ user, params }) =>
    blocks.unblock(user.id, params.id),
  );
}
