import { api, MAX_INT } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { matches } from '../../src/db/schema';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import {
  eventWithDancers,
  expectError,
  expectNoSecrets,
  expectValidationError,
  join,
  matchAt,
  moveMatch,
  requestMatch,
  send,
} from '../helpers';

let t: TestServer;
let outsider: TestUser;
serveTestFile((server, user) => ([t, outsider] = [server, user]));

const create = (user: TestUser, targetUserId: number, eventId: number) =>
  t.call(api.matches.create, { body: { targetUserId, eventId } }, { token: user.token });

describe('POST /api/matches', () => {
  it('creates a pending request between two participants', async () => {
    const {
      event,
      users: [a, b],
    } = await eventWithDancers(t, 2);
    const res = await create(a!, b!.id, event.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      role: 'requester',
      requester: { id: a!.id, username: a!.username },
      target: { id: b!.id, username: b!.username },
      partner: { id: b!.id },
      event: { id: event.id },
      roomId: null,
      myRating: null,
      partnerRating: null,
    });
    expectNoSecrets(res.body, [a!.email, b!.email]);
    const seen = await t.call(
      api.matches.get,
      { params: { id: res.body.id } },
      { token: b!.token },
    );
    expect(seen.body).toMatchObject({ role: 'target', partner: { id: a!.id }, status: 'pending' });
  });

  it('never matches a dancer with themselves', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    expectError(await create(a!, a!.id, event.id), 400, 'self_action');
  });

  it('needs both dancers in the event', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    const stranger = await t.registerUser();
    expectError(await create(a!, stranger.id, event.id), 403, 'not_participant');
    expectError(await create(stranger, a!.id, event.id), 403, 'not_participant');
    // Joining fixes it; leaving breaks it again.
    await join(t, stranger, event.id);
    await t.call(api.events.leave, { params: { id: event.id } }, { token: a!.token });
    expectError(await create(stranger, a!.id, event.id), 403, 'not_participant');
    expectError(await create(a!, stranger.id, MAX_INT), 404, 'not_found');
    expectError(await create(a!, MAX_INT, event.id), 403, 'not_participant');
  });

  it('matches a pair once per event, whoever asks, whatever happened to the first', async () => {
    const {
      event,
      users: [a, b],
    } = await eventWithDancers(t, 2);
    const first = await requestMatch(t, a!, b!, event.id);
    expectError(await create(a!, b!.id, event.id), 409, 'already_matched');
    expectError(await create(b!, a!.id, event.id), 409, 'already_matched');
    await moveMatch(t, b!, first.id, 'rejected');
    expectError(await create(a!, b!.id, event.id), 409, 'already_matched');
    expectError(await create(b!, a!.id, event.id), 409, 'already_matched');
    // Another event is another match.
    const other = await t.createEvent();
    await join(t, a!, other.id);
    await join(t, b!, other.id);
    expect((await create(b!, a!.id, other.id)).status).toBe(201);
  });

  it('lets only one of two crossing requests through', async () => {
    const {
      event,
      users: [a, b],
    } = await eventWithDancers(t, 2);
    const results = await Promise.all([
      create(a!, b!.id, event.id),
      create(b!, a!.id, event.id),
      create(a!, b!.id, event.id),
      create(b!, a!.id, event.id),
    ]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expectError(r, 409, 'already_matched');
    const [rows] = await t.db
      .select({ value: count() })
      .from(matches)
      .where(eq(matches.eventId, event.id));
    expect(rows!.value).toBe(1);
  });

  it('validates the body', async () => {
    const token = outsider.token;
    expectValidationError(
      await send(t, api.matches.create, { body: {} }, { token }),
      'body.targetUserId',
    );
    expectValidationError(
      await send(t, api.matches.create, { body: { targetUserId: '2', eventId: 1 } }, { token }),
      'body.targetUserId',
    );
    expectValidationError(
      await send(t, api.matches.create, { body: { targetUserId: 2, eventId: 0 } }, { token }),
      'body.eventId',
    );
    expectValidationError(
      await send(t, api.matches.create, { body: { targetUserId: 2, eventId: 1.5 } }, { token }),
      'body.eventId',
    );
    expectValidationError(
      await send(
        t,
        api.matches.create,
        { body: { targetUserId: 2, eventId: MAX_INT + 1 } },
        { token },
      ),
      'body.eventId',
    );
    expectValidationError(
      await send(
        t,
        api.matches.create,
        { body: { targetUserId: 2, eventId: 1, status: 'accepted' } },
        { token },
      ),
      'body',
    );
  });

  it('needs a session', async () => {
    expectError(
      await t.call(api.matches.create, { body: { targetUserId: 1, eventId: 1 } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/matches', () => {
  it("lists only the user's matches, newest first, with filters and pages", async () => {
    const {
      event,
      users: [a, b, c, d],
    } = await eventWithDancers(t, 4);
    const ab = await requestMatch(t, a!, b!, event.id);
    const ca = await requestMatch(t, c!, a!, event.id);
    await requestMatch(t, c!, d!, event.id);
    await moveMatch(t, a!, ca.id, 'accepted');

    const all = await t.call(api.matches.list, {}, { token: a!.token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((m) => [m.id, m.role])).toEqual([
      [ca.id, 'target'],
      [ab.id, 'requester'],
    ]);
    expectNoSecrets(all.body, [a!.email, b!.email, c!.email]);

    const accepted = await t.call(
      api.matches.list,
      { query: { status: 'accepted' } },
      { token: a!.token },
    );
    expect(accepted.body.items.map((m) => m.id)).toEqual([ca.id]);
    const page2 = await t.call(
      api.matches.list,
      { query: { limit: 1, page: 2 } },
      { token: a!.token },
    );
    expect(page2.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(page2.body.items.map((m) => m.id)).toEqual([ab.id]);
    const elsewhere = await t.call(
      api.matches.list,
      { query: { eventId: MAX_INT } },
      { token: a!.token },
    );
    expect(elsewhere.body).toMatchObject({ items: [], total: 0 });
    const mine = await t.call(
      api.matches.list,
      { query: { eventId: event.id } },
      { token: d!.token },
    );
    expect(mine.body.total).toBe(1);
    const none = await t.call(api.matches.list, {}, { token: outsider.token });
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('validates the query', async () => {
    const token = outsider.token;
    expectValidationError(
      await send(t, api.matches.list, { query: { status: 'done' } }, { token }),
      'query.status',
    );
    expectValidationError(
      await send(t, api.matches.list, { query: { eventId: 'abc' } }, { token }),
      'query.eventId',
    );
    expectValidationError(
      await send(t, api.matches.list, { query: { limit: '51' } }, { token }),
      'query.limit',
    );
  });

  it('needs a session', async () => {
    expectError(await t.call(api.matches.list), 401, 'unauthorized');
  });
});

describe('GET /api/matches/:id', () => {
  it("is 404 for another dancer's match and for a missing one", async () => {
    const { match } = await matchAt(t, 'pending');
    expectError(
      await t.call(api.matches.get, { params: { id: match.id } }, { token: outsider.token }),
      404,
      'not_found',
    );
    expectError(
      await t.call(api.matches.get, { params: { id: MAX_INT } }, { token: outsider.token }),
      404,
      'not_found',
    );
    expectValidationError(
      await send(t, api.matches.get, { params: { id: 'one' } }, { token: outsider.token }),
      'params.id',
    );
    expectError(await t.call(api.matches.get, { params: { id: match.id } }), 401, 'unauthorized');
  });
});
