/**
 * Blocking: a dancer stops another from reaching them (match requests, private messages, video
 * offers: refused with `blocked`, which does not say who blocked whom) and no longer sees their
 * event-chat messages. An open match between the two is closed.
 */
import { z } from 'zod';
import { IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary } from './users';

export const BlockedUser = UserSummary.extend({ blockedAt: Timestamp });
export const BlockList = z.object({ items: z.array(BlockedUser) });
export type BlockList = z.infer<typeof BlockList>;

export const blocksEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/users/me/blocks',
    auth: 'user',
    tag: 'blocks',
    summary: 'The dancers I blocked, newest first',
    response: BlockList,
  }),
  block: defineEndpoint({
    method: 'POST',
    path: '/api/users/:id/block',
    auth: 'user',
    tag: 'blocks',
    summary: 'Block a dancer (blocking twice is harmless); closes an open match between us',
    params: IdParams,
    response: BlockList,
    errors: ['not_found', 'self_action'],
  }),
  unblock: defineEndpoint({
    method: 'DELETE',
    path: '/api/users/:id/block',
    auth: 'user',
    tag: 'blocks',
    summary: 'Unblock a dancer (harmless when not blocked)',
    params: IdParams,
    response: BlockList,
    errors: ['not_found'],
  }),
} as const;
