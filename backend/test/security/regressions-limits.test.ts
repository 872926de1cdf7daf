/**
 * Security regressions at the limits: brute force on passwords, oversized requests and floods
 * from one IP. Each one is an attack a real client could make against the running server.
 */
import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, startTestServer, type TestServer } from '../harness';

let t: TestServer;
// A first backoff of ten minutes: long enough that no test races it.
serveTestFile((server) => (t = server), { LOGIN_BACKOFF_SECONDS: '600' });

describe('brute force', () => {
  it('backs an account off after 5 failures, even for the right password from a stranger, and says when to retry', async () => {
    const user = await t.registerUser();
    for (let i = 0; i < 5; i++) {
      const res = await t.call(api.auth.login, {
        body: { email: user.email, password: `wrong ${i} password` },
      });
      expect(res.status).toBe(401);
    }
    const locked = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('rate_limited');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    // Another account on the same network (same IP) is not locked.
    const neighbour = await t.registerUser();
    expect(
      (
        await t.call(api.auth.login, {
          body: { email: neighbour.email, password: neighbour.password },
        })
      ).status,
    ).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password (no enumeration)', async () => {
    const user = await t.registerUser();
    const wrong = await t.call(api.auth.login, {
      body: { email: user.email, password: 'definitely not it' },
    });
    const unknown = await t.call(api.auth.login, {
      body: { email: 'nobody.here@example.test', password: 'definitely not it' },
    });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('limits failures per IP far above one account, with its own ceiling', async () => {
    const strict = await startTestServer({ LOGIN_MAX_FAILURES_PER_IP: '8' });
    try {
      for (let i = 0; i < 8; i++) {
        await strict.call(api.auth.login, {
          body: { email: `victim${i}@example.test`, password: 'guess guess' },
        });
      }
      const res = await strict.call(api.auth.login, {
        body: { email: 'fresh@example.test', password: 'guess guess' },
      });
      expect(res.status).toBe(429);
    } finally {
      await strict.close();
    }
  });
});

describe('request size and floods', () => {
  it('refuses a body over the limit with 413 and the error shape', async () => {
    const user = await t.registerUser();
    const res = await t.raw('PATCH', '/api/users/me', {
      body: JSON.stringify({ city: 'x'.repeat(200_000) }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    });
    expect(res.status).toBe(413);
    expect((res.body as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers huge headers with 431 and the error shape instead of dropping the connection', async () => {
    const res = await t.raw('GET', `/api/health?pad=${'a'.repeat(40_000)}`);
    expect(res.status).toBe(431);
    expect((res.body as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('bounds the requests of one IP, at a ceiling a venue stays under', async () => {
    const limited = await startTestServer({ API_MAX_PER_IP_PER_MINUTE: '40' });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 60 }, () => limited.call(api.system.health)),
      );
      const refused = statuses.filter((res) => res.status === 429);
      expect(refused.length).toBe(20);
      expect(refused[0]?.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
    // The default ceiling: 300 phones behind one venue IP, each loading the events page and its
    // own profile a few times, stay well under it.
    expect(t.config.API_MAX_PER_IP_PER_MINUTE).toBeGreaterThanOrEqual(300 * 20);
  });
});
