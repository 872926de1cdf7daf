import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import compression from 'compression';
import cors from 'cors';
import express, { type Request, type Response, type NextFunction } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { SOCKET_PATH } from '@spotlight/contracts';
import { AppError, rateLimited, sessionExpired, unauthorized } from './errors';
import type { AppContext } from './http/context';
import type { Authenticate } from './http/route';
import { consume } from './limits';
import { errorHandler } from './middleware/errors';
import { originCheck } from './middleware/origin';
import { mountAuthRoutes } from './modules/auth/routes';
import { tokenFromHeaders } from './modules/auth/service';
import { mountChatRoutes } from './modules/chat/routes';
import { mountAnnouncementsRoutes } from './modules/announcements/routes';
import { mountBlocksRoutes } from './modules/blocks/routes';
import { mountModerationRoutes } from './modules/moderation/routes';
import { mountNotificationsRoutes } from './modules/notifications/routes';
import { mountPushRoutes } from './modules/push/routes';
import { mountEventAdminRoutes } from './modules/events/admin-routes';
import { mountEventDashboardRoutes } from './modules/events/dashboard';
import { mountEventsRoutes } from './modules/events/routes';
import { mountMatchesRoutes } from './modules/matches/routes';
import { mountRatingsRoutes } from './modules/ratings/routes';
import { mountReportsRoutes } from './modules/reports/routes';
import { mountOrganisersRoutes } from './modules/roles/routes';
import { mountSystemRoutes } from './modules/system/routes';
import { mountTransfersRoutes } from './modules/transfers/routes';
import { AVATAR_URL_PREFIX } from './modules/users/avatars';
import { mountMatchingRoutes } from './modules/matching/routes';
import { mountUsersRoutes } from './modules/users/routes';
import { mountWebrtcRoutes } from './modules/webrtc/routes';
import { mountWsdcRoutes } from './modules/wsdc/routes';
import { buildOpenApiDocument, renderDocsPage } from './openapi';
import type { Services } from './services';

/** `TRUST_PROXY` as Express takes it: a hop count, true/false, or a list of subnets. */
const trustProxy = (value: string) => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim());
};

