import { api, type Me } from '@spotlight/contracts';
import { apiCall } from '../../lib/api/client';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/**
 * The signed-in user, or null when there is no session. Asked through the session endpoint,
 * which answers a signed-out visit with 200 (a 401 would be a console error on every visit).
 */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  return (await apiCall(api.auth.session, undefined, { signal })).user;
}
