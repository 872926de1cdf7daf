import { randomBytes } from 'node:crypto';
import { api, MAX_INT } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import { expectError, expectValidationError, join, send } from '../helpers';

let t: TestServer;
let viewer: TestUser;
serveTestFile((server, user) => ([t, viewer] = [server, user]));

const tag = () => `zq${randomBytes(4).toString('hex')}`;
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const list = (
  query: Parameters<typeof t.call<typeof api.events.list>>[1] = {},
  token = viewer.token,
) => t.call(api.events.list, query, { token });

describe('GET /api/events', () => {
  it('lists events with their fields, a total and pages', async () => {
    const name = tag();
    for (let i = 0; i < 5; i++) {
      await t.createEvent({ name: `${name} ${i}`, startDate: day(10 + i), endDate: day(12 + i) });
    }
    const first = await list({ query: { q: name, limit: 2 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, limit: 2, total: 5 });
    expect(first.body.items.map((e) => e.name)).toEqual([`${name} 0`, `${name} 1`]);
    expect(first.body.items[0]).toEqual({
      id: expect.any(Number),
      name: `${name} 0`,
      location: 'Test City',
      startDate: day(10),
      endDate: day(12),
      worldsdcId: expect.any(String),
      participantsCount: 0,
      description: null,
      joined: false,
      checkedIn: false,
      requireVerifiedEmail: false,
    });
    const third = await list({ query: { q: name, limit: 2, page: 3 } });
    expect(third.body.items.map((e) => e.name)).toEqual([`${name} 4`]);
    const beyond = await list({ query: { q: name, limit: 2, page: 4 } });
    expect(beyond.body).toMatchObject({ items: [], total: 5 });
  });

  it('searches name and location, whatever the case', async () => {
    const word = tag();
    await t.createEvent({ name: `Swing ${word.toUpperCase()} Fest` });
    await t.createEvent({ name: 'Other', location: `Old ${word} Town` });
    await t.createEvent({ name: 'Unrelated' });
    const res = await list({ query: { q: word } });
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e) => e.name).sort()).toEqual([
      'Other',
      `Swing ${word.toUpperCase()} Fest`,
    ]);
  });

  it('filters upcoming and past events, soonest first and latest first', async () => {
    const place = tag();
    const create = (name: string, start: number, end: number) =>
      t.createEvent({ name, location: place, startDate: day(start), endDate: day(end) });
    await create('ended long ago', -60, -58);
    await create('ended last week', -9, -7);
    await create('on now', -1, 2);
    await create('next month', 30, 33);
    await create('next week', 7, 9);
    const upcoming = await list({ query: { q: place, when: 'upcoming' } });
    expect(upcoming.body.items.map((e) => e.name)).toEqual(['on now', 'next week', 'next month']);
    const past = await list({ query: { q: place, when: 'past' } });
    expect(past.body.items.map((e) => e.name)).toEqual(['ended last week', 'ended long ago']);
    const all = await list({ query: { q: place } });
    expect(all.body.total).toBe(5);
  });

  it('filters by a date range: ending on or after `from`, starting on or before `to`', async () => {
    const place = tag();
    await t.createEvent({
      name: 'a',
      location: place,
      startDate: '2031-03-01',
      endDate: '2031-03-03',
    });
    await t.createEvent({
      name: 'b',
      location: place,
      startDate: '2031-04-10',
      endDate: '2031-04-12',
    });
    await t.createEvent({
      name: 'c',
      location: place,
      startDate: '2031-06-01',
      endDate: '2031-06-02',
    });
    const names = async (query: Record<string, string>) =>
      (await list({ query: { q: place, ...query } })).body.items.map((e) => e.name);
    expect(await names({ from: '2031-03-03', to: '2031-04-10' })).toEqual(['a', 'b']);
    expect(await names({ from: '2031-03-04' })).toEqual(['b', 'c']);
    expect(await names({ to: '2031-03-01' })).toEqual(['a']);
  });

  it('filters the events the user joined', async () => {
    const place = tag();
    const a = await t.createEvent({ name: 'joined one', location: place });
    await t.createEvent({ name: 'not joined', location: place });
    const user = await t.registerUser();
    await join(t, user, a.id);
    const joined = await list({ query: { q: place, joined: 'true' } }, user.token);
    expect(joined.body.items.map((e) => [e.name, e.joined])).toEqual([['joined one', true]]);
    const notJoined = await list({ query: { q: place, joined: 'false' } }, user.token);
    expect(notJoined.body.items.map((e) => [e.name, e.joined])).toEqual([['not joined', false]]);
  });

  it('treats an SQL injection string in q as text: normal results, the table intact', async () => {
    const before = await list({ query: { limit: 1 } });
    const quoted = tag();
    await t.createEvent({ name: `O'Brien's ${quoted} Swing` });
    for (const q of [
      "'; DROP TABLE events; --",
      "' OR '1'='1",
      "x' UNION SELECT id, email, password_hash FROM users --",
      "%'); DELETE FROM events; --",
    ]) {
      const res = await list({ query: { q } });
      expect(res.status, q).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
    const found = await list({ query: { q: `O'Brien's ${quoted}` } });
    expect(found.body.items.map((e) => e.name)).toEqual([`O'Brien's ${quoted} Swing`]);
    const after = await list({ query: { limit: 1 } });
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(before.body.total + 1);
  });

  it('escapes LIKE wildcards: % and _ and \\ match themselves', async () => {
    const word = tag();
    await t.createEvent({ name: `${word} 100% Swing` });
    await t.createEvent({ name: `${word} 1000 Swing` });
    await t.createEvent({ name: `${word} A_B` });
    await t.createEvent({ name: `${word} AxB` });
    await t.createEvent({ name: `${word} back\\slash` });
    await t.createEvent({ name: `${word} backslash` });
    const names = async (q: string) => (await list({ query: { q } })).body.items.map((e) => e.name);
    expect(await names(`${word} 100%`)).toEqual([`${word} 100% Swing`]);
    expect(await names(`${word} A_B`)).toEqual([`${word} A_B`]);
    expect(await names(`${word} back\\`)).toEqual([`${word} back\\slash`]);
    expect(await names('%')).not.toHaveLength(0);
    expect((await list({ query: { q: '%' } })).body.items.every((e) => e.name.includes('%'))).toBe(
      true,
    );
    expect((await list({ query: { q: '_' } })).body.items.every((e) => e.name.includes('_'))).toBe(
      true,
    );
  });

  it('validates the query', async () => {
    const cases: [string, string][] = [
      ['limit=51', 'query.limit'],
      ['limit=0', 'query.limit'],
      ['limit=ten', 'query.limit'],
      ['page=0', 'query.page'],
      [`q=${'x'.repeat(101)}`, 'query.q'],
      ['q=a&q=b', 'query.q'],
      ['when=soon', 'query.when'],
      ['from=2031-13-01', 'query.from'],
      ['to=yesterday', 'query.to'],
      ['joined=maybe', 'query.joined'],
    ];
    for (const [query, path] of cases) {
      expectValidationError(
        await send(t, api.events.list, { query }, { token: viewer.token }),
        path,
      );
    }
  });

  it('needs a session', async () => {
    expectError(await t.call(api.events.list), 401, 'unauthorized');
  });
});

