import { TRANSIENT_ERROR_CODES } from '@spotlight/contracts';
import i18next from 'i18next';
import { isApiError, type ClientErrorCode } from './api/client';
import { appLocale, currentLanguage } from './i18n';
import { formatWait } from './time';

type ShownCode = ClientErrorCode | 'timeout' | 'disconnected';

/** Each code's message in the app's language (errors.json); the type lists every code. */
const MESSAGE_KEYS: Record<ShownCode, string> = {
  validation_error: 'errors.validation_error',
  weak_password: 'errors.weak_password',
  self_action: 'errors.self_action',
  invalid_check_in_code: 'errors.invalid_check_in_code',
  invalid_token: 'errors.invalid_token',
  email_not_verified: 'errors.email_not_verified',
  invalid_heat_sheet: 'errors.invalid_heat_sheet',
  unknown_heat: 'errors.unknown_heat',
  unauthorized: 'errors.unauthorized',
  invalid_credentials: 'errors.invalid_credentials',
  session_expired: 'errors.session_expired',
  forbidden: 'errors.forbidden',
  origin_forbidden: 'errors.origin_forbidden',
  not_participant: 'errors.not_participant',
  blocked: 'errors.blocked',
  account_suspended: 'errors.account_suspended',
  password_incorrect: 'errors.password_incorrect',
  muted: 'errors.muted',
  not_found: 'errors.not_found',
  wsdc_not_found: 'errors.wsdc_not_found',
  conflict: 'errors.conflict',
  email_taken: 'errors.email_taken',
  username_taken: 'errors.username_taken',
  already_matched: 'errors.already_matched',
  invalid_transition: 'errors.invalid_transition',
  already_rated: 'errors.already_rated',
  match_not_completed: 'errors.match_not_completed',
  last_organiser: 'errors.last_organiser',
  event_ended: 'errors.event_ended',
  heat_in_use: 'errors.heat_in_use',
  payload_too_large: 'errors.payload_too_large',
  unsupported_media_type: 'errors.unsupported_media_type',
  rate_limited: 'errors.rate_limited',
  duplicate_content: 'errors.duplicate_content',
  too_many_sockets: 'errors.too_many_sockets',
  internal_error: 'errors.internal_error',
  wsdc_unavailable: 'errors.wsdc_unavailable',
  service_unavailable: 'errors.service_unavailable',
  network_error: 'errors.network_error',
  bad_response: 'errors.bad_response',
  timeout: 'errors.timeout',
  disconnected: 'errors.disconnected',
};

const hasCode = (error: unknown): error is { code: string; message: string } =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  typeof (error as { message?: unknown }).message === 'string';

/**
 * A message fit to show a person, whatever was thrown. In English it is the server's own words
 * (written for the one case); in another language, the translation of its stable code. A
 * refusal for too many attempts says how long to wait, from the server's Retry-After.
 */
export function errorMessage(error: unknown, locale: string = appLocale()): string {
  const english = currentLanguage() === 'en';
  if (isApiError(error) && error.code === 'rate_limited' && error.retryAfterSeconds) {
    const wait = formatWait(error.retryAfterSeconds, locale);
    if (!english) return i18next.t('errors.rate_limited', { wait });
    const reason = error.message.replace(/[;.]?\s*(wait and )?try again( later)?\.?$/i, '');
    return `${reason}. Try again ${wait}.`;
  }
  if (hasCode(error) && error.code in MESSAGE_KEYS) {
    if (!english || !error.message) return i18next.t(MESSAGE_KEYS[error.code as ShownCode]);
    return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return i18next.t('errors.unknown');
}

/**
 * `errorMessage`, with the words one action chooses for some codes (what a refusal means for
 * that action); other codes, and a rate limit's wait, keep the general wording.
 */
export function errorMessageFor(
  error: unknown,
  messages: Partial<Record<ClientErrorCode, string>> = {},
  locale: string = appLocale(),
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
