import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from './queries';

type Listener = (notice: string | undefined) => void;

let notice: string | undefined;
const listeners = new Set<Listener>();

/** A one-time message for the login page: why the user was signed out. */
export const sessionNotice = {
  get: () => notice,
  set(value: string | undefined) {
    notice = value;
    listeners.forEach((l) => l(value));
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const REASONS: Record<string, string> = {
  logout: 'You signed out on another tab.',
  expired: 'Your session has expired. Sign in again.',
  revoked: 'You were signed out (log out everywhere). Sign in again.',
  suspended: 'A moderator suspended your account. You cannot sign in until it is lifted.',
};

/**
 * The session is gone (401 from any call, or the socket's session_ended): forget every
 * user's data and show the login page with the reason.
 */
export function endSession(client: QueryClient, reason: string = 'expired') {
  if (client.getQueryData(authKeys.me) === null) return;
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  client.setQueryData(authKeys.me, null);
  sessionNotice.set(REASONS[reason] ?? REASONS.expired);
}

/**
 * Where to go after signing in: the page that sent the user to sign in (RequireAuth's `from`,
 * with its query, e.g. a check-in link's token), if it is one of ours.
 */
export const nextPath = (state: unknown) => {
  const from = (state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/events';
};
