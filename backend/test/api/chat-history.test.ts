import { randomUUID } from 'node:crypto';
import { api, MAX_INT } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import {
  eventWithDancers,
  expectError,
  expectNoSecrets,
  expectValidationError,
  send,
  XSS,
  type HistoryQuery,
} from '../helpers';

let t: TestServer;
let outsider: TestUser;
serveTestFile((server, user) => ([t, outsider] = [server, user]));

const chat = () => t.server.services.chat;

/** Posts `n` numbered event messages, alternating between the given senders. */
async function postEventMessages(eventId: number, senders: TestUser[], n: number, prefix = 'm') {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const sender = senders[i % senders.length]!;
    const { message } = await chat().sendEventMessage(sender.id, eventId, {
      content: `${prefix}${i}`,
      type: 'text',
    });
    ids.push(message.id);
  }
  return ids;
}

const eventPage = (user: TestUser, eventId: number, query: HistoryQuery = {}) =>
  t.call(api.chat.eventHistory, { params: { id: eventId }, query }, { token: user.token });

describe('GET /api/events/:id/messages', () => {
  it('returns the newest messages, oldest first, with sender summaries and no emails', async () => {
    const {
      event,
      users: [a, b],
    } = await eventWithDancers(t, 2);
    await postEventMessages(event.id, [a!, b!], 3);
    const res = await eventPage(a!, event.id);
    expect(res.status).toBe(200);
    expect(res.body.hasMore).toBe(false);
    expect(res.body.items.map((m) => [m.content, m.userId])).toEqual([
      ['m0', a!.id],
      ['m1', b!.id],
      ['m2', a!.id],
    ]);
    expect(res.body.items[1]).toEqual({
      id: expect.any(Number),
      roomId: expect.any(Number),
      eventId: event.id,
      userId: b!.id,
      username: b!.username,
      displayName: null,
      avatar: null,
      content: 'm1',
      type: 'text',
      clientId: null,
      createdAt: expect.any(String),
    });
    expectNoSecrets(res.body, [a!.email, b!.email]);
  });

  it('stores and returns markup as data, byte for byte', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    for (const content of XSS) {
      await chat().sendEventMessage(a!.id, event.id, { content, type: 'text' });
    }
    const res = await eventPage(a!, event.id);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body.items.map((m) => m.content)).toEqual([...XSS]);
    const stored = await t.db
      .select({ content: messages.content })
      .from(messages)
      .where(eq(messages.userId, a!.id));
    expect(stored.map((m) => m.content)).toEqual([...XSS]);
  });

  it('pages backwards with `before` until the start, without gaps or duplicates', async () => {
    const {
      event,
      users: [a, b],
    } = await eventWithDancers(t, 2);
    const ids = await postEventMessages(event.id, [a!, b!], 25);
    const seen: number[] = [];
    let query: HistoryQuery = { limit: 10 };
    const hasMores: boolean[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const res = await eventPage(b!, event.id, query);
      expect(res.status).toBe(200);
      const pageIds = res.body.items.map((m) => m.id);
      expect(pageIds).toEqual([...pageIds].sort((x, y) => x - y));
      seen.unshift(...pageIds);
      hasMores.push(res.body.hasMore);
      if (!res.body.hasMore) break;
      query = { limit: 10, before: pageIds[0] };
    }
    expect(hasMores).toEqual([true, true, false]);
    expect(seen).toEqual(ids);
    expect(new Set(seen).size).toBe(25);
  });

  it('catches up forwards with `after`, without gaps or duplicates', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    const ids = await postEventMessages(event.id, [a!], 20);
    const seen: number[] = [];
    const hasMores: boolean[] = [];
    let after = 0;
    for (let guard = 0; guard < 10; guard++) {
      const res = await eventPage(a!, event.id, { after, limit: 10 });
      seen.push(...res.body.items.map((m) => m.id));
      hasMores.push(res.body.hasMore);
      if (!res.body.hasMore) break;
      after = res.body.items.at(-1)!.id;
    }
    // 20 messages in pages of 10: the second page is the last one exactly.
    expect(hasMores).toEqual([true, false]);
    expect(seen).toEqual(ids);
    const fromMiddle = await eventPage(a!, event.id, { after: ids[16], limit: 10 });
    expect(fromMiddle.body).toMatchObject({ hasMore: false });
    expect(fromMiddle.body.items.map((m) => m.id)).toEqual(ids.slice(17));
    const caughtUp = await eventPage(a!, event.id, { after: ids.at(-1) });
    expect(caughtUp.body).toEqual({ items: [], hasMore: false });
  });

  it("shows one event's room only", async () => {
    const {
      event: first,
      users: [a],
    } = await eventWithDancers(t, 1);
    const second = await t.createEvent();
    await t.call(api.events.join, { params: { id: second.id } }, { token: a!.token });
    await postEventMessages(first.id, [a!], 2, 'first-');
    await postEventMessages(second.id, [a!], 2, 'second-');
    const res = await eventPage(a!, second.id);
    expect(res.body.items.map((m) => m.content)).toEqual(['second-0', 'second-1']);
  });

  it('stores a message retried with the same clientId once', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    const clientId = randomUUID();
    const first = await chat().sendEventMessage(a!.id, event.id, {
      content: 'once',
      type: 'text',
      clientId,
    });
    const retry = await chat().sendEventMessage(a!.id, event.id, {
      content: 'once',
      type: 'text',
      clientId,
    });
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.message.id).toBe(first.message.id);
    const res = await eventPage(a!, event.id);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ content: 'once', clientId });
  });

  it('is for participants: 403 for others and after leaving, 404 for a missing event', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    await postEventMessages(event.id, [a!], 1);
    expectError(await eventPage(outsider, event.id), 403, 'not_participant');
    await t.call(api.events.leave, { params: { id: event.id } }, { token: a!.token });
    expectError(await eventPage(a!, event.id), 403, 'not_participant');
    expectError(await eventPage(outsider, MAX_INT), 404, 'not_found');
  });

  it('validates the cursor and needs a session', async () => {
    const {
      event,
      users: [a],
    } = await eventWithDancers(t, 1);
    const token = a!.token;
    const params = { id: event.id };
    const cases: [Record<string, string>, string][] = [
      [{ before: '5', after: '2' }, 'query'],
      [{ limit: '101' }, 'query.limit'],
      [{ limit: '0' }, 'query.limit'],
      [{ before: '0' }, 'query.before'],
      [{ after: '-1' }, 'query.after'],
      [{ before: 'latest' }, 'query.before'],
      [{ after: '2147483648' }, 'query.after'],
    ];
    for (const [query, path] of cases) {
      expectValidationError(
        await send(t, api.chat.eventHistory, { params, query }, { token }),
        path,
      );
    }
    expectValidationError(
      await send(t, api.chat.eventHistory, { params: { id: 'x' } }, { token }),
      'params.id',
    );
    expectError(await t.call(api.chat.eventHistory, { params }), 401, 'unauthorized');
  });
});
