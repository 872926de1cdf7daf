/**
 * Sign-in limits that an attacker cannot turn against the owner or a venue: per-account
 * exponential backoff that the owner's known device passes, a per-IP ceiling high enough for a
 * ballroom, ceilings on successful sign-ins (each a bcrypt hash and a sessions row), and the
 * purge of session rows that ended long ago.
 */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema';
import { backoffSeconds } from '../../src/limits';
import { DEVICE_COOKIE } from '../../src/modules/auth/devices';
import { deleteStaleSessions } from '../../src/modules/auth/repository';
import { startTestServer, type ApiResult, type TestServer, type TestUser } from '../harness';
import { expectError, send } from '../helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ LOGIN_BACKOFF_SECONDS: '600' });
});
afterAll(() => t.close());

/** `spotlight_device=…` from a response's Set-Cookie headers. */
const deviceCookieOf = (res: ApiResult<unknown>) => {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  expect(line).toMatch(/HttpOnly/i);
  expect(line).toMatch(/Path=\/api\/auth/i);
  return line!.split(';')[0]!;
};

const login = (target: TestServer, user: TestUser, password: string, cookie?: string) =>
  target.call(api.auth.login, { body: { email: user.email, password } }, { cookie });

/** A stranger's five wrong guesses, after which the account is backed off for ten minutes. */
async function backOff(target: TestServer, user: TestUser) {
  for (let i = 0; i < 5; i++) {
    expectError(await login(target, user, `guess number ${i}`), 401, 'invalid_credentials');
  }
  expectError(await login(target, user, user.password), 429, 'rate_limited');
}

describe('per-account backoff', () => {
  it('waits base, 2 base, 4 base … after the free attempts, up to the cap', () => {
    const schedule = { free: 5, baseSeconds: 1, maxSeconds: 900 };
    const waits = [1, 4, 5, 6, 7, 10, 14, 15, 100].map((n) => backoffSeconds(n, schedule));
    expect(waits).toEqual([0, 0, 1, 2, 4, 32, 512, 900, 900]);
  });

  it('lets the owner in from a known device while strangers are backed off', async () => {
    const owner = await t.registerUser();
    const device = deviceCookieOf(await login(t, owner, owner.password));
    await backOff(t, owner);

    const fromDevice = await login(t, owner, owner.password, device);
    expect(fromDevice.status).toBe(200);
    expect(fromDevice.body.user.id).toBe(owner.id);
    // The owner signing in does not reopen the account to the stranger.
    expectError(await login(t, owner, owner.password), 429, 'rate_limited');
    // The device is still known after that sign-in: the same cookie works again.
    expect(deviceCookieOf(fromDevice)).toBe(device);
    expect((await login(t, owner, owner.password, device)).status).toBe(200);
  });

  it('gives a known device its own backoff, and a wrong password from it is still 401', async () => {
    const owner = await t.registerUser();
    const device = deviceCookieOf(await login(t, owner, owner.password));
    for (let i = 0; i < 5; i++) {
      expectError(await login(t, owner, `typo ${i}`, device), 401, 'invalid_credentials');
    }
    expectError(await login(t, owner, owner.password, device), 429, 'rate_limited');
    // Its failures did not back off other browsers of the owner.
    expect((await login(t, owner, owner.password)).status).toBe(200);
  });

  it('registration makes the browser a known device too', async () => {
    const res = await t.call(api.auth.register, {
      body: {
        email: 'newcomer.device@example.test',
        username: 'newcomer_dev',
        password: 'a long passphrase 1',
      },
    });
    expect(res.status).toBe(201);
    const owner = { ...res.body.user, token: res.body.token, password: 'a long passphrase 1' };
    const device = deviceCookieOf(res);
    await backOff(t, owner);
    expect((await login(t, owner, owner.password, device)).status).toBe(200);
  });

  it('does not let another account’s device cookie, or a forged one, pass the backoff', async () => {
    const victim = await t.registerUser();
    const attacker = await t.registerUser();
    const attackerDevice = deviceCookieOf(await login(t, attacker, attacker.password));
    await backOff(t, victim);
    const [name, value] = attackerDevice.split('=') as [string, string];
    const [, id, signature] = value.split('.');
    const forged = `${name}=${victim.id}.${id}.${signature}`;
    for (const cookie of [attackerDevice, forged, `${DEVICE_COOKIE}=garbage`]) {
      expectError(await login(t, victim, victim.password, cookie), 429, 'rate_limited');
    }
  });
});

