/** Ending sessions (one, or all of a user's) and the tokens a session is refused with. */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema';
import { serveTestFile, type TestServer } from '../harness';
import { cookieFrom, expectError } from '../helpers';

let t: TestServer;
serveTestFile((server) => (t = server));

describe('GET /api/auth/session', () => {
  it('answers 200 with the user when signed in, and with null when not or no longer', async () => {
    const user = await t.registerUser();
    const signedIn = await t.call(api.auth.session, {}, { token: user.token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: user.id, email: user.email });
    expect(JSON.stringify(signedIn.body)).not.toContain('passwordHash');

    const anonymous = await t.call(api.auth.session, {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });

    await t.call(api.auth.logout, {}, { token: user.token });
    const ended = await t.call(api.auth.session, {}, { token: user.token });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ user: null });
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the token at once', async () => {
    const user = await t.registerUser();
    expect((await t.call(api.users.me, {}, { token: user.token })).status).toBe(200);
    expect((await t.call(api.auth.logout, {}, { token: user.token })).status).toBe(200);
    const after = await t.call(api.users.me, {}, { token: user.token });
    expectError(after, 401, 'session_expired');
    expectError(await t.call(api.auth.logout, {}, { token: user.token }), 401, 'session_expired');
  });

  it('revokes the cookie session and clears the cookie', async () => {
    const user = await t.registerUser();
    const login = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const cookie = cookieFrom(login);
    const res = await t.call(api.auth.logout, {}, { cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const cleared = res.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^spotlight_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expectError(await t.call(api.users.me, {}, { cookie }), 401, 'session_expired');
    // The user's other session (from registration) is untouched.
    expect((await t.call(api.users.me, {}, { token: user.token })).status).toBe(200);
  });

  it('needs a session', async () => {
    expectError(await t.call(api.auth.logout), 401, 'unauthorized');
  });
});

describe('POST /api/auth/logout-all', () => {
  it('revokes every session of the user and no one else’s', async () => {
    const user = await t.registerUser();
    const other = await t.registerUser();
    const second = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const third = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const res = await t.call(api.auth.logoutAll, {}, { token: second.body.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie') ?? '').toMatch(/^spotlight_session=;/);
    for (const token of [user.token, second.body.token, third.body.token]) {
      expectError(await t.call(api.users.me, {}, { token }), 401, 'session_expired');
    }
    expect((await t.call(api.users.me, {}, { token: other.token })).status).toBe(200);
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    // Signing in again works.
    const again = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expect(again.status).toBe(200);
  });

  it('needs a session', async () => {
    expectError(await t.call(api.auth.logoutAll), 401, 'unauthorized');
  });
});

describe('session tokens', () => {
  it('refuses a token whose session row has expired', async () => {
    const user = await t.registerUser();
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, user.id));
    expectError(await t.call(api.users.me, {}, { token: user.token }), 401, 'session_expired');
  });

  it('refuses forged, unsigned and garbage tokens', async () => {
    const user = await t.registerUser();
    const [payload] = user.token.split('.').slice(1, 2);
    const forged = await new SignJWT(JSON.parse(Buffer.from(payload!, 'base64url').toString()))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a different secret of at least 32 chars'));
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const token of [forged, unsigned, 'garbage', `${user.token}x`]) {
      const res = await t.call(api.users.me, {}, { token });
      expect(res.status, token).toBe(401);
    }
    const badCookie = await t.call(api.users.me, {}, { cookie: 'spotlight_session=nope' });
    expect(badCookie.status).toBe(401);
  });
});
