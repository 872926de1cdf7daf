/**
 * Several backend nodes behind nginx, natively: the docker compose topology without Docker,
 * for CI and the end-to-end tests (and a laptop).
 *
 * It creates a fresh PostgreSQL database (dropped at the end), starts N backend processes
 * (`node --import tsx backend/src/server.ts`, each with its own NODE_ID and port, all on one
 * Redis and that database), renders nginx/ with nginx/render.sh and starts Debian's nginx in
 * front of them, serving the built frontend, and waits until /api/ready answers through nginx.
 *
 *   npm run cluster                          two backends, nginx on 8080 (or a free port)
 *   npm run cluster -- --backends 3 --port 0
 *   npm run cluster -- -- npx vitest run x   runs a command against it, then tears down;
 *                                            the command gets SPOTLIGHT_URL and friends
 *
 * Tests import `startCluster()` and call `stop()` at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  createBackend,
  ensureFrontendBuilt,
  launchNginx,
  type BackendNode,
  type NginxProcess,
} from './cluster-nodes';
import {
  abandoned,
  freeOnAll,
  freePort,
  installExitHook,
  portIsFree,
  REPO_ROOT,
  stopProcess,
  tail,
  waitForOk,
} from './cluster-processes';

export { freePort, REPO_ROOT };
export type { ExitInfo } from './cluster-processes';
export type { BackendNode } from './cluster-nodes';

export interface ClusterOptions {
  /** Backend processes [2]. */
  backends?: number;
  /** nginx port; 0 picks a free one [8080 when free, else a free one]. */
  port?: number;
  /** PostgreSQL server to create the cluster's database on [DATABASE_URL, else local]. */
  adminDatabaseUrl?: string;
  /** [redis://127.0.0.1:6379] */
  redisUrl?: string;
  /** Built PWA that nginx serves [frontend/dist, built first when it is missing]. */
  frontendRoot?: string;
  /** Extra backend environment, e.g. SHUTDOWN_TIMEOUT_MS, TURN_SERVER, SEED_DEMO_DATA. */
  env?: Record<string, string>;
  /**
   * Emulate docker compose's `--scale backend=N`: every node listens on the same port, node i
   * on 127.0.0.(i+1), and nginx's upstream is this one host name, resolving to all of them
   * (nginx runs in a private mount namespace with its own /etc/hosts; needs root and
   * `unshare`). Unset: one `127.0.0.1:port` upstream line per node.
   */
  replicaName?: string;
  /** Keep the temp directory (logs, rendered nginx config) after stop(). */
  keepDir?: boolean;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
}

