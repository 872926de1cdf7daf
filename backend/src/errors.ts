import { ERROR_STATUS, type ErrorCode, type ValidationIssue } from '@spotlight/contracts';
import type { z } from 'zod';

/**
 * An error the client may see: a stable code, a message meant for people, and the HTTP status
 * that the contracts' table gives the code.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds, for 429 answers. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Flattens zod issues into `{ path, message }` entries for `details`. */
export const toIssues = (error: z.ZodError, prefix?: string): ValidationIssue[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));

const isWeakPassword = (error: z.ZodError) =>
  error.issues.some(
    (issue) =>
      issue.code === 'custom' &&
      (issue as { params?: { code?: string } }).params?.code === 'weak_password',
  );

export const validationError = (error: z.ZodError, prefix?: string) =>
  new AppError(
    isWeakPassword(error) ? 'weak_password' : 'validation_error',
    isWeakPassword(error)
      ? 'This password is too common; choose another one'
      : `Invalid ${prefix ?? 'input'}: ${error.issues[0]?.message ?? 'check the fields'}`,
    toIssues(error, prefix),
  );

export const badRequest = (message: string, details?: unknown) =>
  new AppError('validation_error', message, details);
export const unauthorized = (message = 'Sign in to continue') =>
  new AppError('unauthorized', message);
export const sessionExpired = () =>
  new AppError('session_expired', 'Your session has ended; sign in again');
export const forbidden = (message = 'You are not allowed to do that') =>
  new AppError('forbidden', message);
export const notParticipant = (message = 'Join the event first') =>
  new AppError('not_participant', message);
/** An event's organiser asked for verified addresses, and this dancer has not confirmed theirs. */
export const emailNotVerified = () =>
  new AppError(
    'email_not_verified',
    'This event requires a verified e-mail address; confirm yours from the link we sent',
  );
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (code: ErrorCode, message: string) => new AppError(code, message);
export const rateLimited = (
  retryAfterSeconds: number,
  message = 'Too many attempts; try again later',
) => new AppError('rate_limited', message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
