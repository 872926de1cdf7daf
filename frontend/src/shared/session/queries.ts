import { api, type Me } from '@spotlight/contracts';
import { apiCall, isApiError } from '../../lib/api/client';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** The signed-in user, or null when there is no session (a 401 is an answer here). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiCall(api.users.me, undefined, { signal });
  } catch (error) {
    if (isApiError(error) && error.isAuthError) return null;
    throw error;
  }
}
