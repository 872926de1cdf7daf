/** Signing up: what an account stores, what registration refuses, and the ceiling per IP. */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { buildUser, serveTestFile, startTestServer, type TestServer } from '../harness';
import { cookieFrom, expectError, expectValidationError, send } from '../helpers';

let t: TestServer;
serveTestFile((server) => (t = server));

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

  it('keeps the username an ASCII handle and takes "José" as the name, stored in NFC', async () => {
    const refused = expectValidationError(
      await t.call(api.auth.register, { body: buildUser({ username: 'José' }) }),
      'body.username',
    );
    expect(refused.map((d) => d.message)).toContain(
      'Latin letters a–z, digits, dot, dash and underscore; no spaces or accents',
    );
    const body = buildUser({ displayName: 'Jose\u0301' });
    const res = await t.call(api.auth.register, { body });
    expect(res.status).toBe(201);
    expect(res.body.user.displayName).toBe('Jos\u00e9');
    const [row] = await t.db.select().from(users).where(eq(users.id, res.body.user.id));
    expect(row!.displayName).toBe('Jos\u00e9');
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
