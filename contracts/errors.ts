import { z } from 'zod';

/**
 * Every error code the API and the socket acks can answer with, and the HTTP status it always
 * comes with. Stable: clients switch on the codes. The backend takes the status from here.
 */
export const ERROR_STATUS = {
  validation_error: 400,
  weak_password: 400,
  self_action: 400,
  invalid_check_in_code: 400,
  /** A mailed link (verification, password reset, e-mail change) that is unknown, used or expired. */
  invalid_token: 400,
  /** The event asks for a verified e-mail address and the user's is not (yet). */
  email_not_verified: 403,
  invalid_heat_sheet: 400,
  unknown_heat: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  origin_forbidden: 403,
  not_participant: 403,
  blocked: 403,
  account_suspended: 403,
  /** The account's own password, asked again (deleting it, changing its address), was wrong. */
  password_incorrect: 403,
  muted: 403,
  not_found: 404,
  /** The WSDC points registry lists no dancer with that number. */
  wsdc_not_found: 404,
  conflict: 409,
  email_taken: 409,
  username_taken: 409,
  already_matched: 409,
  invalid_transition: 409,
  already_rated: 409,
  match_not_completed: 409,
  last_organiser: 409,
  event_ended: 409,
  heat_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  duplicate_content: 429,
  too_many_sockets: 429,
  internal_error: 500,
  /** The WSDC points registry did not answer in time, or answered with an error. */
  wsdc_unavailable: 502,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

type Code = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [Code, ...Code[]];

/** Server answers that may pass on a second try; anything else is an answer, not a hiccup. */
export const TRANSIENT_ERROR_CODES: readonly Code[] = [
  'rate_limited',
  'internal_error',
  'service_unavailable',
  'wsdc_unavailable',
];

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The one shape of every HTTP error response. */
export const ApiErrorResponse = z.object({ error: ErrorBody });
export type ApiErrorResponse = z.infer<typeof ApiErrorResponse>;

/** One entry of `details` for a validation error: where, and what is wrong. */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof ValidationIssue>;
