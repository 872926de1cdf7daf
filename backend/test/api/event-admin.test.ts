/**
 * Running events: organisers and admins create and edit events, import a calendar (all rows or
 * none), and check dancers in at the door with the rotating code; nobody else can.
 */
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';

const ADMIN_EMAIL = 'boss.event-admin@example.test';

let t: TestServer;
let admin: TestUser;
let organiser: TestUser;
let dancer: TestUser;
let ownEvent: number;
beforeAll(async () => {
  t = await startTestServer({ ADMIN_EMAILS: ADMIN_EMAIL });
  admin = await t.registerUser({ email: ADMIN_EMAIL });
  organiser = await t.registerUser();
  dancer = await t.registerUser();
  ownEvent = (await t.createEvent()).id;
  await t.server.services.roles.addOrganiser(ownEvent, organiser.id, admin.id);
});
afterAll(() => t.close());

const as = (user: TestUser) => ({ token: user.token });
const newEvent = (name: string, worldsdcId?: string) => ({
  name,
  location: 'Warsaw',
  startDate: '2031-05-01',
  endDate: '2031-05-03',
  worldsdcId,
});

describe('create and edit', () => {
  it('admins and organisers create events and run them; a dancer may not', async () => {
    expectError(
      await t.call(api.eventAdmin.create, { body: newEvent('Not Yours') }, as(dancer)),
      403,
      'forbidden',
    );
    const created = await t.call(
      api.eventAdmin.create,
      { body: newEvent('Warsaw Halloween', `wh-${Date.now()}`) },
      as(organiser),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Warsaw Halloween',
      joined: false,
      checkedIn: false,
    });
    const me = await t.call(api.users.me, {}, as(organiser));
    expect(me.body.organiserOf).toContain(created.body.id);

    expectError(
      await t.call(
        api.eventAdmin.create,
        { body: newEvent('Copy', created.body.worldsdcId!) },
        as(admin),
      ),
      409,
      'conflict',
    );
  });

  it('organisers of the event and admins edit it; the dates stay in order', async () => {
    const edit = (user: TestUser, body: object, id = ownEvent) =>
      t.call(api.eventAdmin.update, { params: { id }, body: body as never }, as(user));
    expectError(await edit(dancer, { name: 'Mine now' }), 403, 'forbidden');
    expectError(await edit(organiser, { name: 'Gone' }, 9_999_999), 404, 'not_found');
    const renamed = await edit(organiser, { name: 'Renamed Swing', description: 'Bring shoes' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed Swing', description: 'Bring shoes' });
    expect((await edit(admin, { location: 'Kraków' })).body.location).toBe('Kraków');
    expectError(await edit(organiser, { endDate: '2000-01-01' }), 400, 'validation_error');
    expectError(await edit(organiser, {}), 400, 'validation_error');
  });
});

describe('import', () => {
  it('imports all rows or none, and refuses rows that update events the user does not run', async () => {
    const foreign = await t.createEvent({ worldsdcId: `foreign-${Date.now()}` });
    const foreignRow = (await t.call(api.events.get, { params: { id: foreign.id } }, as(admin)))
      .body;
    const fresh = `fresh-${Date.now()}`;
    const content = JSON.stringify([
      newEvent('Fresh Swing', fresh),
      { ...newEvent('Hijacked', foreignRow.worldsdcId!) },
    ]);
    const refused = await t.call(
      api.eventAdmin.import,
      { body: { format: 'json', content } },
      as(organiser),
    );
    expectError(refused, 403, 'forbidden');
    expect(refused.body.error?.message).toContain('Row 2');
    const search = await t.call(api.events.list, { query: { q: 'Fresh Swing' } }, as(admin));
    expect(search.body.total).toBe(0);

    const csv = `name,location,startDate,endDate,worldsdcId,description\nFresh Swing,Warsaw,2031-05-01,2031-05-03,${fresh},\n`;
    const imported = await t.call(
      api.eventAdmin.import,
      { body: { format: 'csv', content: csv } },
      as(organiser),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ inserted: 1, updated: 0 });
    const me = await t.call(api.users.me, {}, as(organiser));
    expect(me.body.organiserOf).toContain(imported.body.events[0]!.id);

    // The admin may update anyone's event.
    const byAdmin = await t.call(
      api.eventAdmin.import,
      { body: { format: 'json', content } },
      as(admin),
    );
    expect(byAdmin.body).toMatchObject({ inserted: 0, updated: 2 });
  });

  it('lists the problems of a bad file and writes nothing', async () => {
    const bad = await t.call(
      api.eventAdmin.import,
      { body: { format: 'json', content: JSON.stringify([{ name: 'No dates' }]) } },
      as(admin),
    );
    expectError(bad, 400, 'validation_error');
    expect(bad.body.error?.details).toEqual([
      { path: 'index 0', message: expect.stringContaining('startDate: required') },
    ]);
  });
});