/**
 * Browser features the app may use: the camera on its own origin (QR check-in), nothing else.
 * Recording happens in the phone's camera app; the PWA never asks for the microphone.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'display-capture=()',
].join(', ');

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(ctx: AppContext, services: Services) {
  const { config, logger, metrics } = ctx;
  const app = express();
  app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/metrics' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // 'wasm-unsafe-eval' lets the transfer's incremental SHA-256 (hash-wasm) compile its
          // WebAssembly; it allows no JavaScript eval (docs/security.md).
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'blob:'],
          // 'self' covers same-origin ws: and wss: (CSP Level 3, every browser we support).
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          manifestSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.isProduction ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.isProduction,
    }),
  );

  app.use((_req, res, next) => {
    res.set('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      end({
        method: req.method,
        route: res.locals.route ?? (req.path.startsWith('/api') ? 'unmatched' : 'static'),
        status: res.statusCode,
      });
    });
    next();
  });

  // gzip for text (the PWA's JS and CSS, JSON) when the backend is the whole server (`npm
  // start`); behind nginx it does the same. Media and fonts are already compressed, and the
  // compressible-type check leaves them alone; Socket.IO compresses its own transport.
  app.use(
    compression({
      filter: (req, res) => !req.url.startsWith(SOCKET_PATH) && compression.filter(req, res),
    }),
  );

  const metricsAuth = config.METRICS_TOKEN && Buffer.from(`Bearer ${config.METRICS_TOKEN}`);
  app.get('/metrics', async (req, res, next) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    // Without the token, /metrics looks exactly like a path that does not exist.
    if (
      !config.METRICS_ENABLED ||
      !metricsAuth ||
      given.length !== metricsAuth.length ||
      !timingSafeEqual(given, metricsAuth)
    ) {
      return next(new AppError('not_found', 'No such page'));
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });

  const authenticate: Authenticate = async (req) => {
    const token = tokenFromHeaders(req.headers);
    if (!token) throw unauthorized();
    const user = await services.auth.resolveToken(token);
    if (!user) throw sessionExpired();
    return user;
  };

  // Uploaded avatars: file names are new on every upload, so they are cached for good.
  app.use(
    AVATAR_URL_PREFIX,
    express.static(path.join(config.UPLOADS_DIR, 'avatars'), {
      index: false,
      dotfiles: 'deny',
      setHeaders(res) {
        res.set('Content-Type', 'image/webp');
        res.set('Cache-Control', 'public, max-age=31536000, immutable');
        res.set('Content-Security-Policy', "default-src 'none'");
      },
    }),
  );

  // Routes carry their full /api/... paths from the contract; the middleware is scoped to /api.
  const api = express.Router();
  api.use('/api', async (req, _res, next) => {
    const wait = await consume(ctx.limits.apiIp, req.ip ?? 'unknown');
    next(
      wait > 0 ? rateLimited(wait, 'Too many requests from this network; slow down') : undefined,
    );
  });
  api.use('/api', cors({ origin: [...config.CORS_ORIGIN], credentials: true, maxAge: 600 }));
  api.use('/api', originCheck(config.CORS_ORIGIN));
  api.use('/api', express.json({ limit: '64kb' }));
  api.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  mountSystemRoutes(api, ctx, authenticate);
  mountAuthRoutes(api, ctx, services.auth, services.account, authenticate);
  // Before /api/users/:id, which would take `me` for an id.
  mountBlocksRoutes(api, services.blocks, authenticate);
  mountUsersRoutes(
    api,
    { users: services.users, privacy: services.privacy, isProduction: ctx.config.isProduction },
    authenticate,
  );
  mountEventsRoutes(api, services.events, authenticate);
  mountEventAdminRoutes(api, services.eventAdmin, authenticate);
  mountEventDashboardRoutes(api, services.eventDashboard, authenticate);
  mountAnnouncementsRoutes(api, services.announcements, authenticate);
  mountModerationRoutes(api, services.moderation, authenticate);
  mountOrganisersRoutes(api, services.organisers, authenticate);
  mountMatchesRoutes(api, services.matches, authenticate);
  mountChatRoutes(api, services.chat, authenticate);
  mountRatingsRoutes(api, services.ratings, authenticate);
  mountReportsRoutes(api, services.reports, authenticate);
  mountWebrtcRoutes(api, config, authenticate);
  mountTransfersRoutes(api, services.transfers, authenticate);
  mountPushRoutes(api, services.push, authenticate);
  mountNotificationsRoutes(api, services.notifications, authenticate);
  mountMatchingRoutes(api, services.matching, authenticate);
  mountWsdcRoutes(api, services.wsdc, authenticate);

  const openApi = buildOpenApiDocument(process.env.npm_package_version ?? '0.1.0');
  const docsPage = renderDocsPage(openApi);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.get('/api/docs', (_req, res) => {
    res.type('html').send(docsPage);
  });
  api.use('/api', (req, _res, next) =>
    next(new AppError('not_found', `No endpoint ${req.method} ${req.originalUrl.split('?')[0]}`)),
  );
  app.use(api);

  if (config.SERVE_FRONTEND && existsSync(path.join(config.FRONTEND_DIST, 'index.html'))) {
    serveFrontend(app, config.FRONTEND_DIST, config.isProduction);
  }

  app.use(errorHandler(logger));
  return { app, authenticate };
}

/** The built PWA: hashed assets cached for a year, the shell and service worker never. */
function serveFrontend(app: express.Express, dist: string, production: boolean) {
  // Source maps would hand out the original source; production builds keep them off the web
  // (vite builds them 'hidden', for error reporting tools only).
  if (production) {
    app.use((req, _res, next) =>
      next(req.path.endsWith('.map') ? new AppError('not_found', 'No such file') : undefined),
    );
  }
  const noCache = (file: string) =>
    /(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[^/]*\.js)$/.test(file);
  app.use(
    express.static(dist, {
      index: false,
      setHeaders(res, file) {
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          res.set('Cache-Control', 'public, max-age=31536000, immutable');
        } else if (noCache(file)) {
          res.set('Cache-Control', 'no-cache');
        }
      },
    }),
  );
  // Client-side routes get the app shell; missing files under /assets stay 404s.
  app.get(/^(?!\/(api|socket\.io|assets)\/).*/, (req, res, next) => {
    if (req.method !== 'GET' || !req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, 'index.html'));
  });
}