export interface Cluster {
  /** nginx: the one URL a browser would use. */
  url: string;
  port: number;
  databaseUrl: string;
  /** Temp directory: logs, rendered nginx config, data dirs. */
  dir: string;
  backends: BackendNode[];
  nginx: { pid: number; accessLog: string; errorLog: string };
  stop(): Promise<void>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrlFor(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  installExitHook();
  const log = options.log ?? (() => {});
  const count = options.backends ?? 2;
  const adminUrl = options.adminDatabaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const frontendRoot = path.resolve(
    options.frontendRoot ?? path.join(REPO_ROOT, 'frontend', 'dist'),
  );
  ensureFrontendBuilt(frontendRoot, log);

  const dir = mkdtempSync(path.join(tmpdir(), 'spotlight-cluster-'));
  // nginx's workers (www-data when we are root) reach the static server's socket in here.
  chmodSync(dir, 0o755);
  const dbName = `spotlight_cluster_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseUrl = databaseUrlFor(adminUrl, dbName);
  const jwtSecret = randomBytes(48).toString('base64url');
  const metricsToken = randomBytes(24).toString('base64url');
  const backends: BackendNode[] = [];
  let nginx: NginxProcess | undefined;
  let databaseCreated = false;

  // Last resort when the process exits without stop() (a crashed test run): synchronous,
  // best effort. psql may be missing on a laptop; then the database stays behind.
  const cleanUpNow = () => {
    spawnSync('psql', [adminUrl, '-qc', `drop database if exists "${dbName}" with (force)`], {
      stdio: 'ignore',
      timeout: 10_000,
    });
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      abandoned.delete(cleanUpNow);
      if (nginx) await stopProcess(nginx.process, 'SIGTERM', 5000);
      await Promise.all(backends.map((backend) => backend.kill('SIGTERM')));
      if (databaseCreated) {
        await adminQuery(adminUrl, `drop database if exists "${dbName}" with (force)`);
      }
      if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    })());

  // What every node shares; HOST, PORT, NODE_ID and DATA_DIR are each node's own.
  const backendEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    BCRYPT_COST: '12',
    SEED_DEMO_DATA: 'false',
    ...options.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // Clusters of concurrent test runs share one Redis; each gets keys and pub/sub
    // channels of its own (a setting the backend reads once the realtime layer is in).
    REDIS_KEY_PREFIX: options.env?.REDIS_KEY_PREFIX ?? dbName,
    JWT_SECRET: jwtSecret,
    METRICS_TOKEN: metricsToken,
    // nginx connects from 127.0.0.1: trust exactly that hop, as production trusts its proxy.
    TRUST_PROXY: options.env?.TRUST_PROXY ?? (options.replicaName ? 'loopback' : '127.0.0.1'),
    SERVE_FRONTEND: 'false',
  };

  try {
    await adminQuery(adminUrl, `create database "${dbName}"`);
    databaseCreated = true;
    abandoned.add(cleanUpNow);
    log(`database ${dbName}`);

    const replicaPort = options.replicaName ? await freeOnAll(count) : undefined;
    for (let index = 0; index < count; index++) {
      const host = options.replicaName ? `127.0.0.${index + 1}` : '127.0.0.1';
      const port = replicaPort ?? (await freePort());
      backends.push(createBackend(index, host, port, dir, backendEnv));
    }
    // One at a time: they share two cores, and the first applies the migrations.
    for (const backend of backends) {
      await backend.start();
      log(`${backend.nodeId} pid ${backend.pid} on ${backend.url}`);
    }

    const port = options.port ?? ((await portIsFree(8080)) ? 8080 : await freePort('0.0.0.0'));
    const nginxPort = port === 0 ? await freePort('0.0.0.0') : port;
    nginx = launchNginx({
      dir,
      port: nginxPort,
      upstreams: options.replicaName
        ? `${options.replicaName}:${replicaPort}`
        : backends.map((b) => `127.0.0.1:${b.port}`).join(','),
      frontendRoot,
      replica: options.replicaName
        ? { name: options.replicaName, hosts: backends.map((b) => b.host) }
        : undefined,
    });
    const url = `http://127.0.0.1:${nginxPort}`;
    const { process: nginxProcess, logFile, accessLog, errorLog } = nginx;
    try {
      await waitForOk(`${url}/healthz`, 'nginx', () => nginxProcess.exit);
      await waitForOk(`${url}/api/ready`, 'the cluster', () => nginxProcess.exit);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${tail(logFile)}\n${tail(errorLog)}`);
    }
    log(`nginx pid ${nginxProcess.child.pid} on ${url}`);

    return {
      url,
      port: nginxPort,
      databaseUrl,
      dir,
      backends,
      nginx: { pid: nginxProcess.child.pid!, accessLog, errorLog },
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      backends: { type: 'string', default: '2' },
      port: { type: 'string' },
      'keep-dir': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const cluster = await startCluster({
    backends: Number(values.backends),
    port: values.port === undefined ? undefined : Number(values.port),
    keepDir: values['keep-dir'],
    log: (line) => console.log(line),
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the cluster…');
    await cluster.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));

  console.log(`\nspotlight.cam cluster ready: ${cluster.url}`);
  console.log(
    `  nginx      pid ${cluster.nginx.pid}  logs ${path.dirname(cluster.nginx.accessLog)}`,
  );
  for (const backend of cluster.backends) {
    console.log(
      `  ${backend.nodeId.padEnd(10)} pid ${backend.pid}  ${backend.url}  log ${backend.logFile}`,
    );
  }
  console.log(`  database   ${cluster.databaseUrl}`);

  if (positionals.length === 0) {
    console.log('Ctrl-C stops everything.');
    return;
  }
  const [command, ...args] = positionals as [string, ...string[]];
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      SPOTLIGHT_URL: cluster.url,
      SPOTLIGHT_DATABASE_URL: cluster.databaseUrl,
      SPOTLIGHT_BACKEND_URLS: cluster.backends.map((b) => b.url).join(','),
      SPOTLIGHT_BACKEND_PIDS: cluster.backends.map((b) => b.pid).join(','),
    },
  });
  child.on('exit', (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
