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
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BackendNode {
  /** NODE_ID: backend-1, backend-2, ... (the `node` label of its /metrics). */
  nodeId: string;
  /** 127.0.0.1, or 127.0.0.N with `replicaName`. */
  host: string;
  port: number;
  /** Direct URL, bypassing nginx (for /metrics, and to tell nodes apart). */
  url: string;
  /** METRICS_TOKEN of every node: `/metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken: string;
  logFile: string;
  /** PID of the running process; undefined when it is not running. */
  readonly pid: number | undefined;
  /** Resolves when the current process exits. */
  readonly exited: Promise<ExitInfo>;
  /** Sends a signal (SIGTERM by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /** Starts the node again on the same port (after a kill) and waits until it is ready. */
  start(): Promise<void>;
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
const READY_TIMEOUT_MS = 90_000;

/** A port nobody listens on right now (the kernel's pick). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port free on each of 127.0.0.1 ... 127.0.0.N. */
async function freeOnAll(count: number): Promise<number> {
  for (;;) {
    const port = await freePort();
    const free = await Promise.all(
      Array.from({ length: count }, (_, i) => portIsFree(port, `127.0.0.${i + 1}`)),
    );
    if (free.every(Boolean)) return port;
  }
}

/** GET url; the status, or 0 when nothing answers. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 3000, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tail = (file: string, lines = 30) =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';

/** Polls until `url` answers 200, the process dies, or the time is up. */
async function waitForOk(url: string, what: string, exited: () => ExitInfo | undefined) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const dead = exited();
    if (dead) throw new Error(`${what} exited (${dead.signal ?? dead.code}) before it was ready`);
    if ((await probe(url)) === 200) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready after ${READY_TIMEOUT_MS / 1000} s (${url})`);
}

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

interface Tracked {
  child: ChildProcess;
  exit?: ExitInfo;
  exited: Promise<ExitInfo>;
}

/** Spawns a process whose output goes to a log file, and tracks its exit. */
function launch(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Tracked {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const tracked: Tracked = {
    child,
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        tracked.exit = { code, signal };
        live.delete(child);
        // Let the pipes drain into the log before closing it.
        setImmediate(() => log.end());
        resolve(tracked.exit);
      });
    }),
  };
  child.once('error', (error) => log.write(`spawn failed: ${error.message}\n`));
  live.add(child);
  return tracked;
}

/** Children still running, and clusters not stopped, cleaned up if this process exits anyway. */
const live = new Set<ChildProcess>();
const abandoned = new Set<() => void>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    // nginx's master takes its workers down on SIGTERM; SIGKILL would orphan them.
    live.forEach((child) => child.kill('SIGTERM'));
    abandoned.forEach((cleanup) => cleanup());
  });
}

async function stopProcess(tracked: Tracked, signal: NodeJS.Signals, graceMs: number) {
  if (tracked.exit) return tracked.exit;
  tracked.child.kill(signal);
  const timer = setTimeout(() => tracked.child.kill('SIGKILL'), graceMs);
  const result = await tracked.exited;
  clearTimeout(timer);
  return result;
}

function ensureFrontendBuilt(root: string, log: (line: string) => void) {
  if (existsSync(path.join(root, 'index.html'))) return;
  if (path.resolve(root) !== path.join(REPO_ROOT, 'frontend', 'dist')) {
    throw new Error(`${root} has no index.html`);
  }
  log('Building the frontend (frontend/dist is missing)…');
  const build = spawnSync('npm', ['run', 'build', '-w', 'frontend'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build -w frontend failed');
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
  let nginx: Tracked | undefined;
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
      if (nginx) await stopProcess(nginx, 'SIGTERM', 5000);
      await Promise.all(backends.map((backend) => backend.kill('SIGTERM')));
      if (databaseCreated) {
        await adminQuery(adminUrl, `drop database if exists "${dbName}" with (force)`);
      }
      if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    })());

  try {
    await adminQuery(adminUrl, `create database "${dbName}"`);
    databaseCreated = true;
    abandoned.add(cleanUpNow);
    log(`database ${dbName}`);

    const replicaPort = options.replicaName ? await freeOnAll(count) : undefined;
    for (let index = 0; index < count; index++) {
      const host = options.replicaName ? `127.0.0.${index + 1}` : '127.0.0.1';
      backends.push(createBackend(index, host, replicaPort ?? (await freePort())));
    }
    // One at a time: they share two cores, and the first applies the migrations.
    for (const backend of backends) {
      await backend.start();
      log(`${backend.nodeId} pid ${backend.pid} on ${backend.url}`);
    }

    const port = options.port ?? ((await portIsFree(8080)) ? 8080 : await freePort('0.0.0.0'));
    const nginxPort = port === 0 ? await freePort('0.0.0.0') : port;
    const nginxDir = path.join(dir, 'nginx');
    const rendered = spawnSync('bash', [path.join(REPO_ROOT, 'nginx', 'render.sh'), nginxDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        NGINX_PORT: String(nginxPort),
        BACKEND_UPSTREAMS: options.replicaName
          ? `${options.replicaName}:${replicaPort}`
          : backends.map((b) => `127.0.0.1:${b.port}`).join(','),
        FRONTEND_ROOT: frontendRoot,
        FRONTEND_UPSTREAM: '',
      },
    });
    if (rendered.status !== 0) throw new Error(`nginx/render.sh failed: ${rendered.stderr}`);
    const errorLog = path.join(nginxDir, 'logs', 'error.log');
    const nginxArgs = [
      '-p',
      nginxDir,
      '-c',
      path.join(nginxDir, 'nginx.conf'),
      '-e',
      errorLog,
      '-g',
      'daemon off;',
    ];
    if (options.replicaName) {
      // Like Docker's DNS for a scaled service: one name, one address per replica.
      const hosts = path.join(dir, 'hosts');
      writeFileSync(
        hosts,
        `127.0.0.1 localhost\n${backends.map((b) => `${b.host} ${options.replicaName}`).join('\n')}\n`,
      );
      nginx = launch(
        'unshare',
        [
          '--mount',
          'sh',
          '-c',
          'mount --bind "$0" /etc/hosts && exec nginx "$@"',
          hosts,
          ...nginxArgs,
        ],
        process.env,
        path.join(dir, 'nginx.log'),
      );
    } else {
      nginx = launch('nginx', nginxArgs, process.env, path.join(dir, 'nginx.log'));
    }
    const url = `http://127.0.0.1:${nginxPort}`;
    const nginxProcess = nginx;
    try {
      await waitForOk(`${url}/healthz`, 'nginx', () => nginxProcess.exit);
      await waitForOk(`${url}/api/ready`, 'the cluster', () => nginxProcess.exit);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n${tail(path.join(dir, 'nginx.log'))}\n${tail(errorLog)}`,
      );
    }
    log(`nginx pid ${nginx.child.pid} on ${url}`);

    return {
      url,
      port: nginxPort,
      databaseUrl,
      dir,
      backends,
      nginx: {
        pid: nginx.child.pid!,
        accessLog: path.join(nginxDir, 'logs', 'access.log'),
        errorLog,
      },
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }

  function createBackend(index: number, host: string, port: number): BackendNode {
    const nodeId = `backend-${index + 1}`;
    const logFile = path.join(dir, `${nodeId}.log`);
    const dataDir = path.join(dir, `data-${index + 1}`);
    mkdirSync(dataDir, { recursive: true });
    const url = `http://${host}:${port}`;
    let current: Tracked | undefined;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      BCRYPT_COST: '12',
      SEED_DEMO_DATA: 'false',
      ...options.env,
      HOST: host,
      PORT: String(port),
      NODE_ID: nodeId,
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
      DATA_DIR: dataDir,
    };
    return {
      nodeId,
      host,
      port,
      url,
      metricsToken,
      logFile,
      get pid() {
        return current && !current.exit ? current.child.pid : undefined;
      },
      get exited() {
        return current?.exited ?? Promise.resolve({ code: null, signal: null });
      },
      async kill(signal: NodeJS.Signals = 'SIGTERM') {
        if (!current || current.exit) return current?.exit ?? { code: null, signal: null };
        if (signal === 'SIGKILL') {
          current.child.kill('SIGKILL');
          return current.exited;
        }
        return stopProcess(current, signal, 30_000);
      },
      async start() {
        if (current && !current.exit) throw new Error(`${nodeId} is already running`);
        const tracked = launch(
          process.execPath,
          ['--import', 'tsx', path.join(REPO_ROOT, 'backend', 'src', 'server.ts')],
          env,
          logFile,
        );
        current = tracked;
        try {
          await waitForOk(`${url}/api/ready`, nodeId, () => tracked.exit);
        } catch (error) {
          throw new Error(`${(error as Error).message}\n${tail(logFile)}`);
        }
      },
    };
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
