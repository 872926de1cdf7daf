import { z } from 'zod';

/** Every error code the API and the socket acks can answer with. Stable: clients switch on them. */
export const ERROR_CODES = [
  'validation_error',
  'weak_password',
  'unauthorized',
  'invalid_credentials',
  'session_expired',
  'forbidden',
  'origin_forbidden',
  'not_participant',
  'not_found',
  'conflict',
  'email_taken',
  'username_taken',
  'already_matched',
  'invalid_transition',
  'already_rated',
  'match_not_completed',
  'self_action',
  'last_organiser',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'duplicate_content',
  'too_many_sockets',
  'service_unavailable',
  'internal_error',
] as const;

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
