/**
 * Security regressions: sessions, tokens, CSRF, brute force, body size, floods, enumeration and
 * data exposure. Each one is an attack a real client could make against the running server.
 */
import { createHmac } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../../src/modules/auth/tokens';
import { buildUser, startTestServer, type TestServer } from '../harness';

let t: TestServer;
beforeAll(async () => {
  // A first backoff of ten minutes: long enough that no test races it.
  t = await startTestServer({ LOGIN_BACKOFF_SECONDS: '600' });
});
afterAll(() => t.close());

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const cookieOf = (res: { headers: Headers }) =>
  (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    sid: string;
    exp: number;
  };

describe('sessions', () => {
  it('issues a new session on every sign-in (no fixation), and an old cookie is dead after logout', async () => {
    const user = await t.registerUser();
    const first = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const second = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expect(claimsOf(first.body.token).sid).not.toBe(claimsOf(second.body.token).sid);

    const cookie = cookieOf(first);
    expect((await t.call(api.users.me, {}, { cookie })).status).toBe(200);
    const logout = await t.call(api.auth.logout, {}, { cookie, headers: { origin: t.url } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/spotlight_session=;/);
    // The browser forgot it, but an attacker who copied it replays it:
    const replay = await t.call(api.users.me, {}, { cookie });
    expect(replay.status).toBe(401);
    expect(replay.body.error?.code).toBe('session_expired');
    // The other session of the same user is untouched by a single logout.
    expect((await t.call(api.users.me, {}, { token: second.body.token })).status).toBe(200);
  });

  it('refuses an expired token even though its signature is valid', async () => {
    const user = await t.registerUser();
    const { sid } = claimsOf(user.token);
    const expired = await signSessionToken(
      t.config.JWT_SECRET,
      { userId: user.id, sessionId: sid },
      new Date(Date.now() - 1000),
    );
    const res = await t.call(api.users.me, {}, { token: expired });
    expect(res.status).toBe(401);
  });

  it('refuses alg:none, a wrong signature, another algorithm and a swapped subject', async () => {
    const user = await t.registerUser();
    const victim = await t.registerUser();
    const [header, payload] = user.token.split('.') as [string, string];
    const claims = claimsOf(user.token);
    const forged = {
      none: `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      wrongKey: `${header}.${payload}.${createHmac('sha256', 'not-the-secret').update(`${header}.${payload}`).digest('base64url')}`,
      hs512: (() => {
        const h = base64url({ alg: 'HS512', typ: 'JWT' });
        return `${h}.${payload}.${createHmac('sha512', t.config.JWT_SECRET).update(`${h}.${payload}`).digest('base64url')}`;
      })(),
      // Keep the signature, change the subject to someone else.
      swappedSubject: `${header}.${base64url({ ...claims, sub: String(victim.id) })}.${user.token.split('.')[2]}`,
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(forged)) {
      const res = await t.call(api.users.me, {}, { token });
      expect(res.status, name).toBe(401);
    }
  });

  it('refuses a validly signed token whose session row belongs to another user', async () => {
    const user = await t.registerUser();
    const victim = await t.registerUser();
    const token = await signSessionToken(
      t.config.JWT_SECRET,
      { userId: victim.id, sessionId: claimsOf(user.token).sid },
      new Date(Date.now() + 3600_000),
    );
    expect((await t.call(api.users.me, {}, { token })).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a cross-origin state change that rides on the cookie, and allows the same origin', async () => {
    const user = await t.registerUser();
    const login = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const cookie = cookieOf(login);
    const { id: eventId } = await t.createEvent();
    const evil = await t.call(
      api.events.join,
      { params: { id: eventId } },
      { cookie, headers: { origin: 'https://evil.example' } },
    );
    expect(evil.status).toBe(403);
    expect(evil.body.error?.code).toBe('origin_forbidden');
    const nullOrigin = await t.call(
      api.events.join,
      { params: { id: eventId } },
      { cookie, headers: { origin: 'null' } },
    );
    expect(nullOrigin.status).toBe(403);
    const crossSiteFetch = await t.call(
      api.events.join,
      { params: { id: eventId } },
      { cookie, headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSiteFetch.status).toBe(403);
    const event = await t.call(api.events.get, { params: { id: eventId } }, { cookie });
    expect(event.body.joined).toBe(false);
    const same = await t.call(
      api.events.join,
      { params: { id: eventId } },
      { cookie, headers: { origin: t.url } },
    );
    expect(same.status).toBe(200);
  });

  it('sets the session cookie httpOnly and SameSite=Lax, and Secure in production', async () => {
    const res = await t.call(api.auth.register, { body: buildUser() });
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const prod = await startTestServer({ NODE_ENV: 'production', BCRYPT_COST: '12' });
    try {
      const prodRes = await prod.call(api.auth.register, { body: buildUser() });
      expect(prodRes.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      expect(prodRes.headers.get('strict-transport-security')).toBeTruthy();
    } finally {
      await prod.close();
    }
  });
});

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

describe('data exposure', () => {
  it('never returns another user’s email or any password hash', async () => {
    const a = await t.registerUser();
    const b = await t.registerUser();
    const { id: eventId } = await t.createEvent();
    for (const u of [a, b])
      await t.call(api.events.join, { params: { id: eventId } }, { token: u.token });
    const match = await t.call(
      api.matches.create,
      { body: { targetUserId: b.id, eventId } },
      { token: a.token },
    );
    await t.call(
      api.matches.update,
      { params: { id: match.body.id }, body: { status: 'accepted' } },
      { token: b.token },
    );
    await t.call(
      api.matches.update,
      { params: { id: match.body.id }, body: { status: 'completed' } },
      { token: b.token },
    );
    await t.call(
      api.ratings.create,
      { body: { matchId: match.body.id, score: 4, comment: 'great' } },
      { token: b.token },
    );
    await t.call(
      api.reports.create,
      { body: { reportedUserId: b.id, reason: 'spam' } },
      { token: a.token },
    );
    const responses = await Promise.all([
      t.call(api.users.get, { params: { id: b.id } }, { token: a.token }),
      t.call(api.events.participants, { params: { id: eventId } }, { token: a.token }),
      t.call(api.matches.list, {}, { token: a.token }),
      t.call(api.matches.get, { params: { id: match.body.id } }, { token: a.token }),
      t.call(api.ratings.byUser, { params: { id: a.id } }, { token: a.token }),
      t.call(api.reports.list, {}, { token: a.token }),
      t.call(api.chat.matchHistory, { params: { id: match.body.id } }, { token: a.token }),
    ]);
    for (const res of responses) {
      const text = JSON.stringify(res.body);
      expect(res.status).toBe(200);
      expect(text).not.toContain(b.email);
      expect(text).not.toMatch(/\$2[aby]\$|password/i);
    }
  });

  it('returns user content verbatim as JSON data, never turned into HTML', async () => {
    const user = await t.registerUser();
    const payload = '<img src=x onerror="alert(document.cookie)"><script>alert(1)</script>';
    const res = await t.call(
      api.users.updateMe,
      { body: { displayName: payload.slice(0, 50), city: payload.slice(0, 100) } },
      { token: user.token },
    );
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.city).toBe(payload.slice(0, 100));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
