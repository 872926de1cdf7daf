/**
 * The cluster the nginx cluster tests run against: two backend processes on PostgreSQL and
 * Redis behind Debian's nginx, rendered from the same templates as docker compose
 * (scripts/cluster.ts), serving a fixture PWA. One cluster per test file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import { startCluster, type Cluster } from '../../../scripts/cluster';
import { buildUser } from '../harness';
import {
  requireTool,
  routing,
  send,
  setCookieValue,
  writeFixtureDist,
  type RawRequest,
} from './support';

export const SHUTDOWN_TIMEOUT_MS = 4000;
export const ROUTE_COOKIE = 'spotlight_route';
const SESSION_COOKIE = 'spotlight_session';

/**
 * Whether the cluster tests run: they need DATABASE_URL (the nodes share one database) and
 * nginx. The reason is printed when they do not.
 */
export function clusterEnabled(): boolean {
  const hasDatabase = Boolean(process.env.DATABASE_URL);
  if (!hasDatabase) {
    console.warn(
      'SKIPPED: the nginx cluster test runs with DATABASE_URL set (two nodes need one shared PostgreSQL)',
    );
  }
  return (
    hasDatabase && requireTool('nginx', 'the cluster test runs nginx in front of two backends')
  );
}

export interface StartedCluster {
  cluster: Cluster;
  /** The fixture's fingerprinted script, with a source map beside it. */
  jsAsset: string;
  /** Whether the backend mounts Socket.IO. */
  socketIo: boolean;
}

/**
 * Starts the cluster before the tests of the enclosing describe and stops it after them.
 * `ready` gets it once it runs; the returned helpers send requests through its nginx.
 */
export function serveCluster(ready: (started: StartedCluster) => void) {
  let cluster: Cluster | undefined;
  let fixtureDir: string | undefined;

  beforeAll(async () => {
    fixtureDir = mkdtempSync(path.join(tmpdir(), 'spotlight-dist-'));
    const { jsAsset } = writeFixtureDist(fixtureDir);
    writeFileSync(path.join(fixtureDir, `${jsAsset}.map`), '{"version":3,"sources":[]}');
    cluster = await startCluster({
      port: 0,
      frontendRoot: fixtureDir,
      env: {
        BCRYPT_COST: '4',
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
    });
    const probe = await send(`${cluster.backends[0]!.url}/socket.io/?EIO=4&transport=polling`);
    const socketIo = probe.status === 200;
    if (!socketIo) console.warn('SKIPPED: Socket.IO is not mounted on the backend yet');
    ready({ cluster, jsAsset, socketIo });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  const running = () => cluster!;
  /** A request through nginx. */
  const through = (target: string, request: RawRequest = {}) =>
    send(running().url + target, request);
  const { servedBy, keyFor } = routing(running);
  /** Headers that carry nginx's routing cookie with this key. */
  const routeCookie = (key: string) => ({ cookie: `${ROUTE_COOKIE}=${key}` });

  /** Signs a new user up through nginx; `session` is the session cookie to send back. */
  async function register() {
    const body = buildUser();
    const response = await through(api.auth.register.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: running().url },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    const session = setCookieValue(response, SESSION_COOKIE);
    expect(session).toBeTruthy();
    return { ...body, session: `${SESSION_COOKIE}=${session}` };
  }

  return { through, servedBy, keyFor, routeCookie, register };
}
