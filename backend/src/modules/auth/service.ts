import type { AuthResponse, LoginBody, RegisterBody } from '@spotlight/contracts';
import bcrypt from 'bcrypt';
import { parseCookie } from 'cookie';
import type { CookieOptions, Request } from 'express';
import { isUniqueViolation, pgError } from '../../db/client';
import { AppError, conflict, rateLimited } from '../../errors';
import type { AppContext, AuthUser } from '../../http/context';
import { admitAttempt, clearAttempts, consume } from '../../limits';
import type { RolesService } from '../roles/service';
import { toMe } from '../users/presenter';
import { DEVICE_COOKIE, deviceCookieValue, deviceFor, readDevice } from './devices';
import { schedulePurgeOfEndedSessions } from './purge';
import * as repo from './repository';
import { signSessionToken, verifySessionToken } from './tokens';

export const SESSION_COOKIE = 'spotlight_session';

/** How the session cookie is set, and so how it must be cleared. */
export const sessionCookieOptions = (isProduction: boolean): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  path: '/',
});

export interface ClientMeta {
  ip: string;
  userAgent?: string;
  /** The raw device cookie, when the browser sent one (see devices.ts). */
  deviceCookie?: string;
}

/** A new session, and the device cookie to set (the browser is a known device of the account). */
export interface SignedIn {
  session: AuthResponse;
  deviceCookie: string;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(ctx: AppContext, deps: { roles: RolesService }) {
  const { db, config, limits, bus } = ctx;
  schedulePurgeOfEndedSessions(ctx);
  // Compared against when the email is unknown, so that both answers take as long.
  let dummyHash: Promise<string> | undefined;
  const getDummyHash = () => (dummyHash ??= bcrypt.hash('not-a-real-password', config.BCRYPT_COST));

  async function signIn(user: repo.UserRow, meta: ClientMeta): Promise<SignedIn> {
    const known = readDevice(config.JWT_SECRET, meta.deviceCookie);
    return {
      session: await startSession(user, meta),
      deviceCookie: deviceCookieValue(config.JWT_SECRET, deviceFor(user.id, known)),
    };
  }

  async function startSession(user: repo.UserRow, meta: ClientMeta): Promise<AuthResponse> {
    const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3600 * 1000);
    const session = await repo.insertSession(db, {
      userId: user.id,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 255),
      ip: meta.ip.slice(0, 64),
    });
    const token = await signSessionToken(
      config.JWT_SECRET,
      { userId: user.id, sessionId: session.id },
      expiresAt,
    );
    return {
      user: toMe(user, await deps.roles.rolesOf(user.id), await repo.findPendingEmail(db, user.id)),
      token,
      expiresAt: expiresAt.toISOString(),
    };
  }

  return {
    async register(body: RegisterBody, meta: ClientMeta): Promise<SignedIn> {
      const wait = await consume(limits.registerIp, meta.ip);
      if (wait > 0)
        throw rateLimited(wait, 'Too many accounts created from this network; try again later');
      const passwordHash = await bcrypt.hash(body.password, config.BCRYPT_COST);
      try {
        const user = await repo.insertUser(db, {
          email: body.email,
          username: body.username,
          passwordHash,
          displayName: body.displayName ?? null,
          language: body.language ?? null,
        });
        return await signIn(user, meta);
      } catch (error) {
        if (isUniqueViolation(error, 'users_email_unique')) {
          throw conflict(
            'email_taken',
            'An account with this email already exists; sign in instead',
          );
        }
        if (isUniqueViolation(error)) {
          const constraint = pgError(error)?.constraint ?? '';
          if (constraint.startsWith('users_username')) {
            throw conflict('username_taken', 'This username is taken; choose another one');
          }
        }
        throw error;
      }
    },

    /**
     * Per-IP failures first, then per-account backoff: strangers share the account's key, a
     * known device of the account has a key of its own (and no per-IP ceiling), so that guesses
     * at an account never lock its owner out. Refused attempts do not count as failures.
     */
    async login(body: LoginBody, meta: ClientMeta): Promise<SignedIn> {
      const user = await repo.findUserByEmail(db, body.email);
      const device = readDevice(config.JWT_SECRET, meta.deviceCookie);
      const known = user !== undefined && device?.userId === user.id;
      const key = known ? `device:${device.userId}:${device.id}` : `account:${body.email}`;
      if (!known) {
        const ipWait = await consume(limits.loginIp, meta.ip);
        if (ipWait > 0) {
          throw rateLimited(
            ipWait,
            'Too many failed sign-ins from this network; wait and try again',
          );
        }
      }
      const wait = await admitAttempt(limits, key, {
        free: config.LOGIN_MAX_FAILURES,
        baseSeconds: config.LOGIN_BACKOFF_SECONDS,
        maxSeconds: config.LOGIN_WINDOW_MINUTES * 60,
      });
      if (wait > 0) {
        if (!known) await limits.loginIp.reward(meta.ip, 1);
        throw rateLimited(wait, 'Too many failed sign-ins; wait and try again');
      }
      const matches = await bcrypt.compare(
        body.password,
        user?.passwordHash ?? (await getDummyHash()),
      );
      if (!user || !matches) {
        throw new AppError('invalid_credentials', 'Wrong email or password');
      }
      // Said only to someone who knows the password.
      if (user.suspendedAt) {
        throw new AppError(
          'account_suspended',
          'This account is suspended; write to the organisers to have it reviewed',
        );
      }
      // Only failures count: a success forgets the key's failures and gives the IP its point back.
      await Promise.all([
        clearAttempts(limits, key),
        known ? undefined : limits.loginIp.reward(meta.ip, 1),
      ]);
      const sessionWait = Math.max(
        await consume(limits.loginSuccessAccount, String(user.id)),
        await consume(limits.loginSuccessIp, meta.ip),
      );
      if (sessionWait > 0) throw rateLimited(sessionWait, 'Too many sign-ins; try again later');
      return signIn(user, meta);
    },

    async logout(user: AuthUser): Promise<void> {
      await repo.revokeSession(db, user.sessionId);
      bus.emit('sessions.revoked', {
        userId: user.id,
        sessionIds: [user.sessionId],
        reason: 'logout',
      });
    },

    async logoutAll(user: AuthUser): Promise<void> {
      await this.revokeAllSessionsOf(user.id);
    },

    /**
     * Ends every session of an account and closes its sockets on every node: log out
     * everywhere (`revoked`), or a moderator's suspension (`suspended`).
     */
    async revokeAllSessionsOf(
      userId: number,
      reason: 'revoked' | 'suspended' = 'revoked',
    ): Promise<void> {
      const sessionIds = await repo.revokeUserSessions(db, userId);
      bus.emit('sessions.revoked', { userId, sessionIds, reason });
    },

    /** Whether the session is still neither revoked nor expired (read now, never cached). */
    async isLive(sessionId: string): Promise<boolean> {
      return (await repo.findLiveSession(db, sessionId)) !== undefined;
    },

    /** Resolves a raw token to its live session; undefined when invalid, expired or revoked. */
    async resolveToken(token: string): Promise<AuthUser | undefined> {
      const claims = await verifySessionToken(config.JWT_SECRET, token);
      if (!claims) return undefined;
      const session = await repo.findLiveSession(db, claims.sessionId);
      if (!session || session.userId !== claims.userId) return undefined;
      return { id: session.userId, sessionId: session.id, expiresAt: session.expiresAt };
    },
  };
}

/** The session token a request carries: `Authorization: Bearer`, else the session cookie. */
export function tokenFromHeaders(headers: {
  authorization?: string;
  cookie?: string;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  if (!headers.cookie) return undefined;
  return parseCookie(headers.cookie)[SESSION_COOKIE] || undefined;
}

export const clientMeta = (req: Request): ClientMeta => ({
  ip: req.ip ?? 'unknown',
  userAgent: req.get('user-agent'),
  deviceCookie: req.headers.cookie ? parseCookie(req.headers.cookie)[DEVICE_COOKIE] : undefined,
});
