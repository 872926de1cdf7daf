import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/client';
import { isTransientError } from '../lib/errors';

/**
 * Retry only what may pass on a second try (a 500 too, for a read); a 403 or 404 is an
 * answer, not a hiccup.
 */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 3 &&
  (!isApiError(error) || isTransientError(error.code) || error.code === 'internal_error');

/**
 * The app's query client. `onSessionLost` runs when any call answers that the session is gone,
 * so that every page lands on the login screen the same way.
 */
export function createQueryClient(onSessionLost: (client: QueryClient) => void) {
  // TanStack assumes "online" until an event says otherwise; a page opened offline (from the
  // service worker's cache) must start paused instead of failing three retries.
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  const handleError = (error: unknown) => {
    if (isApiError(error) && error.isAuthError) onSessionLost(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      // Cached data shows at once and is refreshed in the background on every visit; live
      // data (chat, match status) is kept current by the socket instead.
      // Kept a day without a page that shows it, so that the copy saved on the phone
      // (persistCache.ts) still holds what was seen for a reload with no signal.
      queries: { staleTime: 0, gcTime: 24 * 3600_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return client;
}
