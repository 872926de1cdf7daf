/**
 * E-mail verification and password reset by mailed link. A link carries a random token; the
 * database keeps only its SHA-256, uses it once, and lets it expire. Mails go out from durable
 * jobs (retried when the mail server fails), never inside the request.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  PASSWORD_RESET_ACCEPTED,
  type PasswordResetConfirmBody,
  type PasswordResetBody,
} from '@spotlight/contracts';
import bcrypt from 'bcrypt';
import { AppError, rateLimited } from '../../errors';
import type { AppContext, AuthUser } from '../../http/context';
import { clearAttempts, consume } from '../../limits';
import { passwordResetMail, verificationMail, type Recipient } from '../mail/templates';
import { createMailer, type Mailer, type MailMessage } from '../mail/transport';
import * as repo from './repository';
import type { AuthService } from './service';

export const VERIFY_EMAIL_TTL_MS = 7 * 24 * 3600 * 1000;
export const PASSWORD_RESET_TTL_MS = 3600 * 1000;

/** The path of the frontend page each link opens. */
export const LINK_PATHS = { verify_email: '/verify-email', password_reset: '/reset-password' };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidToken = () =>
  new AppError('invalid_token', 'This link is invalid, was already used, or has expired');

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService(
  ctx: AppContext,
  deps: { auth: AuthService; mailer?: Mailer },
) {
  const { db, config, jobs, limits } = ctx;
  const mailer = deps.mailer ?? createMailer(config, ctx.logger);

  /** Stores a new token's hash, mails the link, and forgets the token if the mail failed. */
  async function mailToken(
    user: repo.UserRow,
    kind: repo.AccountTokenKind,
    ttlMs: number,
    template: (to: Recipient, link: string) => MailMessage,
  ) {
    const token = randomBytes(32).toString('base64url');
    const { id } = await repo.insertAccountToken(db, {
      userId: user.id,
      kind,
      tokenHash: hashToken(token),
      email: user.email,
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const link = `${ctx.state.publicUrl}${LINK_PATHS[kind]}?token=${token}`;
    try {
      await mailer.send(
        template({ email: user.email, name: user.displayName ?? user.username }, link),
      );
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
  };
}
