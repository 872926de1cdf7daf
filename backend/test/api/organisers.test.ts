/**
 * Roles: site admins (ADMIN_EMAILS or the flag) and the organisers of an event, who grant and
 * revoke the role to each other; `GET /api/users/me` tells the app which screens to show.
 */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';

const ADMIN_EMAIL = 'boss.organisers@example.test';

let t: TestServer;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestServer({ ADMIN_EMAILS: `someone@example.test, ${ADMIN_EMAIL.toUpperCase()}` });
  admin = await t.registerUser({ email: ADMIN_EMAIL });
});
afterAll(() => t.close());

const me = async (user: TestUser) => (await t.call(api.users.me, {}, { token: user.token })).body;
const grant = (by: TestUser, eventId: number, username: string) =>
  t.call(
    api.organisers.grant,
    { params: { id: eventId }, body: { username } },
    { token: by.token },
  );
const revoke = (by: TestUser, eventId: number, userId: number) =>
  t.call(api.organisers.revoke, { params: { id: eventId, userId } }, { token: by.token });

describe('roles', () => {
  it('a dancer has no role; an account listed in ADMIN_EMAILS is an admin, from sign-up on', async () => {
    const dancer = await t.registerUser();
    expect(await me(dancer)).toMatchObject({ isAdmin: false, organiserOf: [] });
    expect(await me(admin)).toMatchObject({ isAdmin: true, organiserOf: [] });
    const login = await t.call(api.auth.login, {
      body: { email: ADMIN_EMAIL, password: admin.password },
    });
    expect(login.body.user.isAdmin).toBe(true);
  });

  it('the admin flag in the database makes an admin too', async () => {
    const dancer = await t.registerUser();
    await t.db.update(users).set({ isAdmin: true }).where(eq(users.id, dancer.id));
    expect((await me(dancer)).isAdmin).toBe(true);
  });
});

describe('organisers', () => {
  it('an admin makes a dancer an organiser, who makes another; the list says who granted whom', async () => {
    const { id: eventId } = await t.createEvent();
    const olivia = await t.registerUser();
    const oscar = await t.registerUser();
    const first = await grant(admin, eventId, olivia.username.toUpperCase());
    expect(first.status).toBe(201);
    expect(first.body.items.map((o) => [o.id, o.grantedBy?.id])).toEqual([[olivia.id, admin.id]]);
    expect((await me(olivia)).organiserOf).toEqual([eventId]);

    const second = await grant(olivia, eventId, oscar.username);
    expect(second.status).toBe(201);
    expect(second.body.items.map((o) => [o.id, o.grantedBy?.id])).toEqual([
      [olivia.id, admin.id],
      [oscar.id, olivia.id],
    ]);
    // Granting again changes nothing.
    expect((await grant(oscar, eventId, olivia.username)).body.items).toHaveLength(2);

    const anyone = await t.registerUser();
    const list = await t.call(
      api.organisers.list,
      { params: { id: eventId } },
      { token: anyone.token },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((o) => o.username)).toEqual([olivia.username, oscar.username]);
    // The list never carries an e-mail.
    expect(JSON.stringify(list.body)).not.toContain('@');
  });

  it('a dancer, or an organiser of another event, cannot grant; a missing event or dancer is a 404', async () => {
    const { id: eventId } = await t.createEvent();
    const { id: otherEvent } = await t.createEvent();
    const elsewhere = await t.registerUser();
    await grant(admin, otherEvent, elsewhere.username);
    const dancer = await t.registerUser();

    const refused = await grant(dancer, eventId, dancer.username);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
    expect((await grant(elsewhere, eventId, dancer.username)).status).toBe(403);
    expect((await me(dancer)).organiserOf).toEqual([]);

    expect((await grant(admin, 999_999, dancer.username)).status).toBe(404);
    const nobody = await grant(admin, eventId, 'nobody_by_that_name');
    expect(nobody.status).toBe(404);
    expect(nobody.body.error?.code).toBe('not_found');
    expect(
      (await t.call(api.organisers.list, { params: { id: 999_999 } }, { token: dancer.token }))
        .status,
    ).toBe(404);
  });

  it('organisers remove each other, but the last one stays unless an admin removes them', async () => {
    const { id: eventId } = await t.createEvent();
    const olivia = await t.registerUser();
    const oscar = await t.registerUser();
    await grant(admin, eventId, olivia.username);
    await grant(olivia, eventId, oscar.username);

    const removed = await revoke(olivia, eventId, oscar.id);
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((o) => o.id)).toEqual([olivia.id]);
    expect((await revoke(oscar, eventId, olivia.id)).status).toBe(403);

    const last = await revoke(olivia, eventId, olivia.id);
    expect(last.status).toBe(409);
    expect(last.body.error?.code).toBe('last_organiser');
    expect((await revoke(olivia, eventId, oscar.id)).status).toBe(404);

    const byAdmin = await revoke(admin, eventId, olivia.id);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.items).toEqual([]);
    expect((await me(olivia)).organiserOf).toEqual([]);
  });

  it('two organisers removing each other at once leave one of them', async () => {
    const { id: eventId } = await t.createEvent();
    const a = await t.registerUser();
    const b = await t.registerUser();
    await grant(admin, eventId, a.username);
    await grant(a, eventId, b.username);
    const results = await Promise.all([revoke(a, eventId, b.id), revoke(b, eventId, a.id)]);
    // One wins; the other is no longer an organiser (403), or would remove the last one (409).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const list = await t.call(api.organisers.list, { params: { id: eventId } }, { token: a.token });
    expect(list.body.items).toHaveLength(1);
  });
});
