import { api } from '@spotlight/contracts';
import type { CookieOptions, Response } from 'express';
import type { Router } from 'express';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from './devices';
import { clientMeta, SESSION_COOKIE, type AuthService, type SignedIn } from './service';

export function mountAuthRoutes(
  router: Router,
  ctx: AppContext,
  auth: AuthService,
  authenticate: Authenticate,
) {
  const cookieOptions = (): CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isProduction,
    path: '/',
  });
  /** The session cookie, and the device cookie that makes this browser a known device. */
  const setCookies = (res: Response, { session, deviceCookie }: SignedIn) => {
    res.cookie(SESSION_COOKIE, session.token, {
      ...cookieOptions(),
      expires: new Date(session.expiresAt),
    });
    // Read by the sign-in endpoint only; a same-site fetch is all that ever sends it.
    res.cookie(DEVICE_COOKIE, deviceCookie, {
      ...cookieOptions(),
      sameSite: 'strict',
      path: '/api/auth',
      maxAge: DEVICE_TTL_SECONDS * 1000,
    });
    return session;
  };

  mountEndpoint(router, api.auth.register, authenticate, async ({ body, req, res }) => {
    return setCookies(res, await auth.register(body, clientMeta(req)));
  });

  mountEndpoint(router, api.auth.login, authenticate, async ({ body, req, res }) => {
    return setCookies(res, await auth.login(body, clientMeta(req)));
  });

  mountEndpoint(router, api.auth.logout, authenticate, async ({ user, res }) => {
    await auth.logout(user);
    res.clearCookie(SESSION_COOKIE, cookieOptions());
    return { ok: true as const };
  });

  mountEndpoint(router, api.auth.logoutAll, authenticate, async ({ user, res }) => {
    await auth.logoutAll(user);
    res.clearCookie(SESSION_COOKIE, cookieOptions());
    return { ok: true as const };
  });
}
