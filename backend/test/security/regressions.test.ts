/**
 * Security regressions: sessions, tokens, CSRF, enumeration and data exposure. Each one is an
 * attack a real client could make against the running server. Brute force, body size and
 * floods are in regressions-limits.test.ts.
 */
import { createHmac } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { signSessionToken } from '../../src/modules/auth/tokens';
import { buildUser, serveTestFile, startTestServer, type TestServer } from '../harness';

let t: TestServer;
serveTestFile((server) => (t = server));

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
