import { api, type Readiness } from '@spotlight/contracts';
import type { Router } from 'express';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

export function mountSystemRoutes(router: Router, ctx: AppContext, authenticate: Authenticate) {
  mountEndpoint(router, api.system.health, authenticate, () => ({
    status: 'ok' as const,
    uptimeSeconds: Math.round(process.uptime()),
  }));

  mountEndpoint(router, api.system.ready, authenticate, async ({ res }) => {
    const check = async (run: () => Promise<unknown>) => {
      try {
        await withTimeout(run(), 2000);
        return 'ok' as const;
      } catch {
        return 'failed' as const;
      }
    };
    const checks: Readiness['checks'] = {
      database: await check(() => ctx.database.ping()),
      redis: ctx.redis ? await check(() => ctx.redis!.ping()) : 'disabled',
    };
    const ready = checks.database === 'ok' && checks.redis !== 'failed' && !ctx.state.shuttingDown;
    if (!ready) res.status(503);
    return { status: ready ? ('ready' as const) : ('not_ready' as const), checks };
  });
}
