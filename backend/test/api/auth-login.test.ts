/** Signing in: sessions, answers that tell nothing, and the backoff per account and per IP. */
import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, type TestServer } from '../harness';
import { cookieFrom, expectError, expectValidationError, send } from '../helpers';

let t: TestServer;
// A first backoff long enough that no test races it; the default is 1 s.
serveTestFile((server) => (t = server), { LOGIN_BACKOFF_SECONDS: '60' });

const wrongPassword = 'not the right password';

describe('POST /api/auth/login', () => {
  it('starts a session with a cookie and a token, for any case of the email', async () => {
    const user = await t.registerUser();
    const res = await t.call(api.auth.login, {
      body: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2b\$/i);
    expect((await t.call(api.users.me, {}, { token: res.body.token })).status).toBe(200);
    expect((await t.call(api.users.me, {}, { cookie: cookieFrom(res) })).status).toBe(200);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const user = await t.registerUser();
    const wrong = await t.call(api.auth.login, {
      body: { email: user.email, password: wrongPassword },
    });
    const unknown = await t.call(api.auth.login, {
      body: { email: `nobody.${user.username}@example.test`, password: wrongPassword },
    });
    expectError(wrong, 401, 'invalid_credentials');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('validates the body', async () => {
    expectValidationError(await send(t, api.auth.login, { body: {} }), 'body.email');
    expectValidationError(
      await send(t, api.auth.login, { body: { email: 'a@b.test', password: '' } }),
      'body.password',
    );
    expectValidationError(
      await send(t, api.auth.login, { body: { email: 'a@b.test', password: 12345678 } }),
      'body.password',
    );
    expectValidationError(
      await send(t, api.auth.login, {
        body: { email: 'a@b.test', password: 'p'.repeat(129) },
      }),
      'body.password',
    );
    expectValidationError(
      await send(t, api.auth.login, {
        body: { email: 'a@b.test', password: 'whatever1', remember: true },
      }),
      'body',
    );
  });

  it('backs an account off after 5 failures: the 6th attempt is 429 with Retry-After, even with the right password', async () => {
    const user = await t.registerUser();
    for (let i = 0; i < 5; i++) {
      const res = await t.call(api.auth.login, {
        body: { email: user.email, password: wrongPassword },
      });
      expectError(res, 401, 'invalid_credentials');
    }
    const sixth = await t.call(api.auth.login, {
      body: { email: user.email, password: wrongPassword },
    });
    expectError(sixth, 429, 'rate_limited');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const right = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expectError(right, 429, 'rate_limited');
    expect(right.headers.get('set-cookie')).toBeNull();

    // The lock is per account: another dancer on the same network still signs in.
    const other = await t.registerUser();
    const ok = await t.call(api.auth.login, {
      body: { email: other.email, password: other.password },
    });
    expect(ok.status).toBe(200);
  });

  it('backs an unknown email off the same way', async () => {
    const email = `ghost.${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++) {
      expectError(
        await t.call(api.auth.login, { body: { email, password: wrongPassword } }),
        401,
        'invalid_credentials',
      );
    }
    expectError(
      await t.call(api.auth.login, { body: { email, password: wrongPassword } }),
      429,
      'rate_limited',
    );
  });

  it('lets no more than 5 guesses through when they arrive at once', async () => {
    const user = await t.registerUser();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.call(api.auth.login, { body: { email: user.email, password: wrongPassword } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const right = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expectError(right, 429, 'rate_limited');
  });

  it('a success before the limit clears the failures of the account', async () => {
    const user = await t.registerUser();
    const attempt = (password: string) =>
      t.call(api.auth.login, { body: { email: user.email, password } });
    for (let i = 0; i < 4; i++) expect((await attempt(wrongPassword)).status).toBe(401);
    expect((await attempt(user.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(wrongPassword)).status).toBe(401);
    expect((await attempt(user.password)).status).toBe(200);
  });

  it('keeps a venue’s shared IP open after hundreds of failures (the ceiling is 2,000)', async () => {
    // The proxy in front (loopback, trusted) names the client in X-Forwarded-For.
    const venue = { 'x-forwarded-for': '203.0.113.50' };
    expect(t.config.LOGIN_MAX_FAILURES_PER_IP).toBe(2000);
    for (let i = 0; i < 150; i++) {
      const res = await send(
        t,
        api.auth.login,
        { body: { email: `guest${i}.${Date.now()}@example.test`, password: wrongPassword } },
        { headers: venue },
      );
      expect(res.status).toBe(401);
    }
    const user = await t.registerUser();
    const body = { email: user.email, password: user.password };
    expect((await send(t, api.auth.login, { body }, { headers: venue })).status).toBe(200);
  });
});
