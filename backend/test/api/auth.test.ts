import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, startTestServer, type TestServer } from '../harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('POST /api/auth/register', () => {
  it('creates an account, sets an httpOnly cookie and returns the user without the hash', async () => {
    const body = buildUser({ email: 'Mixed.Case@Example.Test' });
    const res = await t.call(api.auth.register, { body });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('mixed.case@example.test');
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^spotlight_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('refuses a common password with weak_password', async () => {
    const res = await t.call(api.auth.register, { body: buildUser({ password: 'Password1' }) });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('weak_password');
  });

  it('logs out: the same token is refused afterwards', async () => {
    const user = await t.registerUser();
    expect((await t.call(api.users.me, {}, { token: user.token })).status).toBe(200);
    expect((await t.call(api.auth.logout, {}, { token: user.token })).status).toBe(200);
    const after = await t.call(api.users.me, {}, { token: user.token });
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('session_expired');
  });
});
