/**
 * The processes of scripts/cluster.ts: a backend node (startable again after a kill), nginx
 * rendered from nginx/ in front of them, and the built frontend nginx serves.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  launch,
  REPO_ROOT,
  stopProcess,
  tail,
  waitForOk,
  type ExitInfo,
  type Tracked,
} from './cluster-processes';

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

/**
 * Backend node `index` (0-based) of the cluster in `dir`, not started yet. `env` is what all
 * nodes share; HOST, PORT, NODE_ID and DATA_DIR are the node's own.
 */
export function createBackend(
  index: number,
  host: string,
  port: number,
  dir: string,
  sharedEnv: NodeJS.ProcessEnv,
): BackendNode {
  const nodeId = `backend-${index + 1}`;
  const logFile = path.join(dir, `${nodeId}.log`);
  const dataDir = path.join(dir, `data-${index + 1}`);
  mkdirSync(dataDir, { recursive: true });
  const url = `http://${host}:${port}`;
  let current: Tracked | undefined;
  const env: NodeJS.ProcessEnv = {
    ...sharedEnv,
    HOST: host,
    PORT: String(port),
    NODE_ID: nodeId,
    DATA_DIR: dataDir,
  };
  return {
    nodeId,
    host,
    port,
    url,
    metricsToken: sharedEnv.METRICS_TOKEN ?? '',
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

export interface NginxSpec {
  /** The cluster's temp directory; nginx's config and logs go in `nginx/` under it. */
  dir: string;
  port: number;
  /** BACKEND_UPSTREAMS of nginx/render.sh. */
  upstreams: string;
  frontendRoot: string;
  /** With `replicaName`: the one upstream host name, and the node addresses it resolves to. */
  replica?: { name: string; hosts: string[] };
}

export interface NginxProcess {
  process: Tracked;
  /** Its stdout and stderr. */
  logFile: string;
  accessLog: string;
  errorLog: string;
}

/** Renders nginx/ for the cluster and starts nginx (not waiting until it answers). */
export function launchNginx(spec: NginxSpec): NginxProcess {
  const nginxDir = path.join(spec.dir, 'nginx');
  const rendered = spawnSync('bash', [path.join(REPO_ROOT, 'nginx', 'render.sh'), nginxDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NGINX_PORT: String(spec.port),
      BACKEND_UPSTREAMS: spec.upstreams,
      FRONTEND_ROOT: spec.frontendRoot,
      FRONTEND_UPSTREAM: '',
    },
  });
  if (rendered.status !== 0) throw new Error(`nginx/render.sh failed: ${rendered.stderr}`);
  const errorLog = path.join(nginxDir, 'logs', 'error.log');
  const accessLog = path.join(nginxDir, 'logs', 'access.log');
  const logFile = path.join(spec.dir, 'nginx.log');
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
  if (!spec.replica) {
    return {
      process: launch('nginx', nginxArgs, process.env, logFile),
      logFile,
      accessLog,
      errorLog,
    };
  }
  // Like Docker's DNS for a scaled service: one name, one address per replica.
  const { name, hosts: addresses } = spec.replica;
  const hosts = path.join(spec.dir, 'hosts');
  writeFileSync(
    hosts,
    `127.0.0.1 localhost\n${addresses.map((host) => `${host} ${name}`).join('\n')}\n`,
  );
  const nginx = launch(
    'unshare',
    ['--mount', 'sh', '-c', 'mount --bind "$0" /etc/hosts && exec nginx "$@"', hosts, ...nginxArgs],
    process.env,
    logFile,
  );
  return { process: nginx, logFile, accessLog, errorLog };
}

export function ensureFrontendBuilt(root: string, log: (line: string) => void) {
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
