import { z } from 'zod';
import { COMMON_PASSWORDS } from '../common-passwords';
import { OkResponse, Timestamp } from '../common';
import { Language } from '../languages';
import { defineEndpoint } from './endpoint';
import { DisplayName, Email, Me, Username } from './users';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const common = new Set(COMMON_PASSWORDS);

/** True when a password is among the most common ones (case-insensitive). */
export const isCommonPassword = (password: string) => common.has(password.toLowerCase());

/**
 * A new password: length only, plus a breached-list check, as OWASP ASVS 5.0 asks.
 * No composition rules. Not trimmed: spaces are part of a passphrase.
 */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), {
    message: 'This password is too common; choose another one',
    params: { code: 'weak_password' },
  });

export const RegisterBody = z.strictObject({
  email: Email,
  username: Username,
  password: NewPassword,
  displayName: DisplayName.optional(),
  /** The language the app shows at sign-up: the account keeps it, and the first mail uses it. */
  language: Language.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX),
});
export type LoginBody = z.infer<typeof LoginBody>;

/**
 * A session: the same token the httpOnly cookie holds. Browsers ignore it; scripts and native
 * clients send it as `Authorization: Bearer`.
 */
export const AuthResponse = z.object({ user: Me, token: z.string(), expiresAt: Timestamp });
export type AuthResponse = z.infer<typeof AuthResponse>;

/** `GET /api/auth/session`: the signed-in user, or null. */
export const SessionState = z.object({ user: Me.nullable() });
export type SessionState = z.infer<typeof SessionState>;

/** The random token of a mailed link (base64url). */
export const AccountToken = z
  .string()
  .trim()
  .min(20, 'The link is incomplete; open it from the mail again')
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'The link is incomplete; open it from the mail again');

export const VerifyEmailBody = z.strictObject({ token: AccountToken });
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

export const PasswordResetBody = z.strictObject({ email: Email });
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = z.strictObject({
  token: AccountToken,
  password: NewPassword,
});
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

/** The one answer to a password-reset request, whether or not the account exists. */
export const PASSWORD_RESET_ACCEPTED = {
  ok: true,
  message: 'If an account uses this address, a link to reset its password is on its way.',
} as const;
export const AcceptedResponse = z.object({ ok: z.literal(true), message: z.string() });

/** How long the link that confirms a new address works: a change is awaited, not stumbled on. */
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** A new address for the account, with the current password asked again. */
export const ChangeEmailBody = z.strictObject({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX),
});
export type ChangeEmailBody = z.infer<typeof ChangeEmailBody>;

/** The change waits for the link mailed to `pendingEmail`; sign-in stays with the old address. */
export const ChangeEmailResponse = AcceptedResponse.extend({ pendingEmail: z.string() });
export type ChangeEmailResponse = z.infer<typeof ChangeEmailResponse>;

export const ConfirmEmailChangeBody = z.strictObject({ token: AccountToken });
export type ConfirmEmailChangeBody = z.infer<typeof ConfirmEmailChangeBody>;

/** The address the account signs in with from now on. */
export const ConfirmEmailChangeResponse = z.object({ ok: z.literal(true), email: z.string() });
export type ConfirmEmailChangeResponse = z.infer<typeof ConfirmEmailChangeResponse>;

export const authEndpoints = {
  register: defineEndpoint({
    method: 'POST',
    path: '/api/auth/register',
    auth: 'public',
    tag: 'auth',
    summary: 'Create an account and start a session',
    body: RegisterBody,
    response: AuthResponse,
    status: 201,
    errors: ['validation_error', 'weak_password', 'email_taken', 'username_taken', 'rate_limited'],
  }),
  login: defineEndpoint({
    method: 'POST',
    path: '/api/auth/login',
    auth: 'public',
    tag: 'auth',
    summary: 'Start a session (5 failures in 15 minutes lock the account for the window)',
    body: LoginBody,
    response: AuthResponse,
    errors: ['validation_error', 'invalid_credentials', 'rate_limited'],
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/auth/logout',
    auth: 'user',
    tag: 'auth',
    summary: 'End this session; its open sockets are closed at once',
    response: OkResponse,
  }),
  logoutAll: defineEndpoint({
    method: 'POST',
    path: '/api/auth/logout-all',
    auth: 'user',
    tag: 'auth',
    summary: 'End every session of this user, on every device',
    response: OkResponse,
  }),
  verifyEmail: defineEndpoint({
    method: 'POST',
    path: '/api/auth/verify-email',
    auth: 'public',
    tag: 'auth',
    summary: 'Confirm the e-mail address with the token of the mailed link (valid 7 days, once)',
    body: VerifyEmailBody,
    response: OkResponse,
    errors: ['validation_error', 'invalid_token', 'rate_limited'],
  }),
  /**
   * Who is signed in, answered 200 either way: a signed-out first screen asks this, and a 401
   * would be logged by the browser as a console error on every visit.
   */
  session: defineEndpoint({
    method: 'GET',
    path: '/api/auth/session',
    auth: 'public',
    tag: 'auth',
    summary: 'The signed-in user with their email, or null when the request has no live session',
    response: SessionState,
  }),
  resendVerification: defineEndpoint({
    method: 'POST',
    path: '/api/auth/verify-email/resend',
    auth: 'user',
    tag: 'auth',
    summary: 'Mail a new verification link to the own address (nothing when already verified)',
    response: AcceptedResponse,
    status: 202,
    errors: ['rate_limited'],
  }),
  passwordReset: defineEndpoint({
    method: 'POST',
    path: '/api/auth/password-reset',
    auth: 'public',
    tag: 'auth',
    summary: 'Mail a password-reset link; the same 202 whether or not an account uses the address',
    body: PasswordResetBody,
    response: AcceptedResponse,
    status: 202,
    errors: ['validation_error', 'rate_limited'],
  }),
  passwordResetConfirm: defineEndpoint({
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    auth: 'public',
    tag: 'auth',
    summary: 'Set a new password with the mailed token (1 hour, once); signs out every session',
    body: PasswordResetConfirmBody,
    response: OkResponse,
    errors: ['validation_error', 'weak_password', 'invalid_token', 'rate_limited'],
  }),
  changeEmail: defineEndpoint({
    method: 'POST',
    path: '/api/users/me/email',
    auth: 'user',
    tag: 'users',
    summary: `Change the own address: mails a link (${EMAIL_CHANGE_TTL_HOURS} h, once) to the new one and a notice to the old one; nothing changes until the link is opened`,
    body: ChangeEmailBody,
    response: ChangeEmailResponse,
    status: 202,
    errors: ['validation_error', 'password_incorrect', 'email_taken', 'rate_limited'],
  }),
  confirmEmailChange: defineEndpoint({
    method: 'POST',
    path: '/api/auth/email-change/confirm',
    auth: 'public',
    tag: 'auth',
    summary:
      'Switch the account to the new address with the token mailed there; the address counts as verified',
    body: ConfirmEmailChangeBody,
    response: ConfirmEmailChangeResponse,
    errors: ['validation_error', 'invalid_token', 'email_taken', 'rate_limited'],
  }),
} as const;