describe('the per-IP failure ceiling', () => {
  it('defaults to 2,000 per 15 minutes, and a known device passes it', async () => {
    expect(t.config.LOGIN_MAX_FAILURES_PER_IP).toBe(2000);
    expect(t.config.LOGIN_WINDOW_MINUTES).toBe(15);
    const strict = await startTestServer({ LOGIN_MAX_FAILURES_PER_IP: '8' });
    try {
      const regular = await strict.registerUser();
      const device = deviceCookieOf(await login(strict, regular, regular.password));
      const venue = { 'x-forwarded-for': '203.0.113.9' };
      for (let i = 0; i < 8; i++) {
        const res = await send(
          strict,
          api.auth.login,
          { body: { email: `guest${i}@example.test`, password: 'guess guess' } },
          { headers: venue },
        );
        expect(res.status).toBe(401);
      }
      const body = { email: regular.email, password: regular.password };
      const stranger = await send(strict, api.auth.login, { body }, { headers: venue });
      expectError(stranger, 429, 'rate_limited');
      expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
      const known = await send(
        strict,
        api.auth.login,
        { body },
        { headers: { ...venue, cookie: device } },
      );
      expect(known.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('successful sign-ins', () => {
  it('are limited per account and per IP, each with its own ceiling', async () => {
    const strict = await startTestServer({
      LOGIN_MAX_PER_ACCOUNT_PER_HOUR: '3',
      LOGIN_MAX_PER_IP_PER_HOUR: '5',
    });
    try {
      const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
      const signIn = (user: TestUser, ip: string) =>
        send(
          strict,
          api.auth.login,
          { body: { email: user.email, password: user.password } },
          from(ip),
        );
      const first = await strict.registerUser();
      for (let i = 0; i < 3; i++) expect((await signIn(first, '198.51.100.1')).status).toBe(200);
      const fourth = await signIn(first, '198.51.100.2');
      expectError(fourth, 429, 'rate_limited');
      expect(fourth.headers.get('set-cookie')).toBeNull();

      const second = await strict.registerUser();
      expect((await signIn(second, '198.51.100.1')).status).toBe(200);
      expect((await signIn(second, '198.51.100.1')).status).toBe(200);
      expectError(await signIn(second, '198.51.100.1'), 429, 'rate_limited');
      // Another network is not held back by that one.
      expect((await signIn(await strict.registerUser(), '198.51.100.3')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('the purge of ended sessions', () => {
  it('deletes rows that expired a week ago without being revoked, and keeps the rest', async () => {
    const user = await t.registerUser();
    const day = 24 * 3600 * 1000;
    const rows = await t.db
      .insert(sessions)
      .values([
        { userId: user.id, expiresAt: new Date(Date.now() - 8 * day) },
        { userId: user.id, expiresAt: new Date(Date.now() - 2 * day) },
        { userId: user.id, expiresAt: new Date(Date.now() + day) },
      ])
      .returning({ id: sessions.id });
    expect(await deleteStaleSessions(t.db, new Date(Date.now() - 7 * day))).toBeGreaterThanOrEqual(
      1,
    );
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const ids = new Set(left.map((row) => row.id));
    expect(ids.has(rows[0]!.id)).toBe(false);
    expect(ids.has(rows[1]!.id)).toBe(true);
    expect(ids.has(rows[2]!.id)).toBe(true);
  });
});
