/**
 * What the backend shows the public when it is the whole server (`npm start`): /metrics only
 * to a scraper with its token, no source maps in production, a CSP that lets the page talk to
 * its own origin only, and a Permissions-Policy that allows the camera and nothing else.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, writeFixtureDist } from '../deploy/support';
import { startTestServer, type TestServer } from '../harness';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

let dist: string;
let jsAsset: string;
/** Development, no METRICS_TOKEN: what `npm start` runs with an empty .env. */
let t: TestServer;
const servers: TestServer[] = [];
const start = async (env: Record<string, string>) => {
  const server = await startTestServer({ SERVE_FRONTEND: 'true', FRONTEND_DIST: dist, ...env });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'spotlight-dist-'));
  ({ jsAsset } = writeFixtureDist(dist));
  writeFileSync(path.join(dist, `${jsAsset}.map`), '{"version":3,"sources":["src/main.tsx"]}');
  t = await start({ NODE_ENV: 'development' });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('/metrics', () => {
  it('is not served without METRICS_TOKEN, even to a request from loopback', async () => {
    const res = await send(`${t.url}/metrics`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('http_request_duration_seconds');
  });

  it('answers only the bearer of METRICS_TOKEN; any other request looks like no endpoint', async () => {
    const scraped = await start({ METRICS_TOKEN });
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abcdef',
      `Bearer ${METRICS_TOKEN}x`,
      METRICS_TOKEN,
    ]) {
      const res = await send(`${scraped.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, authorization).toBe(404);
      expect(res.text).not.toContain('http_request_duration_seconds');
    }
    const res = await send(`${scraped.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('http_request_duration_seconds');
  });
});

describe('source maps', () => {
  it('are refused in production, with the asset itself still served', async () => {
    const production = await start({ NODE_ENV: 'production', BCRYPT_COST: '12' });
    expect((await send(production.url + jsAsset)).status).toBe(200);
    const map = await send(`${production.url}${jsAsset}.map`);
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('sources');
  });

  it('are served in development, for the browser’s devtools', async () => {
    expect((await send(`${t.url}${jsAsset}.map`)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('lets the page connect to its own origin only (no ws: or wss: to any host)', async () => {
    for (const target of ['/', api.system.health.path]) {
      const csp = (await send(t.url + target)).headers['content-security-policy'] as string;
      const connect = csp.split(';').find((directive) => directive.startsWith('connect-src'));
      expect(connect, target).toBe("connect-src 'self'");
    }
  });

  it('allows the camera on its own origin and no microphone or location', async () => {
    for (const target of ['/', '/events/3', api.system.health.path, '/api/nothing-here']) {
      const policy = (await send(t.url + target)).headers['permissions-policy'] as string;
      const features = Object.fromEntries(
        policy.split(',').map((entry) => entry.trim().split('=') as [string, string]),
      );
      expect(features, target).toMatchObject({
        camera: '(self)',
        microphone: '()',
        geolocation: '()',
      });
    }
  });
});
