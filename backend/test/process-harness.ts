/**
 * Real backend processes for tests that need more than one, or need to kill one: started from
 * the repository with tsx, on a free port, and always killed when the test file ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { api, callEndpoint } from '@spotlight/contracts';
import { Redis } from 'ioredis';
import { REPO_ROOT } from '../src/config';
import { buildUser, type TestUser } from './harness';

export const REDIS_URL = 'redis://127.0.0.1:6379';

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Whether Redis answers on 127.0.0.1:6379. */
export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Why a test of several processes on PostgreSQL and Redis cannot run here, or undefined when it
 * can. It runs in the PostgreSQL pass; in CI both services are there, so a missing one is a
 * broken setup, not a reason to skip, and it throws.
 */
export async function clusterSkipReason(test: string, why: string): Promise<string | undefined> {
  const reason = !process.env.DATABASE_URL
    ? `needs DATABASE_URL: ${why} (it runs in the PostgreSQL pass)`
    : !(await redisAvailable())
      ? `needs Redis at ${REDIS_URL}`
      : undefined;
  if (reason && process.env.CI && process.env.DATABASE_URL) throw new Error(`${test}: ${reason}`);
  if (reason) console.warn(`[${test}] skipped: ${reason}`);
  return reason;
}

export interface BackendProcess {
  url: string;
  port: number;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Freezes the process (SIGSTOP) so that it writes nothing until `resume()` (SIGCONT). */
  pause(): void;
  resume(): void;
  /** The last lines it printed, for a failing test's message. */
  output(): string;
}

/** Environment shared by the processes of one test: one secret, test settings, quiet logs. */
export function processEnv(overrides: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    BCRYPT_COST: '4',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    SERVE_FRONTEND: 'false',
    METRICS_ENABLED: 'false',
    REDIS_URL: '',
    DATABASE_URL: '',
    ...overrides,
  };
}

/** `node --import tsx backend/src/server.ts` on 127.0.0.1:port, killed when the test file ends. */
function startProcess(env: Record<string, string>, port: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'backend', 'src', 'server.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  return child;
}

/** Starts `node --import tsx backend/src/server.ts` and resolves once /api/health answers. */
export async function spawnBackend(
  env: Record<string, string>,
  port?: number,
): Promise<BackendProcess> {
  const listenPort = port ?? (await freePort());
  const child = startProcess(env, listenPort);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`backend exited during start:\n${log}`);
    }
    try {
      if ((await fetch(url + api.system.health.path)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`backend did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port: listenPort,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    output: () => log,
  };
}

/** Starts the backend and waits for it to exit by itself (a refused start); its exit and output. */
export async function runBackendToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = startProcess(env, await freePort());
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A start that is not refused would run forever: it is killed, and the test sees the output.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  children.delete(child);
  return { code, output };
}

/** Kills every process this file started. */
export async function killAll() {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Calls an endpoint of the contract on a process; throws unless it answered 2xx. */
export const callApi = callEndpoint;

/** Registers a dancer on a process and checks them in to an event. */
export async function dancerOn(baseUrl: string, eventId: number): Promise<TestUser> {
  const body = buildUser();
  const { user, token } = await callApi(baseUrl, api.auth.register, { body });
  await callApi(baseUrl, api.events.join, { params: { id: eventId } }, token);
  return { ...user, token, password: body.password };
}

/** Deletes every Redis key under a test run's prefix. */
export async function deleteRedisKeys(prefix: string) {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
