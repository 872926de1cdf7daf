/**
 * What holds for every request to the API: the Origin check on state-changing requests, the
 * limits and formats of bodies, and the headers of every response.
 */
import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, startTestServer, type TestServer, type TestUser } from '../harness';
import { cookieFrom, expectError, send } from '../helpers';

let t: TestServer;
let user: TestUser;
serveTestFile((server, registered) => ([t, user] = [server, registered]));

describe('the Origin check on state-changing requests', () => {
  const evil = 'https://evil.example.test';

  it('refuses a cross-origin POST that carries the session cookie', async () => {
    const victim = await t.registerUser();
    const login = await t.call(api.auth.login, {
      body: { email: victim.email, password: victim.password },
    });
    const cookie = cookieFrom(login);
    const res = await t.call(api.auth.logout, {}, { cookie, headers: { origin: evil } });
    expectError(res, 403, 'origin_forbidden');
    // The session survived.
    expect((await t.call(api.users.me, {}, { cookie })).status).toBe(200);

    const patch = await t.call(
      api.users.updateMe,
      { body: { city: 'Hacked' } },
      { cookie, headers: { origin: evil } },
    );
    expectError(patch, 403, 'origin_forbidden');
    expect((await t.call(api.users.me, {}, { cookie })).body.city).toBeNull();

    for (const origin of ['null', `${t.url}.evil.test`, t.url.replace('http:', 'https:')]) {
      const res = await t.call(api.auth.logout, {}, { cookie, headers: { origin } });
      expectError(res, 403, 'origin_forbidden');
    }
    const sneaky = await t.call(
      api.auth.logout,
      {},
      { cookie, headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expectError(sneaky, 403, 'origin_forbidden');
  });

  it('lets same-origin requests and requests without an Origin through', async () => {
    const dancer = await t.registerUser();
    const same = await t.call(
      api.users.updateMe,
      { body: { city: 'Lyon' } },
      { token: dancer.token, headers: { origin: t.url, 'sec-fetch-site': 'same-origin' } },
    );
    expect(same.status).toBe(200);
    const none = await t.call(
      api.users.updateMe,
      { body: { city: 'Nice' } },
      { token: dancer.token },
    );
    expect(none.status).toBe(200);
    // Reading is not state-changing: a cross-origin GET gets an answer, but no CORS grant.
    const read = await t.call(api.users.me, {}, { token: dancer.token, headers: { origin: evil } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the origins in CORS_ORIGIN, for CORS and for state changes', async () => {
    const app = 'https://app.spotlight.example';
    const server = await startTestServer({ CORS_ORIGIN: `${app}, https://other.example` });
    try {
      const preflight = await server.raw('OPTIONS', '/api/auth/login', {
        headers: {
          origin: app,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(app);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      const register = await server.call(
        api.auth.register,
        {
          body: {
            email: 'cors@example.test',
            username: 'cors_user',
            password: 'a long passphrase',
          },
        },
        { headers: { origin: app } },
      );
      expect(register.status).toBe(201);
      expect(register.headers.get('access-control-allow-origin')).toBe(app);
      const refused = await server.call(
        api.auth.logout,
        {},
        { token: register.body.token, headers: { origin: evil } },
      );
      expectError(refused, 403, 'origin_forbidden');
    } finally {
      await server.close();
    }
  });
});

describe('request bodies', () => {
  it('refuses a JSON body over the limit with 413', async () => {
    const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(70 * 1024) });
    const res = await send(t, api.auth.login, { rawBody: huge });
    expectError(res, 413, 'payload_too_large');
    const patch = await send(
      t,
      api.users.updateMe,
      { rawBody: JSON.stringify({ city: 'c'.repeat(100 * 1024) }) },
      { token: user.token },
    );
    expectError(patch, 413, 'payload_too_large');
  });

  it('refuses malformed JSON with 400', async () => {
    for (const rawBody of ['{"email": "a@b.test",', "{'single': 'quotes'}", '{"a":1}}', 'nul']) {
      const res = await send(t, api.auth.login, { rawBody });
      expectError(res, 400, 'validation_error');
      expect(res.body.error?.message).toMatch(/JSON/);
    }
  });

  it('refuses a body that is not JSON, and a charset it cannot read', async () => {
    const asText = await send(
      t,
      api.auth.login,
      { rawBody: JSON.stringify({ email: user.email, password: user.password }) },
      { headers: { 'content-type': 'text/plain' } },
    );
    expectError(asText, 400, 'validation_error');
    const form = await send(
      t,
      api.auth.login,
      { rawBody: `email=${encodeURIComponent(user.email)}&password=x` },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    expectError(form, 400, 'validation_error');
    const latin = await send(
      t,
      api.auth.login,
      { rawBody: '{"email":"a@b.test","password":"x"}' },
      { headers: { 'content-type': 'application/json; charset=ibm037' } },
    );
    expect(latin.status).toBe(415);
    expect(latin.body.error?.code).toBe('unsupported_media_type');
  });
});

describe('response headers', () => {
  it('sets security headers, no-store for the API, and a request id', async () => {
    const res = await t.raw('GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const bad = await t.raw('GET', '/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
