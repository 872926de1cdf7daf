/**
 * The data commands in process against this file's database: the event import and the demo
 * seed. The real commands (npm, tsx, a database of their own) are in cli-commands.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importEventRows } from '../src/cli/import-events';
import { events } from '../src/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoEvents, seedDemoData } from '../src/db/seed';
import { serveTestFile, type TestServer } from './harness';

let t: TestServer;
serveTestFile((server) => (t = server));

const row = (name: string, overrides: Record<string, string | null> = {}) => ({
  name,
  location: 'Test Hall',
  startDate: '2028-02-01',
  endDate: '2028-02-03',
  worldsdcId: `${name.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
  ...overrides,
});

describe('importEventRows', () => {
  it('inserts new events, then updates them in place', async () => {
    const rows = [row('Import One'), row('Import Two'), row('No Id', { worldsdcId: null })];
    expect(await importEventRows(t.db, rows)).toEqual({ inserted: 3, updated: 0 });
    const changed = rows.map((r) => ({ ...r, location: 'New Hall', description: 'moved' }));
    expect(await importEventRows(t.db, changed)).toEqual({ inserted: 0, updated: 3 });
    const stored = await t.db
      .select()
      .from(events)
      .where(inArray(events.name, ['Import One', 'Import Two', 'No Id']));
    expect(stored).toHaveLength(3);
    expect(stored.every((e) => e.location === 'New Hall' && e.description === 'moved')).toBe(true);
  });

  it('keeps participants and their count when an event is updated', async () => {
    const [first] = [row('Joined Event')];
    await importEventRows(t.db, [first!]);
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.worldsdcId, first!.worldsdcId!));
    const dancer = await t.registerUser();
    await t.call(api.events.join, { params: { id: event!.id } }, { token: dancer.token });
    await importEventRows(t.db, [{ ...first!, name: 'Joined Event (renamed)' }]);
    const [after] = await t.db.select().from(events).where(eq(events.id, event!.id));
    expect(after).toMatchObject({ name: 'Joined Event (renamed)', participantsCount: 1 });
  });

  it('writes nothing when one row fails in the database', async () => {
    const good = row('Rolled Back');
    // Validation would catch this; the database refuses it too, and takes the batch back.
    const bad = row('Backwards', { startDate: '2028-05-05', endDate: '2028-05-01' });
    await expect(importEventRows(t.db, [good, bad])).rejects.toThrow();
    const [found] = await t.db
      .select({ value: count() })
      .from(events)
      .where(eq(events.worldsdcId, good.worldsdcId!));
    expect(found!.value).toBe(0);
  });
});

describe('seedDemoData', () => {
  it('loads the demo events and accounts once, and again changes nothing', async () => {
    const first = await seedDemoData(t.db, t.config.BCRYPT_COST);
    expect(first.events).toMatchObject({ inserted: demoEvents().length, updated: 0 });
    expect(first.accounts).toBe(DEMO_ACCOUNTS.length);
    const second = await seedDemoData(t.db, t.config.BCRYPT_COST);
    expect(second.events).toMatchObject({ inserted: 0, updated: demoEvents().length });
    expect(second.accounts).toBe(0);

    // The demo accounts are at the event that is on today, and the count says so.
    const [ongoing] = await t.db.select().from(events).where(eq(events.id, first.ongoingEventId!));
    const today = new Date().toISOString().slice(0, 10);
    expect(ongoing!.startDate <= today && today <= ongoing!.endDate).toBe(true);
    // Everyone but the site admin dances there.
    expect(ongoing!.participantsCount).toBe(DEMO_ACCOUNTS.length - 1);

    // The demo data lets a newcomer try all three roles.
    const roles = await Promise.all(
      ['admin@demo.spotlight.cam', 'olivia@demo.spotlight.cam', 'ana@demo.spotlight.cam'].map(
        async (email) =>
          (await t.call(api.auth.login, { body: { email, password: DEMO_PASSWORD } })).body.user,
      ),
    );
    expect(roles.map((user) => [user.isAdmin, user.organiserOf.length])).toEqual([
      [true, 0],
      [false, 2],
      [false, 0],
    ]);
    expect(roles[1]!.organiserOf).toContain(first.ongoingEventId);

    const login = await t.call(api.auth.login, {
      body: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    const list = await t.call(
      api.events.list,
      { query: { joined: 'true' } },
      { token: login.body.token },
    );
    expect(list.body.items.map((e) => e.id)).toEqual([first.ongoingEventId]);
  });
});
