import { api } from '@spotlight/contracts';
import type { CookieOptions, Response } from 'express';
import type { Router } from 'express';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';
import { clientMeta, SESSION_COOKIE, type AuthService } from './service';

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
  const setSessionCookie = (res: Response, token: string, expiresAt: string) =>
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(), expires: new Date(expiresAt) });

  mountEndpoint(router, api.auth.register, authenticate, async ({ body, req, res }) => {
    const session = await auth.register(body, clientMeta(req));
    setSessionCookie(res, session.token, session.expiresAt);
    return session;
  });

  mountEndpoint(router, api.auth.login, authenticate, async ({ body, req, res }) => {
    const session = await auth.login(body, clientMeta(req));
    setSessionCookie(res, session.token, session.expiresAt);
    return session;
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
