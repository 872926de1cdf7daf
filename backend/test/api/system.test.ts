/**
 * What holds for the whole API: health and readiness, the OpenAPI document, every contract
 * endpoint mounted and guarded, and the one error shape. The Origin check, body limits and
 * response headers are in system-requests.test.ts.
 */
import { allEndpoints, api, buildPath, type EndpointDef } from '@spotlight/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';
import { startFakeWsdcRegistry } from '../support/wsdc-registry';

let t: TestServer;
let user: TestUser;
// A registry that answers: a WSDC lookup is then a 200 or 404, not the 502 of no registry.
const registry = await startFakeWsdcRegistry();
afterAll(() => registry.close());
serveTestFile((server, registered) => ([t, user] = [server, registered]), {
  WSDC_REGISTRY_URL: registry.url,
});

/** A request to an endpoint with every path parameter set to `id`. */
const pathOf = (def: EndpointDef, id = '1') =>
  buildPath(def.path, Object.fromEntries([...def.path.matchAll(/:(\w+)/g)].map((m) => [m[1], id])));

const isNoEndpoint = (res: { status: number; body: unknown }) =>
  res.status === 404 &&
  /^No endpoint/.test((res.body as { error?: { message?: string } }).error?.message ?? '');

describe('GET /api/health and /api/ready', () => {
  it('reports liveness without a session', async () => {
    const res = await t.call(api.system.health);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  it('reports readiness with a database ping', async () => {
    const res = await t.call(api.system.ready);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'disabled' } });
  });

  it('is 503 when the database does not answer, and while shutting down', async () => {
    const database = t.server.ctx.database;
    const ping = database.ping;
    database.ping = () => Promise.reject(new Error('connection refused'));
    try {
      const res = await t.call(api.system.ready);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: 'not_ready',
        checks: { database: 'failed', redis: 'disabled' },
      });
    } finally {
      database.ping = ping;
    }
    t.server.ctx.state.shuttingDown = true;
    try {
      const res = await t.call(api.system.ready);
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('not_ready');
    } finally {
      t.server.ctx.state.shuttingDown = false;
    }
    expect((await t.call(api.system.ready)).status).toBe(200);
  });
});

describe('the contract and the routes', () => {
  it('mounts every endpoint of the contract', async () => {
    const missing: string[] = [];
    for (const [id, def] of allEndpoints()) {
      const res = await t.raw(def.method, pathOf(def), {
        headers: { 'content-type': 'application/json' },
      });
      if (isNoEndpoint(res)) missing.push(`${id} ${def.method} ${def.path}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers 401 unauthorized on every signed-in endpoint without a session or with a revoked one', async () => {
    const revoked = await t.registerUser();
    await t.call(api.auth.logout, {}, { token: revoked.token });
    const endpoints = allEndpoints().filter(([, def]) => def.auth === 'user');
    expect(endpoints.length).toBeGreaterThan(15);
    for (const [id, def] of endpoints) {
      const anonymous = await t.raw(def.method, pathOf(def));
      expect(anonymous.status, id).toBe(401);
      expect((anonymous.body as { error: { code: string } }).error.code, id).toBe('unauthorized');
      const stale = await t.raw(def.method, pathOf(def), {
        headers: { authorization: `Bearer ${revoked.token}` },
      });
      expect(stale.status, id).toBe(401);
    }
  });

  it('never answers 500 to garbage input on any endpoint', async () => {
    const bodies = [
      '{"x":[1,2,{"$ne":null}],"__proto__":{"admin":true}}',
      '[]',
      '"text"',
      '{"id":"1 OR 1=1","email":{"$gt":""},"status":null}',
    ];
    const ids = ['1', '0', 'NaN', '9'.repeat(30), "1'--", '%00'];
    const failures: string[] = [];
    // Logging out would end the session the other requests use.
    const endpoints = allEndpoints().filter(([id]) => !id.startsWith('auth.logout'));
    for (const [id, def] of endpoints) {
      for (const param of ids) {
        for (const body of bodies) {
          const path = `${pathOf(def, param)}?page=abc&limit=-5&q[]=1&before=x`;
          const res = await t.raw(def.method, path, {
            body: def.method === 'GET' ? undefined : body,
            headers: {
              authorization: `Bearer ${user.token}`,
              'content-type': 'application/json',
            },
          });
          if (res.status >= 500) failures.push(`${id} ${param} ${body} → ${res.status}`);
          if (res.status === 401) failures.push(`${id}: the session was lost`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every endpoint × 6 ids × 4 bodies, one after another: a few thousand requests.
  }, 180_000);

  it('answers an unknown path or method with a 404 in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['DELETE', '/api/events/1'],
      ['PUT', '/api/users/me'],
    ] as const) {
      const res = await t.raw(method, path, { headers: { authorization: `Bearer ${user.token}` } });
      expectError(res, 404, 'not_found');
      expect(Object.keys(res.body as object)).toEqual(['error']);
    }
  });

  it('turns an unexpected failure into a 500 internal_error that tells nothing', async () => {
    const users = t.server.services.users;
    const me = users.me;
    users.me = () => Promise.reject(new Error('relation "secret_table" does not exist'));
    try {
      const res = await t.call(api.users.me, {}, { token: user.token });
      expectError(res, 500, 'internal_error');
      expect(JSON.stringify(res.body)).not.toMatch(/secret_table|relation|stack/);
    } finally {
      users.me = me;
    }
    expect((await t.call(api.users.me, {}, { token: user.token })).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with every endpoint, without a session', async () => {
    const res = await t.raw('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; security: unknown[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const [id, def] of allEndpoints()) {
      const path = def.path.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[def.method.toLowerCase()];
      expect(operation, id).toBeDefined();
      expect(operation!.operationId).toBe(id);
      expect(operation!.security.length > 0).toBe(def.auth === 'user');
    }
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations).toHaveLength(allEndpoints().length);
  });

  it('serves a browsable reference page', async () => {
    const res = await t.raw('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.body as string;
    expect(html).toContain('spotlight.cam API reference');
    for (const [, def] of allEndpoints()) {
      expect(html).toContain(def.path.replace(/:(\w+)/g, '{$1}'));
    }
    expect(html).not.toMatch(/<script/i);
  });
});
