import { z } from 'zod';
import { defineEndpoint } from './endpoint';

export const Health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

const CheckResult = z.enum(['ok', 'failed', 'disabled']);
export const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: CheckResult, redis: CheckResult }),
});
export type Readiness = z.infer<typeof Readiness>;

export const systemEndpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    auth: 'public',
    tag: 'system',
    summary: 'Liveness: the process answers',
    response: Health,
  }),
  ready: defineEndpoint({
    method: 'GET',
    path: '/api/ready',
    auth: 'public',
    tag: 'system',
    summary: 'Readiness: the database (and Redis, when configured) answer; 503 otherwise',
    response: Readiness,
    errors: ['service_unavailable'],
  }),
} as const;
