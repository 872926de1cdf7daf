import type { Redis } from 'ioredis';
import type { DomainBus } from '../bus';
import type { Config } from '../config';
import type { Database, DatabaseHandle } from '../db/client';
import type { JobQueue } from '../jobs/queue';
import type { Limits } from '../limits';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';

/** What every layer may depend on; built once in server.ts (or by the test server). */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  logger: Logger;
  bus: DomainBus;
  /** Durable jobs: define handlers while services are built, send at any time. */
  jobs: JobQueue;
  limits: Limits;
  metrics: Metrics;
  redis?: Redis;
  /**
   * Mutable process state: `shuttingDown` is set while shutting down, so that readiness fails;
   * `publicUrl` is the origin of links in mails (PUBLIC_URL, else this server's own address).
   */
  state: { shuttingDown: boolean; publicUrl: string };
}

/** The signed-in user behind a request or a socket. */
export interface AuthUser {
  id: number;
  sessionId: string;
  expiresAt: Date;
}
