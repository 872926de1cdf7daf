import { TRANSIENT_ERROR_CODES } from '@spotlight/contracts';
import { isApiError, type ClientErrorCode } from './api/client';
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
 * `errorMessage`, with the words one action chooses for some codes (what a refusal means for
 * that action); other codes, and a rate limit's wait, keep the general wording.
 */
export function errorMessageFor(
  error: unknown,
  messages: Partial<Record<ClientErrorCode, string>>,
  locale?: string,
): string {
  if (isApiError(error) && error.code !== 'rate_limited') {
    const chosen = messages[error.code];
    if (chosen) return chosen;
  }
  return errorMessage(error, locale);
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
