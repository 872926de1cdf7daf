import { api, MAX_INT } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { expectError, expectNoSecrets, expectValidationError, send } from '../helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const profile = {
  displayName: 'Ana Kowalska',
  avatar: 'https://images.example.test/ana.jpg',
  wsdcId: '12345',
  danceRole: 'follower',
  division: 'intermediate',
  city: 'Warsaw',
  country: 'PL',
} as const;

describe('GET /api/users/me', () => {
  it('returns the signed-in user with the email and without the hash', async () => {
    const user = await t.registerUser();
    const res = await t.call(api.users.me, {}, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, username: user.username });
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2b\$/i);
  });

  it('needs a session', async () => {
    expectError(await t.call(api.users.me), 401, 'unauthorized');
  });
});

describe('PATCH /api/users/me', () => {
  it('updates the profile fields and trims the text', async () => {
    const user = await t.registerUser();
    const res = await t.call(
      api.users.updateMe,
      { body: { ...profile, city: '  Warsaw  ' } },
      { token: user.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...profile, email: user.email });
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body).toMatchObject(profile);
  });

  it('changes only the fields sent, and null clears one', async () => {
    const user = await t.registerUser();
    await t.call(api.users.updateMe, { body: profile }, { token: user.token });
    const res = await t.call(
      api.users.updateMe,
      { body: { city: null, division: 'advanced' } },
      { token: user.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...profile, city: null, division: 'advanced' });
  });

  it('refuses an empty change', async () => {
    const user = await t.registerUser();
    expectValidationError(
      await send(t, api.users.updateMe, { body: {} }, { token: user.token }),
      'body',
    );
  });

  it('refuses fields that are not part of the profile: email, username, password hash, id', async () => {
    const user = await t.registerUser();
    for (const body of [
      { email: 'new@example.test' },
      { username: 'someone_else' },
      { passwordHash: 'x' },
      { id: 1 },
      { displayName: 'Ok', isAdmin: true },
    ]) {
      const res = await send(t, api.users.updateMe, { body }, { token: user.token });
      expectValidationError(res, 'body');
    }
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body).toMatchObject({ email: user.email, username: user.username, id: user.id });
  });

  it('refuses wrong types and values outside the lists', async () => {
    const user = await t.registerUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: 5 }, 'body.displayName'],
      [{ danceRole: 'lead' }, 'body.danceRole'],
      [{ division: 'pro' }, 'body.division'],
      [{ wsdcId: 'abc' }, 'body.wsdcId'],
      [{ wsdcId: 12345 }, 'body.wsdcId'],
      [{ avatar: 'javascript:alert(1)' }, 'body.avatar'],
      [{ avatar: 'ftp://files.example.test/a.jpg' }, 'body.avatar'],
      [{ displayName: '   ' }, 'body.displayName'],
    ];
    for (const [body, path] of cases) {
      expectValidationError(
        await send(t, api.users.updateMe, { body }, { token: user.token }),
        path,
      );
    }
  });

  it('refuses strings over the limits', async () => {
    const user = await t.registerUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: 'd'.repeat(51) }, 'body.displayName'],
      [{ city: 'c'.repeat(101) }, 'body.city'],
      [{ wsdcId: '1'.repeat(11) }, 'body.wsdcId'],
      [{ avatar: `https://example.test/${'a'.repeat(240)}.jpg` }, 'body.avatar'],
    ];
    for (const [body, path] of cases) {
      expectValidationError(
        await send(t, api.users.updateMe, { body }, { token: user.token }),
        path,
      );
    }
  });

  it('takes the country as an ISO 3166-1 alpha-2 code, in any case, and refuses anything else', async () => {
    const user = await t.registerUser();
    const res = await t.call(
      api.users.updateMe,
      { body: { country: ' de ' } },
      { token: user.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.country).toBe('DE');
    for (const country of ['Poland', 'XX', 'XK', 'P', 'POL', '']) {
      expectValidationError(
        await send(t, api.users.updateMe, { body: { country } }, { token: user.token }),
        'body.country',
      );
    }
  });

  it('saves social links, each checked against its own network, and shows them on the public profile', async () => {
    const [user, other] = [await t.registerUser(), await t.registerUser()];
    const links = {
      instagram: 'https://www.instagram.com/ana.wcs',
      youtube: 'https://youtube.com/@AnaDances',
      tiktok: 'https://tiktok.com/@ana.wcs',
      facebook: 'https://facebook.com/ana.lopez.wcs',
    };
    const res = await t.call(api.users.updateMe, { body: links }, { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const shown = await t.call(api.users.get, { params: { id: user.id } }, { token: other.token });
    expect(shown.body).toMatchObject(links);

    for (const [field, url] of [
      ['instagram', 'https://youtube.com/@AnaDances'],
      ['youtube', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
      ['tiktok', 'http://tiktok.com/@ana.wcs'],
      ['facebook', 'javascript:alert(1)//facebook.com/ana.lopez'],
      ['instagram', 'https://instagram.com.evil.example/ana'],
    ] as const) {
      const refused = await t.call(
        api.users.updateMe,
        { body: { [field]: url } },
        { token: user.token },
      );
      expectValidationError(refused, `body.${field}`);
    }
    const cleared = await t.call(
      api.users.updateMe,
      { body: { tiktok: null } },
      { token: user.token },
    );
    expect(cleared.body).toMatchObject({ ...links, tiktok: null });
  });

  it('needs a session', async () => {
    expectError(await t.call(api.users.updateMe, { body: { city: 'Paris' } }), 401, 'unauthorized');
  });
});

describe('GET /api/users/:id', () => {
  it("shows another dancer's public profile, never the email or the hash", async () => {
    const viewer = await t.registerUser();
    const dancer = await t.registerUser();
    await t.call(api.users.updateMe, { body: profile }, { token: dancer.token });
    const res = await t.call(api.users.get, { params: { id: dancer.id } }, { token: viewer.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: dancer.id, username: dancer.username, ...profile });
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'id',
        'username',
        'displayName',
        'avatar',
        'wsdcId',
        'danceRole',
        'division',
        'leaderDivision',
        'followerDivision',
        'city',
        'country',
        'instagram',
        'youtube',
        'tiktok',
        'facebook',
        'createdAt',
      ].sort(),
    );
    expectNoSecrets(res.body, [dancer.email]);
  });

  it('is 404 for a user who does not exist', async () => {
    const viewer = await t.registerUser();
    expectError(
      await t.call(api.users.get, { params: { id: MAX_INT } }, { token: viewer.token }),
      404,
      'not_found',
    );
  });

  it('refuses ids that are not positive 32-bit integers', async () => {
    const viewer = await t.registerUser();
    for (const id of ['abc', '0', '-1', '1.5', '2147483648', '99999999999', '1e3']) {
      expectValidationError(
        await send(t, api.users.get, { params: { id } }, { token: viewer.token }),
        'params.id',
      );
    }
  });

  it('needs a session', async () => {
    const dancer = await t.registerUser();
    expectError(await t.call(api.users.get, { params: { id: dancer.id } }), 401, 'unauthorized');
  });
});