describe('GET /api/events/:id', () => {
  it('returns one event, with whether the user joined it', async () => {
    const event = await t.createEvent({ description: 'Workshops and J&J' });
    const user = await t.registerUser();
    const before = await t.call(
      api.events.get,
      { params: { id: event.id } },
      { token: user.token },
    );
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      id: event.id,
      description: 'Workshops and J&J',
      joined: false,
      participantsCount: 0,
    });
    await join(t, user, event.id);
    const after = await t.call(api.events.get, { params: { id: event.id } }, { token: user.token });
    expect(after.body).toMatchObject({ joined: true, participantsCount: 1 });
    const other = await t.call(
      api.events.get,
      { params: { id: event.id } },
      { token: viewer.token },
    );
    expect(other.body).toMatchObject({ joined: false, participantsCount: 1 });
  });

  it('is 404 for a missing event and 400 for a bad id', async () => {
    expectError(
      await t.call(api.events.get, { params: { id: MAX_INT } }, { token: viewer.token }),
      404,
      'not_found',
    );
    expectValidationError(
      await send(t, api.events.get, { params: { id: 'x1' } }, { token: viewer.token }),
      'params.id',
    );
  });

  it('needs a session', async () => {
    const event = await t.createEvent();
    expectError(await t.call(api.events.get, { params: { id: event.id } }), 401, 'unauthorized');
  });
});
