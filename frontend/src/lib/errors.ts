import { TRANSIENT_ERROR_CODES } from '@spotlight/contracts';
import { isApiError } from './api/client';
import { formatWait } from './time';

/**
 * A message fit to show a person, whatever was thrown. A refusal for too many attempts says
 * how long to wait, from the server's Retry-After.
 */
export function errorMessage(error: unknown, locale?: string): string {
  if (isApiError(error)) {
    if (error.code !== 'rate_limited' || !error.retryAfterSeconds) return error.message;
    const reason = error.message.replace(/[;.]?\s*(wait and )?try again( later)?\.?$/i, '');
    return `${reason}. Try again ${formatWait(error.retryAfterSeconds, locale)}.`;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}

/**
 * Failures that may pass on a second try: no answer (offline, a timeout, a dropped socket; the
 * client's own codes) or a busy server (the contracts' list). Anything else is an answer, and
 * trying again would get the same one.
 */
const TRANSIENT = new Set<string>([
  ...TRANSIENT_ERROR_CODES,
  'network_error',
  'timeout',
  'disconnected',
]);

export const isTransientError = (code: string) => TRANSIENT.has(code);
