import { api, type Readiness } from '@spotlight/contracts';
import type { Router } from 'express';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

const READY_CHECK_TIMEOUT_MS = 800;

export function mountSystemRoutes(router: Router, ctx: AppContext, authenticate: Authenticate) {
  mountEndpoint(router, api.system.health, authenticate, () => ({
    status: 'ok' as const,
    uptimeSeconds: Math.round(process.uptime()),
  }));

  // Both checks at once, each bounded: a load balancer asking /api/ready gets its answer
  // within a second, whatever is down.
  mountEndpoint(router, api.system.ready, authenticate, async ({ res }) => {
    const check = async (run: () => Promise<unknown>) => {
      try {
        await withTimeout(run(), READY_CHECK_TIMEOUT_MS);
        return 'ok' as const;
      } catch {
        return 'failed' as const;
      }
    };
    const redis = ctx.redis;
    const [database, redisCheck] = await Promise.all([
      check(() => ctx.database.ping()),
      redis ? check(() => redis.ping()) : ('disabled' as const),
    ]);
    const checks: Readiness['checks'] = { database, redis: redisCheck };
    const ready = checks.database === 'ok' && checks.redis !== 'failed' && !ctx.state.shuttingDown;
    if (!ready) res.status(503);
    return { status: ready ? ('ready' as const) : ('not_ready' as const), checks };
  });
}
