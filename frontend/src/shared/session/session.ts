import type { QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
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

/** Why a session ended → the key of what the login page says (in the language of that moment). */
const REASONS: Record<string, string> = {
  logout: 'shared.session.logout',
  expired: 'shared.session.expired',
  revoked: 'shared.session.revoked',
  suspended: 'shared.session.suspended',
};

/**
 * The session is gone (401 from any call, or the socket's session_ended): forget every
 * user's data and show the login page with the reason.
 */
export function endSession(client: QueryClient, reason: string = 'expired') {
  if (client.getQueryData(authKeys.me) === null) return;
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  client.setQueryData(authKeys.me, null);
  sessionNotice.set(i18next.t(REASONS[reason] ?? REASONS.expired!));
}

/**
 * Where to go after signing in: the page that sent the user to sign in (RequireAuth's `from`,
 * with its query, e.g. a check-in link's token), if it is one of ours: a same-origin path,
 * never `//host`, `/\host` (browsers read a backslash as a slash) or one with control
 * characters, which would leave the app.
 */
export const nextPath = (state: unknown) => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && isLocalPath(from) ? from : '/events';
};

const ORIGIN = 'https://spotlight.invalid';

function isLocalPath(path: string) {
  // eslint-disable-next-line no-control-regex
  if (!path.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(path)) return false;
  if (path.startsWith('//')) return false;
  try {
    return new URL(path, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}
