import type { WsdcDancer } from '@spotlight/contracts';
import { AppError, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import { createTtlCache } from './cache';
import { createWsdcRegistry, RegistryUnavailable, type WsdcRegistry } from './registry';

/** A found dancer is cached a day: names and divisions change a few times a year at most. */
export const WSDC_FOUND_TTL_MS = 24 * 3600_000;
/** Not found, for a few minutes only: a dancer's first points make the number appear. */
export const WSDC_NOT_FOUND_TTL_MS = 5 * 60_000;
const CACHE_ENTRIES = 5000;

export type WsdcService = ReturnType<typeof createWsdcService>;

/**
 * WSDC lookups for the profile form: rate-limited per user, answered from the cache when it
 * can, and at most one registry request per number at a time. "Unavailable" is never cached,
 * so that the next try asks the registry again.
 */
export function createWsdcService(
  { config, limits, logger }: AppContext,
  registry: WsdcRegistry = createWsdcRegistry({
    url: config.WSDC_REGISTRY_URL,
    timeoutMs: config.WSDC_TIMEOUT_MS,
  }),
) {
  const cache = createTtlCache<WsdcDancer | null>(CACHE_ENTRIES);
  const inFlight = new Map<string, Promise<WsdcDancer | null>>();

  const ask = (wsdcId: string) => {
    const pending = inFlight.get(wsdcId);
    if (pending) return pending;
    const request = registry
      .find(wsdcId)
      .then((dancer) => {
        cache.set(wsdcId, dancer, dancer ? WSDC_FOUND_TTL_MS : WSDC_NOT_FOUND_TTL_MS);
        return dancer;
      })
      .finally(() => inFlight.delete(wsdcId));
    inFlight.set(wsdcId, request);
    return request;
  };

  return {
    /** The registry's dancer with this number: 404 `wsdc_not_found`, 502 `wsdc_unavailable`. */
    async lookup(userId: number, rawId: string): Promise<WsdcDancer> {
      const wait = await consume(limits.wsdcUser, String(userId));
      if (wait > 0) throw rateLimited(wait, 'Too many WSDC lookups; try again later');
      // "007" and "7" are the same dancer (and one cache entry).
      const wsdcId = String(Number(rawId));
      let dancer = cache.get(wsdcId);
      if (dancer === undefined) {
        try {
          dancer = await ask(wsdcId);
        } catch (error) {
          if (!(error instanceof RegistryUnavailable)) throw error;
          logger.warn({ wsdcId, reason: error.message }, 'WSDC registry unavailable');
          throw new AppError(
            'wsdc_unavailable',
            'The WSDC points registry is not answering right now; try again in a minute',
          );
        }
      }
      if (!dancer) {
        throw new AppError('wsdc_not_found', `The WSDC registry has no dancer number ${wsdcId}`);
      }
      return dancer;
    },
  };
}
