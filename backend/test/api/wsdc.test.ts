/**
 * "Fill from WSDC": the lookup asks the points registry (here a local fake replaying recorded
 * answers, test/support/wsdc-registry.ts; the real one cannot be reached from the tests) and
 * answers the name and the highest division per role; the profile then stores the divisions.
 */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';
import { startFakeWsdcRegistry, type FakeWsdcRegistry } from '../support/wsdc-registry';

let t: TestServer;
let registry: FakeWsdcRegistry;
let dancer: TestUser;
beforeAll(async () => {
  registry = await startFakeWsdcRegistry();
  t = await startTestServer({ WSDC_REGISTRY_URL: registry.url, WSDC_TIMEOUT_MS: '300' });
  dancer = await t.registerUser();
});
afterAll(async () => {
  await t.close();
  await registry.close();
});
beforeEach(() => {
  registry.mode = 'replay';
  registry.requests.length = 0;
});

// The cache lasts across tests, so each test asks numbers of its own unless it means to hit
// the cache; the recordings are 99999 and 99998.
const lookup = (wsdcId: string, user: TestUser | null = dancer) =>
  t.call(api.wsdc.lookup, { params: { wsdcId } }, user ? { token: user.token } : {});

describe('GET /api/wsdc/:wsdcId', () => {
  it('answers the name and the highest ladder division per role, from a form POST of num', async () => {
    const res = await lookup('99999');
    expect(res.status).toBe(200);
    // Juniors (JRS) is not on the ladder; Intermediate is the highest leading division.
    expect(res.body).toEqual({
      wsdcId: '99999',
      firstName: 'Alex',
      lastName: 'Fixture',
      leaderDivision: 'intermediate',
      followerDivision: 'novice',
    });
    expect(registry.requests).toEqual([
      {
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        num: '99999',
      },
    ]);
  });

  it('gives null to a role whose placements are an empty list', async () => {
    const res = await lookup('0099998');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      wsdcId: '99998',
      leaderDivision: 'all_star',
      followerDivision: null,
    });
    // Leading zeros are dropped before the registry is asked.
    expect(registry.requests.map((r) => r.num)).toEqual(['99998']);
  });

  it('asks the registry once for two lookups of the same number (the cache answers the second)', async () => {
    // 99999 was looked up above; a fresh user asks twice more.
    const other = await t.registerUser();
    expect((await lookup('99999', other)).status).toBe(200);
    expect((await lookup('99999')).status).toBe(200);
    expect(registry.requests).toEqual([]);
  });

  it('answers 404 wsdc_not_found for a number the registry does not know, and caches that too', async () => {
    expectError(await lookup('12'), 404, 'wsdc_not_found');
    expectError(await lookup('12'), 404, 'wsdc_not_found');
    expect(registry.requests.map((r) => r.num)).toEqual(['12']);
  });

  it('takes an empty 200 for "not found" too', async () => {
    registry.mode = 'empty';
    expectError(await lookup('13'), 404, 'wsdc_not_found');
  });

  it('answers 502 wsdc_unavailable to a 419 (CSRF) or a 500, and never caches it', async () => {
    registry.mode = 'csrf';
    expectError(await lookup('99997'), 502, 'wsdc_unavailable');
    registry.mode = 'error';
    expectError(await lookup('99997'), 502, 'wsdc_unavailable');
    registry.mode = 'replay';
    // The next try asks again (99997 has no recording: the registry's 404 now).
    expectError(await lookup('99997'), 404, 'wsdc_not_found');
    expect(registry.requests).toHaveLength(3);
  });

  it('answers 502 wsdc_unavailable when the registry is slower than WSDC_TIMEOUT_MS', async () => {
    registry.mode = 'slow';
    registry.slowMs = 2000;
    const started = Date.now();
    expectError(await lookup('14'), 502, 'wsdc_unavailable');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a number that is not 1–7 digits with 400 validation_error, without asking', async () => {
    for (const bad of ['12345678', 'abc', '12a', '-1']) {
      expectError(await lookup(bad), 400, 'validation_error');
    }
    expect(registry.requests).toEqual([]);
  });

  it('answers 401 to the signed-out, without asking', async () => {
    expectError(await lookup('99999', null), 401, 'unauthorized');
    expect(registry.requests).toEqual([]);
  });
});

describe('the divisions on the profile', () => {
  it('are saved with the profile, shown on Me and the public profile, exported, and erased', async () => {
    const ana = await t.registerUser();
    const ben = await t.registerUser();
    const saved = await t.call(
      api.users.updateMe,
      { body: { wsdcId: '99999', leaderDivision: 'intermediate', followerDivision: 'novice' } },
      { token: ana.token },
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      leaderDivision: 'intermediate',
      followerDivision: 'novice',
    });
    const seen = await t.call(api.users.get, { params: { id: ana.id } }, { token: ben.token });
    expect(seen.body).toMatchObject({ leaderDivision: 'intermediate', followerDivision: 'novice' });

    const exported = await t.call(api.users.exportMe, {}, { token: ana.token });
    expect(exported.body.account).toMatchObject({
      wsdcId: '99999',
      leaderDivision: 'intermediate',
      followerDivision: 'novice',
    });

    const refused = await t.call(
      api.users.updateMe,
      { body: { leaderDivision: 'CHMP' as never } },
      { token: ana.token },
    );
    expectError(refused, 400, 'validation_error');

    await t.call(api.users.deleteMe, { body: { password: ana.password } }, { token: ana.token });
    const [row] = await t.db.select().from(users).where(eq(users.id, ana.id));
    expect(row).toMatchObject({ wsdcId: null, leaderDivision: null, followerDivision: null });
  });
});
