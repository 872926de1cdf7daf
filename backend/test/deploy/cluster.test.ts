/**
 * Two backend processes on PostgreSQL and Redis behind Debian's nginx (cluster-setup.ts), at the
 * edge: the PWA shell and assets, security headers, the API with its cookie session, client
 * addresses, request ids and body limits. Everything goes through nginx the way a browser's
 * requests would. Routing between the nodes and failover are in cluster-routing.test.ts.
 * Runs in the PostgreSQL phase of CI (DATABASE_URL set): the nodes share one database.
 */
import net from 'node:net';
import { api } from '@spotlight/contracts';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../scripts/cluster';
import { clusterEnabled, serveCluster } from './cluster-setup';
import { scrapeMetrics, send } from './support';

describe.skipIf(!clusterEnabled())('two backends behind nginx', () => {
  let cluster: Cluster;
  let jsAsset: string;
  const { through, register } = serveCluster((started) => ({ cluster, jsAsset } = started));

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
});
