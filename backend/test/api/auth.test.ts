import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/db/schema';
import { buildUser, startTestServer, type TestServer } from '../harness';
import { cookieFrom, expectError, expectValidationError, send } from '../helpers';

let t: TestServer;
beforeAll(async () => {
  // A first backoff long enough that no test races it; the default is 1 s.
  t = await startTestServer({ LOGIN_BACKOFF_SECONDS: '60' });
});
afterAll(() => t.close());

const wrongPassword = 'not the right password';

describe('POST /api/auth/register', () => {
  it('creates an account, sets an httpOnly cookie and returns the user without the hash', async () => {
    const body = buildUser({ email: 'Mixed.Case@Example.Test', displayName: '  Ana  ' });
    const res = await t.call(api.auth.register, { body });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('mixed.case@example.test');
    expect(res.body.user.username).toBe(body.username);
    expect(res.body.user.displayName).toBe('Ana');
    expect(res.body.token).toEqual(expect.any(String));
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2b\$/i);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^spotlight_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    // The cookie alone is a session.
    const me = await t.call(api.users.me, {}, { cookie: cookieFrom(res) });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
  });

  it('stores a bcrypt hash, never the password', async () => {
    const user = await t.registerUser();
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$2b\$04\$/);
    expect(row!.passwordHash).not.toContain(user.password);
  });

  it('refuses a taken email, whatever its case', async () => {
    const first = await t.registerUser();
    const res = await t.call(api.auth.register, {
      body: buildUser({ email: first.email.toUpperCase() }),
    });
    expectError(res, 409, 'email_taken');
  });

  it('refuses a taken username, whatever its case', async () => {
    const first = await t.registerUser();
    const res = await t.call(api.auth.register, {
      body: buildUser({ username: first.username.toUpperCase() }),
    });
    expectError(res, 409, 'username_taken');
  });

  it('refuses a common password with weak_password', async () => {
    const res = await t.call(api.auth.register, { body: buildUser({ password: 'Password1' }) });
    expectError(res, 400, 'weak_password');
  });

  it('asks for 8 to 128 characters and nothing else', async () => {
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ password: 'a7Bc$9x' }) }),
      'body.password',
    );
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ password: 'x'.repeat(129) }) }),
      'body.password',
    );
    // No composition rule: eight lower-case letters are fine.
    const ok = await t.call(api.auth.register, { body: buildUser({ password: 'qwzxkvmt' }) });
    expect(ok.status).toBe(201);
  });

  it('lists every missing field', async () => {
    const details = expectValidationError(await send(t, api.auth.register, { body: {} }));
    const paths = details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.username', 'body.password']));
  });

  it('refuses wrong types', async () => {
    const body = { ...buildUser(), email: 42, username: ['a'] };
    const details = expectValidationError(await send(t, api.auth.register, { body }));
    expect(details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.username']),
    );
  });

  it('refuses strings over the limits', async () => {
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ username: 'u'.repeat(31) }) }),
      'body.username',
    );
    expectValidationError(
      await t.call(api.auth.register, {
        body: buildUser({ email: `${'e'.repeat(250)}@example.test` }),
      }),
      'body.email',
    );
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ displayName: 'd'.repeat(51) }) }),
      'body.displayName',
    );
  });

  it('refuses malformed usernames and emails', async () => {
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ username: 'ana smith' }) }),
      'body.username',
    );
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ username: 'ab' }) }),
      'body.username',
    );
    expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ email: 'not-an-email' }) }),
      'body.email',
    );
  });

  it('refuses unknown fields, such as a role', async () => {
    const res = await send(t, api.auth.register, { body: { ...buildUser(), role: 'admin' } });
    const details = expectValidationError(res, 'body');
    expect(JSON.stringify(details)).toContain('role');
  });

  it('hashes with cost 12 when BCRYPT_COST is not set', async () => {
    const server = await startTestServer({ BCRYPT_COST: '' });
    try {
      expect(server.config.BCRYPT_COST).toBe(12);
      const user = await server.registerUser();
      const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
      expect(row!.passwordHash).toMatch(/^\$2b\$12\$/);
    } finally {
      await server.close();
    }
  });
});

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

describe('the registration ceiling per IP', () => {
  it('refuses the 201st account from one network within the hour, and only from it', async () => {
    const office = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 200; i++) {
      const res = await send(t, api.auth.register, { body: buildUser() }, { headers: office });
      expect(res.status).toBe(201);
    }
    const refused = await send(t, api.auth.register, { body: buildUser() }, { headers: office });
    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await send(
      t,
      api.auth.register,
      { body: buildUser() },
      { headers: { 'x-forwarded-for': '192.0.2.45' } },
    );
    expect(elsewhere.status).toBe(201);
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