describe('check-in at the door', () => {
  it('the organiser shows a code; a dancer who scans it is joined and checked in', async () => {
    expectError(
      await t.call(api.eventAdmin.checkInCode, { params: { id: ownEvent } }, as(dancer)),
      403,
      'forbidden',
    );
    const code = await t.call(
      api.eventAdmin.checkInCode,
      { params: { id: ownEvent } },
      as(organiser),
    );
    expect(code.status).toBe(200);
    expect(new Date(code.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    // The link a phone's own camera app opens lands on this server's check-in page.
    const link = new URL(code.body.url);
    expect(link.origin).toBe(new URL(t.url).origin);
    expect(link.pathname).toBe(`/events/${ownEvent}/check-in`);
    expect(link.searchParams.get('token')).toBe(code.body.token);

    const before = (await t.call(api.events.get, { params: { id: ownEvent } }, as(dancer))).body;
    const checkedIn = await t.call(
      api.eventAdmin.checkIn,
      { params: { id: ownEvent }, body: { token: code.body.token } },
      as(dancer),
    );
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.event).toMatchObject({ joined: true, checkedIn: true });
    expect(checkedIn.body.event.participantsCount).toBe(before.participantsCount + 1);

    // Scanning again keeps the first time and the count.
    const again = await t.call(
      api.eventAdmin.checkIn,
      { params: { id: ownEvent }, body: { token: code.body.token } },
      as(dancer),
    );
    expect(again.body.checkedInAt).toBe(checkedIn.body.checkedInAt);
    expect(again.body.event.participantsCount).toBe(before.participantsCount + 1);

    const list = await t.call(
      api.events.participants,
      { params: { id: ownEvent }, query: {} },
      as(dancer),
    );
    expect(list.body.items.find((p) => p.id === dancer.id)?.checkedInAt).toBe(
      checkedIn.body.checkedInAt,
    );
  });

  it('joining from home is not checking in; a forged or foreign code is refused', async () => {
    const other = await t.registerUser();
    await t.call(api.events.join, { params: { id: ownEvent } }, as(other));
    const event = (await t.call(api.events.get, { params: { id: ownEvent } }, as(other))).body;
    expect(event).toMatchObject({ joined: true, checkedIn: false });

    const otherEvent = (await t.createEvent()).id;
    const foreign = await t.call(
      api.eventAdmin.checkInCode,
      { params: { id: otherEvent } },
      as(admin),
    );
    for (const token of [foreign.body.token, 'x.forged', 'a'.repeat(200)]) {
      expectError(
        await t.call(
          api.eventAdmin.checkIn,
          { params: { id: ownEvent }, body: { token } },
          as(other),
        ),
        400,
        'invalid_check_in_code',
      );
    }
  });

  it('closes when the event is over', async () => {
    const past = (await t.createEvent({ startDate: '2020-01-01', endDate: '2020-01-02' })).id;
    const code = await t.call(api.eventAdmin.checkInCode, { params: { id: past } }, as(admin));
    expectError(
      await t.call(
        api.eventAdmin.checkIn,
        { params: { id: past }, body: { token: code.body.token } },
        as(dancer),
      ),
      409,
      'event_ended',
    );
  });
});
