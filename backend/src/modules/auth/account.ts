/**
 * E-mail verification, password reset and e-mail change by mailed link. A link carries a random
 * token; the database keeps only its SHA-256, uses it once, and lets it expire. Mails go out
 * from durable jobs (retried when the mail server fails), never inside the request.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  EMAIL_CHANGE_TTL_HOURS,
  PASSWORD_RESET_ACCEPTED,
  type ChangeEmailBody,
  type ChangeEmailResponse,
  type ConfirmEmailChangeResponse,
  type PasswordResetConfirmBody,
  type PasswordResetBody,
} from '@spotlight/contracts';
import bcrypt from 'bcrypt';
import { isUniqueViolation } from '../../db/client';
import { AppError, badRequest, conflict, notFound, rateLimited } from '../../errors';
import type { AppContext, AuthUser } from '../../http/context';
import { admitAttempt, clearAttempts, consume } from '../../limits';
import {
  emailChangeMail,
  emailChangeNotice,
  passwordResetMail,
  verificationMail,
  type Recipient,
} from '../mail/templates';
import { createMailer, type Mailer, type MailMessage } from '../mail/transport';
import * as repo from './repository';
import type { AuthService } from './service';

export const VERIFY_EMAIL_TTL_MS = 7 * 24 * 3600 * 1000;
export const PASSWORD_RESET_TTL_MS = 3600 * 1000;
export const EMAIL_CHANGE_TTL_MS = EMAIL_CHANGE_TTL_HOURS * 3600 * 1000;

/** The path of the frontend page each link opens. */
export const LINK_PATHS = {
  verify_email: '/verify-email',
  password_reset: '/reset-password',
  email_change: '/confirm-email',
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidToken = () =>
  new AppError('invalid_token', 'This link is invalid, was already used, or has expired');

const emailTaken = () =>
  conflict('email_taken', 'Another account already uses this e-mail address');

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService(
  ctx: AppContext,
  deps: { auth: AuthService; mailer?: Mailer },
) {
  const { db, config, jobs, limits } = ctx;
  const mailer = deps.mailer ?? createMailer(config, ctx.logger);

  const recipient = (user: repo.UserRow, email = user.email): Recipient => ({
    email,
    name: user.displayName ?? user.username,
    language: user.language ?? 'en',
  });

  /**
   * Stores a new token's hash, mails the link (to `email`, the account's address unless said),
   * and forgets the token if the mail failed.
   */
  async function mailToken(
    user: repo.UserRow,
    kind: repo.AccountTokenKind,
    ttlMs: number,
    template: (to: Recipient, link: string) => MailMessage,
    email = user.email,
  ) {
    const token = randomBytes(32).toString('base64url');
    const { id } = await repo.insertAccountToken(db, {
      userId: user.id,
      kind,
      tokenHash: hashToken(token),
      email,
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const link = `${ctx.state.publicUrl}${LINK_PATHS[kind]}?token=${token}`;
    try {
      await mailer.send(template(recipient(user, email), link));
    } catch (error) {
      await repo.deleteAccountToken(db, id);
      throw error;
    }
  }

  const retries = { retryLimit: 5, retryDelaySeconds: 15, retryBackoff: true };
  jobs.define(
    'auth.verification-mail',
    async ({ userId }) => {
      const user = await repo.findUserById(db, userId);
      if (!user || user.emailVerifiedAt) return;
      await mailToken(user, 'verify_email', VERIFY_EMAIL_TTL_MS, verificationMail);
    },
    retries,
  );
  jobs.define(
    'auth.password-reset-mail',
    async ({ email }) => {
      const user = await repo.findUserByEmail(db, email);
      if (!user) return;
      await mailToken(user, 'password_reset', PASSWORD_RESET_TTL_MS, passwordResetMail);
    },
    retries,
  );
  jobs.define(
    'auth.email-change-mail',
    async ({ userId, email }) => {
      const user = await repo.findUserById(db, userId);
      // A newer request replaced this one, or the account already took the address.
      if (!user || user.email === email || user.deletedAt) return;
      await mailToken(
        user,
        'email_change',
        EMAIL_CHANGE_TTL_MS,
        (to, link) => emailChangeMail(to, link, EMAIL_CHANGE_TTL_HOURS),
        email,
      );
    },
    retries,
  );
  jobs.define(
    'auth.email-change-notice',
    async ({ userId, oldEmail, newEmail }) => {
      const user = await repo.findUserById(db, userId);
      if (!user || user.deletedAt) return;
      const link = `${ctx.state.publicUrl}/forgot-password`;
      await mailer.send(emailChangeNotice(recipient(user, oldEmail), newEmail, link));
    },
    retries,
  );

  const limitTokenTries = async (ip: string) => {
    const wait = await consume(limits.accountTokenIp, ip);
    if (wait > 0) throw rateLimited(wait, 'Too many links tried from this network; try later');
  };

  return {
    mailer,

    /** Queues the verification mail of a new account. */
    async sendVerification(userId: number): Promise<void> {
      await jobs.send('auth.verification-mail', { userId });
    },

    async resendVerification(user: AuthUser, ip: string) {
      const wait = Math.max(
        await consume(limits.accountMail, `verify:${user.id}`),
        await consume(limits.accountMailIp, ip),
      );
      if (wait > 0) throw rateLimited(wait, 'Too many mails asked for; try again later');
      await jobs.send('auth.verification-mail', { userId: user.id });
      return { ok: true as const, message: 'A new verification link is on its way.' };
    },

    async verifyEmail(token: string, ip: string) {
      await limitTokenTries(ip);
      const row = await repo.useAccountToken(db, 'verify_email', hashToken(token));
      // A link to an address the account no longer uses verifies nothing.
      if (!row || !(await repo.markEmailVerified(db, row.userId, row.email))) throw invalidToken();
      return { ok: true as const };
    },

    /**
     * The same work and answer whether or not the address has an account: two limiter points
     * and one queued job. The job finds out, and mails only when there is one.
     */
    async requestPasswordReset({ email }: PasswordResetBody, ip: string) {
      const wait = Math.max(
        await consume(limits.accountMail, `reset:${email}`),
        await consume(limits.accountMailIp, ip),
      );
      if (wait > 0) throw rateLimited(wait, 'Too many mails asked for; try again later');
      await jobs.send('auth.password-reset-mail', { email });
      return PASSWORD_RESET_ACCEPTED;
    },

    /** Sets the new password and ends every session (and socket) of the account. */
    async confirmPasswordReset({ token, password }: PasswordResetConfirmBody, ip: string) {
      await limitTokenTries(ip);
      const passwordHash = await bcrypt.hash(password, config.BCRYPT_COST);
      const row = await db.transaction(async (tx) => {
        const used = await repo.useAccountToken(tx, 'password_reset', hashToken(token));
        if (!used) return undefined;
        await repo.setPasswordHash(tx, used.userId, passwordHash);
        await repo.voidAccountTokens(tx, used.userId, 'password_reset');
        // The e-mail change notice says a reset cancels a change that was not the owner's.
        await repo.voidAccountTokens(tx, used.userId, 'email_change');
        // The link came to this mailbox: the address is proven too.
        await repo.markEmailVerified(tx, used.userId, used.email);
        return used;
      });
      if (!row) throw invalidToken();
      await deps.auth.revokeAllSessionsOf(row.userId);
      // The owner is back: forget the failed sign-ins that may have made them reset.
      await clearAttempts(limits, `account:${row.email}`);
      return { ok: true as const };
    },

    /**
     * Starts an address change: the current password again, then a link to the new address and
     * a notice to the old one. The account keeps its address until the link is opened; a new
     * request voids the links of earlier ones.
     */
    async requestEmailChange(
      user: AuthUser,
      { email, password }: ChangeEmailBody,
      ip: string,
    ): Promise<ChangeEmailResponse> {
      const account = await repo.findUserById(db, user.id);
      if (!account) throw notFound('User');
      const key = `email-change:${user.id}`;
      const attemptWait = await admitAttempt(limits, key, {
        free: config.LOGIN_MAX_FAILURES,
        baseSeconds: config.LOGIN_BACKOFF_SECONDS,
        maxSeconds: config.LOGIN_WINDOW_MINUTES * 60,
      });
      if (attemptWait > 0) throw rateLimited(attemptWait, 'Too many wrong passwords; try later');
      if (!(await bcrypt.compare(password, account.passwordHash))) {
        throw new AppError('password_incorrect', 'That is not your password');
      }
      await clearAttempts(limits, key);
      if (email === account.email) {
        throw badRequest('This is already your e-mail address', [
          { path: 'body.email', message: 'This is already your e-mail address' },
        ]);
      }
      if (await repo.findUserByEmail(db, email)) throw emailTaken();
      const wait = Math.max(
        await consume(limits.accountMail, `change:${user.id}`),
        await consume(limits.accountMailIp, ip),
      );
      if (wait > 0) throw rateLimited(wait, 'Too many mails asked for; try again later');
      await repo.voidAccountTokens(db, user.id, 'email_change');
      await jobs.send('auth.email-change-mail', { userId: user.id, email });
      await jobs.send('auth.email-change-notice', {
        userId: user.id,
        oldEmail: account.email,
        newEmail: email,
      });
      return {
        ok: true,
        message: `We sent a link to ${email}. Open it to use that address from now on.`,
        pendingEmail: email,
      };
    },

    /** Opens the link of an address change: the account signs in with the new address. */
    async confirmEmailChange(token: string, ip: string): Promise<ConfirmEmailChangeResponse> {
      await limitTokenTries(ip);
      try {
        const row = await db.transaction(async (tx) => {
          const used = await repo.useAccountToken(tx, 'email_change', hashToken(token));
          if (!used || !(await repo.switchEmail(tx, used.userId, used.email))) return undefined;
          // Links mailed to the old address no longer speak for the account.
          for (const kind of ['email_change', 'password_reset', 'verify_email'] as const) {
            await repo.voidAccountTokens(tx, used.userId, kind);
          }
          return used;
        });
        if (!row) throw invalidToken();
        return { ok: true, email: row.email };
      } catch (error) {
        // Someone registered the address after the link was sent.
        if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
        throw error;
      }
    },
  };
}
