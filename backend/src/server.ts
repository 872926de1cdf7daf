/**
 * The composition root: configuration, database, services, HTTP and Socket.IO, and a graceful
 * shutdown. `startServer` is also what the tests start, on a port of their own.
 */
import type http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { createBus } from './bus';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { DataDirError } from './db/data-dir';
import { createJobQueue } from './jobs/queue';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_ROLES, isEmpty, seedDemoData } from './db/seed';
import { createHttpServer } from './http/connections';
import type { AppContext } from './http/context';
import { createLimits } from './limits';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { connectRedis } from './redis';
import { createServices, type Services } from './services';
import { attachRealtime, type Realtime } from './socket';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  ctx: AppContext;
  services: Services;
  realtime: Realtime;
  /**
   * Stops accepting, tells Socket.IO clients to reconnect elsewhere and closes their sockets,
   * finishes in-flight requests, then closes Redis and the database.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  database?: DatabaseHandle;
  logger?: Logger;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  const database =
    options.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: path.join(config.DATA_DIR, 'pglite'),
      poolMax: config.DATABASE_POOL_MAX,
    }));
  await database.migrate();

  if (config.SEED_DEMO_DATA && (await isEmpty(database.db))) {
    if (config.isProduction) {
      logger.warn(
        `SEED_DEMO_DATA=true in production: loading demo accounts whose password "${DEMO_PASSWORD}" is public. Unset SEED_DEMO_DATA unless this is a demo server.`,
      );
    }
    const result = await seedDemoData(database.db, config.BCRYPT_COST);
    logger.info(
      { events: result.events.inserted, accounts: result.accounts },
      `Demo data loaded. Sign in as ${DEMO_ACCOUNTS.map((a) => `${a.email} (${DEMO_ROLES[a.email]})`).join(', ')} with the password "${DEMO_PASSWORD}"`,
    );
  }

  const redis = config.REDIS_URL ? connectRedis(config, logger) : undefined;

  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    logger,
    bus: createBus((error) => logger.error({ err: error }, 'domain event listener failed')),
    jobs: createJobQueue({ database, logger, pollSeconds: config.JOBS_POLL_SECONDS }),
    limits: createLimits(config, redis),
    metrics: createMetrics(config.NODE_ID),
    redis,
    state: {
      shuttingDown: false,
      publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    },
  };
  const services = createServices(ctx);
  // After every service has defined its jobs.
  await ctx.jobs.start();
  const { app } = createApp(ctx, services);
  const httpServer = createHttpServer(config, app, app.get('trust proxy fn'));
  httpServer.on('clientError', answerClientError);
  const realtime = await attachRealtime(httpServer, ctx, services, app.get('trust proxy fn'));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  // PORT=0 (tests) is only known now.
  if (!config.PUBLIC_URL) ctx.state.publicUrl = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      ctx.state.shuttingDown = true;
      // Closes the sockets, then the HTTP server (which waits for in-flight requests).
      const stopped = realtime.close();
      httpServer.closeIdleConnections();
      const deadline = setTimeout(
        () => httpServer.closeAllConnections(),
        config.SHUTDOWN_TIMEOUT_MS - 500,
      );
      deadline.unref();
      await stopped;
      clearTimeout(deadline);
      await ctx.jobs.stop(config.SHUTDOWN_TIMEOUT_MS / 2);
      services.account.mailer.close();
      await redis?.quit().catch(() => redis.disconnect());
      if (!options.database) await database.close();
    })());

  return { url: `http://${host}:${port}`, port, httpServer, ctx, services, realtime, close };
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers too large, malformed
 * request lines) get the API's error shape too, instead of a bare status line.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'payload_too_large', message: 'The request headers or URL are too large' }
      : { code: 'validation_error', message: 'The request could not be parsed' },
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection'),
  );

  const server = await startServer(config, { logger });
  logger.info(`spotlight.cam listening on ${server.url} (database: ${server.ctx.database.kind})`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close().then(
      () => {
        logger.info('shutdown complete');
        process.exit(0);
      },
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    // A refused data directory is an operator's problem, told in one line, not a stack trace.
    console.error(error instanceof DataDirError ? error.message : error);
    process.exit(1);
  });
}
