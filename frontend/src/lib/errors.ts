import { TRANSIENT_ERROR_CODES } from '@spotlight/contracts';
import { isApiError } from './api/client';

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
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
