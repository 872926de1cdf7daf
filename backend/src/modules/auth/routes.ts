import { api } from '@spotlight/contracts';
import type { Response } from 'express';
import type { Router } from 'express';
import type { AppContext } from '../../http/context';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { AccountService } from './account';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from './devices';
import {
  clientMeta,
  SESSION_COOKIE,
  sessionCookieOptions,
  type AuthService,
  type SignedIn,
} from './service';

export function mountAuthRoutes(
  router: Router,
  ctx: AppContext,
  auth: AuthService,
  account: AccountService,
  authenticate: Authenticate,
) {
  const cookieOptions = () => sessionCookieOptions(ctx.config.isProduction);
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
    const signedIn = await auth.register(body, clientMeta(req));
    await account.sendVerification(signedIn.session.user.id);
    return setCookies(res, signedIn);
  });

  mountEndpoint(router, api.auth.verifyEmail, authenticate, ({ body, req }) =>
    account.verifyEmail(body.token, clientMeta(req).ip),
  );
  mountEndpoint(router, api.auth.resendVerification, authenticate, ({ user, req }) =>
    account.resendVerification(user, clientMeta(req).ip),
  );
  mountEndpoint(router, api.auth.passwordReset, authenticate, ({ body, req }) =>
    account.requestPasswordReset(body, clientMeta(req).ip),
  );
  mountEndpoint(router, api.auth.passwordResetConfirm, authenticate, ({ body, req }) =>
    account.confirmPasswordReset(body, clientMeta(req).ip),
  );

  mountEndpoint(router, api.auth.changeEmail, authenticate, ({ user, body, req }) =>
    account.requestEmailChange(user, body, clientMeta(req).ip),
  );
  mountEndpoint(router, api.auth.confirmEmailChange, authenticate, ({ body, req }) =>
    account.confirmEmailChange(body.token, clientMeta(req).ip),
  );

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
