/**
 * Two backend processes on PostgreSQL and Redis behind Debian's nginx, rendered from the same
 * templates as docker compose (scripts/cluster.ts). Everything goes through nginx the way a
 * browser's requests would; each node's own /metrics tells which node served a request.
 * Runs in the PostgreSQL phase of CI (DATABASE_URL set): the nodes share one database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type BackendNode, type Cluster } from '../../../scripts/cluster';
import { buildUser } from '../harness';
import {
  randomKey,
  requireTool,
  routing,
  scrapeMetrics,
  send,
  setCookieValue,
  writeFixtureDist,
  type RawRequest,
} from './support';

const SHUTDOWN_TIMEOUT_MS = 4000;
const ROUTE_COOKIE = 'spotlight_route';
const SESSION_COOKIE = 'spotlight_session';

const hasDatabase = Boolean(process.env.DATABASE_URL);
if (!hasDatabase) {
  console.warn(
    'SKIPPED: the nginx cluster test runs with DATABASE_URL set (two nodes need one shared PostgreSQL)',
  );
}
const enabled =
  hasDatabase && requireTool('nginx', 'the cluster test runs nginx in front of two backends');

describe.skipIf(!enabled)('two backends behind nginx', () => {
  let cluster: Cluster;
  let fixtureDir: string;
  let jsAsset: string;
  let socketIo = false;

  beforeAll(async () => {
    fixtureDir = mkdtempSync(path.join(tmpdir(), 'spotlight-dist-'));
    ({ jsAsset } = writeFixtureDist(fixtureDir));
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
    socketIo = probe.status === 200;
    if (!socketIo) console.warn('SKIPPED: Socket.IO is not mounted on the backend yet');
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  const through = (target: string, request: RawRequest = {}) => send(cluster.url + target, request);

  const { servedBy, keyFor } = routing(() => cluster);
  const routeCookie = (key: string) => ({ cookie: `${ROUTE_COOKIE}=${key}` });

  async function register() {
    const body = buildUser();
    const response = await through(api.auth.register.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cluster.url },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    const session = setCookieValue(response, SESSION_COOKIE);
    expect(session).toBeTruthy();
    return { ...body, session: `${SESSION_COOKIE}=${session}` };
  }

  it('serves the PWA shell and assets with the right cache and security headers', async () => {
    const shell = await through('/');
    expect(shell.status).toBe(200);
    expect(shell.text).toContain('spotlight.cam fixture');
    expect(shell.headers['cache-control']).toBe('no-cache');

    // A client-side route gets the shell; a missing fingerprinted asset does not.
    const route = await through('/events/12/chat');
    expect(route.status).toBe(200);
    expect(route.text).toContain('spotlight.cam fixture');
    expect(route.headers['cache-control']).toBe('no-cache');
    const missing = await through('/assets/index-missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();

    const asset = await through(jsAsset, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    // Source maps stay off the web (vite builds them 'hidden').
    expect((await through(`${jsAsset}.map`)).status).toBe(404);

    for (const file of [
      '/sw.js',
      '/registerSW.js',
      '/workbox-5f3a9c1e.js',
      '/manifest.webmanifest',
    ]) {
      const response = await through(file);
      expect(response.status, file).toBe(200);
      expect(response.headers['cache-control'], file).toBe('no-cache');
    }
    const manifest = await through('/manifest.webmanifest');
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
  });

  it('protects the app shell with the same security headers as the backend, once', async () => {
    const shell = await through('/');
    expect(shell.status).toBe(200);
    const backend = await send(`${cluster.backends[0]!.url}${api.system.health.path}`);
    const security = [
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ];
    for (const header of security) {
      expect(shell.headers[header], header).toBe(backend.headers[header]);
    }
    // Through nginx an API response carries helmet's headers exactly once.
    const proxied = await through(api.system.health.path);
    expect(proxied.headers['content-security-policy']).toBe(
      backend.headers['content-security-policy'],
    );
    expect(proxied.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps /metrics off the public proxy', async () => {
    expect((await through('/metrics')).status).toBe(404);
    expect((await send(`${cluster.backends[0]!.url}/metrics`)).status).toBe(404);
    const direct = await scrapeMetrics(cluster.backends[0]!);
    expect(direct.status).toBe(200);
    expect(direct.text).toContain('node="backend-1"');
  });

  it('signs up and uses the API through nginx with the cookie session and the Origin check', async () => {
    const user = await register();
    const me = await through(api.users.me.path, { headers: { cookie: user.session } });
    expect(me.status).toBe(200);
    expect(me.json<{ username: string }>().username).toBe(user.username);

    // The backend compares Origin with Host:port as nginx forwards it.
    const login = await through(api.auth.login.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cluster.url },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);
    const crossSite = await through(api.auth.login.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json<{ error: { code: string } }>().error.code).toBe('origin_forbidden');
  });

  it('gives the backend the real client address, whatever X-Forwarded-For the client sends', async () => {
    const user = await register();
    // Another loopback address stands in for a client on another machine.
    const login = await through(api.auth.login.path, {
      method: 'POST',
      localAddress: '127.0.0.2',
      headers: {
        'content-type': 'application/json',
        origin: cluster.url,
        'x-forwarded-for': '203.0.113.7',
      },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ ip: string }>(
        'select s.ip from sessions s join users u on u.id = s.user_id where u.email = $1 order by s.created_at',
        [user.email],
      );
      expect(rows.map((row) => row.ip)).toEqual(['127.0.0.1', '127.0.0.2']);
    } finally {
      await db.end();
    }
  });

  it('passes request ids through to the backend', async () => {
    const mine = await through(api.system.health.path, { headers: { 'x-request-id': 'trace-42' } });
    expect(mine.headers['x-request-id']).toBe('trace-42');
    // Without one, nginx's own id reaches the backend (and nginx's access log).
    const generated = await through(api.system.health.path);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lets large bodies through to the backend and refuses more than 500 MB itself', async () => {
    const big = await through(api.auth.login.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cluster.url },
      body: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    // The backend's own limit answered, so nginx forwarded 2 MB.
    expect(big.status).toBe(413);
    expect(big.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');

    const huge = await new Promise<number>((resolve, reject) => {
      const socket = net.connect(cluster.port, '127.0.0.1', () => {
        socket.write(
          `POST ${api.auth.login.path} HTTP/1.1\r\nHost: 127.0.0.1:${cluster.port}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${501 * 1024 * 1024}\r\n\r\n`,
        );
      });
      let head = '';
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
        if (status) {
          socket.destroy();
          resolve(Number(status[1]));
        }
      });
      socket.on('error', reject);
    });
    expect(huge).toBe(413);
  });

  it('spreads browsers over both nodes and keeps each browser on one', async () => {
    const byNode = new Map<string, string[]>();
    for (let i = 0; i < 24; i++) {
      const key = randomKey();
      const { nodeId } = await servedBy(routeCookie(key));
      byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), key]);
    }
    expect([...byNode.keys()].sort()).toEqual(['backend-1', 'backend-2']);

    for (const [nodeId, keys] of byNode) {
      for (let i = 0; i < 5; i++) {
        expect((await servedBy(routeCookie(keys[0]!))).nodeId).toBe(nodeId);
      }
    }
  });

  it('routes a first visit by the cookie it hands out, so the next requests stay on that node', async () => {
    const first = await servedBy();
    const key = setCookieValue(first.response, ROUTE_COOKIE);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    for (let i = 0; i < 5; i++) {
      expect((await servedBy(routeCookie(key!))).nodeId).toBe(first.nodeId);
    }
    // A browser that has the cookie is not given another.
    expect(setCookieValue(await through('/', { headers: routeCookie(key!) }), ROUTE_COOKIE)).toBe(
      undefined,
    );
  });

  it('keeps a Socket.IO long-polling session on the node that did the handshake', async (ctx) => {
    if (!socketIo) ctx.skip();
    for (let client = 0; client < 6; client++) {
      const headers = routeCookie(randomKey());
      const handshake = await through('/socket.io/?EIO=4&transport=polling', { headers });
      expect(handshake.status).toBe(200);
      const { sid } = JSON.parse(handshake.text.slice(1)) as { sid: string };
      const session = `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
      // Each poll is a new request; only the handshake's node knows the sid.
      const connect = await through(session, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
        body: '40',
      });
      expect(connect.status, connect.text).toBe(200);
      const poll = await through(session, { headers });
      expect(poll.status, poll.text).toBe(200);
      expect(poll.text).toMatch(/^4[04]/);
    }
  });

  it('connects Socket.IO through nginx over WebSocket, and upgrades from long-polling', async (ctx) => {
    if (!socketIo) ctx.skip();
    const user = await register();
    for (const transports of [['websocket'], ['polling', 'websocket']]) {
      // A browser on this page: its session and routing cookies, and the page's Origin.
      const socket = io(cluster.url, {
        transports,
        extraHeaders: {
          cookie: `${user.session}; ${ROUTE_COOKIE}=${randomKey()}`,
          origin: cluster.url,
        },
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        if (socket.io.engine.transport.name !== 'websocket') {
          // The upgrade is one more request carrying the polling session's sid: same node.
          await new Promise<void>((resolve) => socket.io.engine.once('upgrade', () => resolve()));
        }
        expect(socket.io.engine.transport.name, transports.join('+')).toBe('websocket');
      } finally {
        socket.disconnect();
      }
    }
  });

  it('keeps answering through the other node when one is killed with SIGKILL', async () => {
    const [victim, survivor] = cluster.backends as [BackendNode, BackendNode];
    const user = await register();
    const key = await keyFor(victim);
    const headers = { cookie: `${ROUTE_COOKIE}=${key}; ${user.session}` };

    const exit = await victim.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');

    for (let i = 0; i < 10; i++) {
      const me = await through(api.users.me.path, { headers });
      expect(me.status).toBe(200);
      expect(me.json<{ username: string }>().username).toBe(user.username);
      expect((await servedBy(headers)).nodeId).toBe(survivor.nodeId);
    }
    // A state-changing request too: nginx never sent it to the dead node, so it may retry.
    const login = await through(api.auth.login.path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: cluster.url },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);

    // Back up on the same port; nginx tries it again once fail_timeout (10 s) has passed.
    await victim.start();
    let back = false;
    for (let attempt = 0; attempt < 150 && !back; attempt++) {
      back = (await servedBy(routeCookie(key))).nodeId === victim.nodeId;
      if (!back) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(back).toBe(true);
  }, 90_000);

  it('on SIGTERM a node exits cleanly within SHUTDOWN_TIMEOUT_MS, even with a request stuck open, and nginx moves on', async () => {
    const victim = cluster.backends[1]!;
    const key = await keyFor(victim);

    // An in-flight request that never completes: the body it announces never arrives.
    const stuck = net.connect(victim.port, '127.0.0.1');
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    const stuckClosed = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
    stuck.on('error', () => {});
    stuck.write(
      `POST ${api.auth.login.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
    );
    // Let the node start handling it before the signal.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = Date.now();
    const exited = victim.kill('SIGTERM');
    // Meanwhile, this browser's requests go to the other node.
    for (let i = 0; i < 5; i++) {
      const response = await through(api.system.health.path, { headers: routeCookie(key) });
      expect(response.status).toBe(200);
    }
    const exit = await exited;
    const elapsed = Date.now() - started;
    await stuckClosed;

    expect(exit).toEqual({ code: 0, signal: null });
    // The bound is the process's own; the margin only absorbs a busy machine's scheduling.
    expect(elapsed).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 3000);
    expect((await servedBy(routeCookie(key))).nodeId).toBe('backend-1');
  }, 60_000);
});
