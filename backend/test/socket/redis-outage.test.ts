/**
 * The degraded mode without Redis: a backend runs against a Redis of its own, which is then
 * killed. Health and readiness answer at once (ready: 503), sign-in brute force still meets the
 * backoff (per node, in memory), a correct sign-in and a socket connection still work, and no
 * promise rejection goes unhandled. The timings are printed, not asserted (the machine is noisy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requireTool } from '../deploy/support';
import { openTestDatabase } from '../harness';
import {
  callApi,
  freePort,
  killAll,
  processEnv,
  spawnBackend,
  type BackendProcess,
} from '../process-harness';
import { connectSocket } from '../socket-harness';

const enabled = requireTool('redis-server', 'the outage test kills a Redis of its own');
const cleanup: (() => Promise<void> | void)[] = [];
let redis: ChildProcess;
let redisPort: number;
let backend: BackendProcess;

/** A Redis nobody else uses, without persistence, on a free port. */
async function startRedis(port: number) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  cleanup.push(() => void child.kill('SIGKILL'));
  for (let attempt = 0; ; attempt++) {
    const client = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
  return child;
}

beforeAll(async () => {
  if (!enabled) return;
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  const env: Record<string, string> = {
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REDIS_KEY_PREFIX: `outage-${randomBytes(4).toString('hex')}`,
    LOGIN_BACKOFF_SECONDS: '600',
  };
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    cleanup.push(async () => {
      await database.handle.close();
      await database.drop();
    });
    env.DATABASE_URL = database.url!;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spotlight-outage-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
  }
  backend = await spawnBackend(processEnv(env));
}, 120_000);

afterAll(async () => {
  await killAll();
  for (const step of cleanup.reverse()) await step();
});

/** Runs `work`, prints how long it took, and returns its result (or its error). */
async function timed<T>(what: string, work: () => Promise<T>): Promise<T | Error> {
  const started = performance.now();
  const result = await work().catch((error: Error) => error);
  const outcome =
    result instanceof Error ? result.message : result instanceof Response ? result.status : 'ok';
  console.warn(`Redis down: ${what}: ${outcome} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

// Bounded, so that a stalled backend gives figures instead of a hung test.
const get = (target: string) =>
  fetch(backend.url + target, { signal: AbortSignal.timeout(30_000) });
const login = (email: string, password: string) =>
  fetch(backend.url + api.auth.login.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });

it.skipIf(!enabled)(
  'keeps answering, fast and closed for brute force, once Redis is killed mid-run',
  async () => {
    const register = async () => {
      const body = {
        email: `outage.${randomBytes(4).toString('hex')}@example.test`,
        username: `outage_${randomBytes(4).toString('hex')}`,
        password: 'a long outage passphrase',
      };
      const { token } = await callApi(backend.url, api.auth.register, { body });
      return { ...body, token };
    };
    const owner = await register();
    const victim = await register();
    expect((await fetch(backend.url + api.system.ready.path)).status).toBe(200);

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    // Let the backend notice the closed connections and go through a few reconnect attempts.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const health = await timed('/api/health', () => get(api.system.health.path));
    const ready = await timed('/api/ready', () => get(api.system.ready.path));
    const signIn = await timed('a correct login', () => login(owner.email, owner.password));
    const socket = await timed('a socket connection', () =>
      connectSocket(backend.url, { token: owner.token }),
    );
    const guesses: (number | string)[] = [];
    for (let i = 0; i < 7; i++) {
      const guess = await timed(`wrong password ${i + 1}`, () => login(victim.email, `guess ${i}`));
      guesses.push(guess instanceof Error ? guess.message : guess.status);
    }
    // Logging out tells the other nodes through the Socket.IO adapter (a Redis publish).
    const logout = await timed('a logout', () =>
      fetch(backend.url + api.auth.logout.path, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}` },
        signal: AbortSignal.timeout(30_000),
      }),
    );
    // Reconnect attempts keep failing meanwhile; give their errors time to surface.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    if (health instanceof Error || ready instanceof Error || signIn instanceof Error) {
      throw new Error('the backend did not answer');
    }
    expect(health.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not_ready', checks: { redis: 'failed' } });
    expect(signIn.status).toBe(200);
    expect(socket).not.toBeInstanceOf(Error);
    expect(logout).toMatchObject({ status: 200 });
    if (!(socket instanceof Error)) socket.close();
    expect(guesses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(guesses.slice(5)).toEqual([429, 429]);
    // The process-level handler (server.ts) logs every unhandled rejection under this message.
    expect(backend.output()).not.toMatch(/unhandled rejection/i);

    // Redis back on the same port: the node reconnects by itself and is ready again.
    await startRedis(redisPort);
    let status = 0;
    for (let attempt = 0; attempt < 200 && status !== 200; attempt++) {
      status = (await get(api.system.ready.path)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await login(owner.email, owner.password)).status).toBe(200);
  },
  300_000,
);
