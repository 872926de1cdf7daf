/** Joining and leaving an event, and its participant list. */
import { api, MAX_INT } from '@spotlight/contracts';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eventParticipants, events } from '../../src/db/schema';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import { expectError, expectNoSecrets, expectValidationError, join, send } from '../helpers';

let t: TestServer;
let viewer: TestUser;
serveTestFile((server, user) => ([t, viewer] = [server, user]));

async function rowsAndCount(eventId: number) {
  const [rows] = await t.db
    .select({ value: count() })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId));
  const [event] = await t.db
    .select({ participantsCount: events.participantsCount })
    .from(events)
    .where(eq(events.id, eventId));
  return { rows: rows!.value, count: event!.participantsCount };
}

describe('POST /api/events/:id/join and /leave', () => {
  it('joins once: a second join changes nothing', async () => {
    const event = await t.createEvent();
    const user = await t.registerUser();
    const first = await t.call(
      api.events.join,
      { params: { id: event.id } },
      { token: user.token },
    );
    expect(first.status).toBe(200);
    expect(first.body.event).toMatchObject({ id: event.id, joined: true, participantsCount: 1 });
    const second = await t.call(
      api.events.join,
      { params: { id: event.id } },
      { token: user.token },
    );
    expect(second.body.event).toMatchObject({ joined: true, participantsCount: 1 });
    expect(await rowsAndCount(event.id)).toEqual({ rows: 1, count: 1 });
  });

  it('leaves; leaving again, or an event never joined, changes nothing', async () => {
    const event = await t.createEvent();
    const [a, b] = [await t.registerUser(), await t.registerUser()];
    await join(t, a, event.id);
    await join(t, b, event.id);
    const left = await t.call(api.events.leave, { params: { id: event.id } }, { token: a.token });
    expect(left.status).toBe(200);
    expect(left.body.event).toMatchObject({ joined: false, participantsCount: 1 });
    const again = await t.call(api.events.leave, { params: { id: event.id } }, { token: a.token });
    expect(again.body.event).toMatchObject({ joined: false, participantsCount: 1 });
    const never = await t.call(
      api.events.leave,
      { params: { id: event.id } },
      { token: viewer.token },
    );
    expect(never.status).toBe(200);
    expect(await rowsAndCount(event.id)).toEqual({ rows: 1, count: 1 });
  });

  it('counts a burst of joins of the same event by the same user once', async () => {
    const event = await t.createEvent();
    const user = await t.registerUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call(api.events.join, { params: { id: event.id } }, { token: user.token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await rowsAndCount(event.id)).toEqual({ rows: 1, count: 1 });
  });

  it('keeps the count equal to the rows under concurrent joins and leaves by many users', async () => {
    const event = await t.createEvent();
    const dancers: TestUser[] = [];
    for (let i = 0; i < 12; i++) dancers.push(await t.registerUser());
    const joins = await Promise.all(
      dancers.flatMap((d) => [
        t.call(api.events.join, { params: { id: event.id } }, { token: d.token }),
        t.call(api.events.join, { params: { id: event.id } }, { token: d.token }),
      ]),
    );
    expect(joins.every((r) => r.status === 200)).toBe(true);
    expect(await rowsAndCount(event.id)).toEqual({ rows: 12, count: 12 });

    // Half leave (twice each) while the other half join again.
    const mixed = await Promise.all(
      dancers.flatMap((d, i) =>
        i % 2 === 0
          ? [
              t.call(api.events.leave, { params: { id: event.id } }, { token: d.token }),
              t.call(api.events.leave, { params: { id: event.id } }, { token: d.token }),
            ]
          : [t.call(api.events.join, { params: { id: event.id } }, { token: d.token })],
      ),
    );
    expect(mixed.every((r) => r.status === 200)).toBe(true);
    expect(await rowsAndCount(event.id)).toEqual({ rows: 6, count: 6 });
    const [stillThere] = await t.db
      .select({ value: count() })
      .from(eventParticipants)
      .where(
        and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.userId, dancers[1]!.id)),
      );
    expect(stillThere!.value).toBe(1);
  });

  it('refuses to join an event that ended (409 event_ended); the count stays; one ending today is still open', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const past = await t.createEvent({ startDate: '2020-01-01', endDate: '2020-01-03' });
    const res = await t.call(api.events.join, { params: { id: past.id } }, { token: viewer.token });
    expectError(res, 409, 'event_ended');
    expect((res.body as { error: { message: string } }).error.message).toMatch(/over/);
    expect(await rowsAndCount(past.id)).toEqual({ rows: 0, count: 0 });
    // An event ending today can still be joined.
    const last = await t.createEvent({ startDate: '2020-01-01', endDate: today });
    const joined = await t.call(
      api.events.join,
      { params: { id: last.id } },
      { token: viewer.token },
    );
    expect(joined.status).toBe(200);
    expect(joined.body.event.joined).toBe(true);
  });

  it('is 404 for a missing event, 400 for a bad id, 401 without a session', async () => {
    for (const endpoint of [api.events.join, api.events.leave]) {
      expectError(
        await t.call(endpoint, { params: { id: MAX_INT } }, { token: viewer.token }),
        404,
        'not_found',
      );
      expectValidationError(
        await send(t, endpoint, { params: { id: '0' } }, { token: viewer.token }),
        'params.id',
      );
      const event = await t.createEvent();
      expectError(await t.call(endpoint, { params: { id: event.id } }), 401, 'unauthorized');
    }
  });
});

describe('GET /api/events/:id/participants', () => {
  it('lists participants, newest first, without emails, to participants only', async () => {
    const event = await t.createEvent();
    const dancers: TestUser[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await t.registerUser();
      await join(t, d, event.id);
      dancers.push(d);
    }
    await t.call(api.users.updateMe, { body: { country: 'PL' } }, { token: dancers[2]!.token });
    const res = await t.call(
      api.events.participants,
      { params: { id: event.id }, query: { limit: 2 } },
      { token: dancers[0]!.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(res.body.items.map((p) => p.id)).toEqual([dancers[2]!.id, dancers[1]!.id]);
    expect(res.body.items[0]).toEqual({
      id: dancers[2]!.id,
      username: dancers[2]!.username,
      displayName: null,
      avatar: null,
      country: 'PL',
      joinedAt: expect.any(String),
      checkedInAt: null,
      danceRole: null,
      division: null,
      rating: { average: null, count: 0 },
      online: false,
      match: null,
    });
    expectNoSecrets(
      res.body,
      dancers.map((d) => d.email),
    );

    expectError(
      await t.call(api.events.participants, { params: { id: event.id } }, { token: viewer.token }),
      403,
      'not_participant',
    );
  });

  it('validates, is 404 for a missing event and 401 without a session', async () => {
    const event = await t.createEvent();
    await join(t, viewer, event.id);
    expectValidationError(
      await send(
        t,
        api.events.participants,
        { params: { id: event.id }, query: { limit: '500' } },
        { token: viewer.token },
      ),
      'query.limit',
    );
    expectError(
      await t.call(api.events.participants, { params: { id: MAX_INT } }, { token: viewer.token }),
      404,
      'not_found',
    );
    expectError(
      await t.call(api.events.participants, { params: { id: event.id } }),
      401,
      'unauthorized',
    );
  });
});
