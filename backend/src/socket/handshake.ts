/**
 * The Socket.IO handshake: a per-IP connection limit, the Origin check, and the session (cookie
 * or `auth.token`), which must be live: neither revoked nor expired.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ErrorBody } from '@spotlight/contracts';
import { AppError, rateLimited, sessionExpired, unauthorized } from '../errors';
import type { AppContext } from '../http/context';
import { consume } from '../limits';
import { isAllowedOrigin } from '../middleware/origin';
import { tokenFromHeaders } from '../modules/auth/service';
import { toUserSummary } from '../modules/users/presenter';
import type { Services } from '../services';
import { toAckError } from './handler';
import type { IoSocket } from './types';

/** Express's compiled `trust proxy` setting: may hop `i` (at `address`) set X-Forwarded-*? */
export type TrustProxy = (address: string, hop: number) => boolean;

const firstHeader = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/** The client's address, walking X-Forwarded-For through trusted proxies as Express does. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const forwarded = req.headers['x-forwarded-for'];
  const chain = [
    req.socket.remoteAddress ?? 'unknown',
    ...(Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse(),
  ];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop]!, hop)) return chain[hop]!;
  }
  return chain[chain.length - 1]!;
}

/** This server's origin as the browser sees it (X-Forwarded-Proto from a trusted proxy). */
export function requestOrigin(req: IncomingMessage, trust: TrustProxy): string {
  let protocol = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  if (trust(req.socket.remoteAddress ?? '', 0)) {
    protocol = firstHeader(req.headers['x-forwarded-proto']) ?? protocol;
  }
  return `${protocol}://${req.headers.host ?? ''}`;
}

/** An Error as Socket.IO's `connect_error` carries it: `err.data` is the error body. */
export const connectError = (body: ErrorBody) =>
  Object.assign(new Error(body.message), { data: body });

export function handshake(ctx: AppContext, services: Services, trust: TrustProxy) {
  const { limits, config, logger } = ctx;

  const authenticate = async (socket: IoSocket) => {
    const req = socket.request;
    const wait = await consume(limits.socketConnectIp, clientAddress(req, trust));
    if (wait > 0) throw rateLimited(wait, 'Too many connections from this network; slow down');

    // Browsers always send Origin on WebSocket and cross-origin requests; a client without
    // one is not a browser, and cannot ride on someone else's cookie. The same rules as REST.
    const origin = req.headers.origin;
    const crossSite =
      origin === undefined
        ? req.headers['sec-fetch-site'] === 'cross-site'
        : !isAllowedOrigin(origin, requestOrigin(req, trust), config.CORS_ORIGIN);
    if (crossSite) throw new AppError('origin_forbidden', 'Cross-site connection refused');

    const auth: Record<string, unknown> = socket.handshake.auth ?? {};
    const token = typeof auth.token === 'string' ? auth.token : tokenFromHeaders(req.headers);
    if (!token) throw unauthorized();
    const user = await services.auth.resolveToken(token);
    const row = user && (await services.users.find(user.id));
    if (!user || !row) {
      throw sessionExpired();
    }
    socket.data.user = user;
    socket.data.profile = toUserSummary(row);
  };

  return (socket: IoSocket, next: (error?: Error) => void) => {
    authenticate(socket).then(
      () => next(),
      (error: unknown) => next(connectError(toAckError(error, logger, 'handshake'))),
    );
  };
}
