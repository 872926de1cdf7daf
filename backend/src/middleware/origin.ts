import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's own origin, as the browser sees it (behind a trusted proxy too). */
export const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`;

/**
 * Whether a browser Origin may act on this server: its own origin, or one of CORS_ORIGIN.
 * `null` (sandboxed frames, file://) never may.
 */
export const isAllowedOrigin = (origin: string, own: string, allowed: readonly string[]) =>
  origin !== 'null' && (origin === own || allowed.includes(origin));

/**
 * CSRF defence for cookie sessions: a state-changing request from a browser must come from an
 * allowed origin. Clients without an Origin (curl, native apps) are let through: without a
 * browser they cannot ride on someone else's cookie, and SameSite=Lax covers old browsers.
 */
export function originCheck(allowed: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin !== undefined) {
      if (isAllowedOrigin(origin, ownOrigin(req), allowed)) return next();
      return next(new AppError('origin_forbidden', 'Cross-site request refused'));
    }
    if (req.get('sec-fetch-site') === 'cross-site') {
      return next(new AppError('origin_forbidden', 'Cross-site request refused'));
    }
    next();
  };
}
