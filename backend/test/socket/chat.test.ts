import { randomUUID } from 'node:crypto';
import { api, type EventMessage } from '@spotlight/contracts';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chatRooms, messages } from '../../src/db/schema';
import type { TestServer } from '../harness';
import {
  collect,
  dancersAt,
  emitAck,
  errorCode,
  nextEvent,
  ok,
  useSocketServer,
} from '../socket-harness';

let t: TestServer;
// Generous limits: these tests send many messages; limits.test.ts checks the defaults.
const connect = useSocketServer(
  { CHAT_RATE_PER_SECOND: '1000', CHAT_BURST: '10000' },
  (server) => (t = server),
);

const rowsWithClientId = async (clientId: string) =>
  (await t.db.select({ n: count() }).from(messages).where(eq(messages.clientId, clientId)))[0]!.n;

describe('join_event_room', () => {
  it('returns the last page of history and the active users', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const [ana, ben] = [await connect(users[0]!.token), await connect(users[1]!.token)];
    await ok(emitAck(ana, 'join_event_room', { eventId }));
    const sent = [];
    for (let i = 0; i < 3; i++) {
      sent.push(
        (await ok(emitAck(ana, 'send_event_message', { eventId, content: `m${i}` }))).message,
      );
    }
    const joined = await ok(emitAck(ben, 'join_event_room', { eventId }));
    expect(joined.messages).toEqual(sent);
    expect(joined.hasMore).toBe(false);
    expect(joined.activeUsers.map((u) => u.id).sort()).toEqual([users[0]!.id, users[1]!.id].sort());
  });

  it('refuses a dancer who has not joined the event, and an unknown event', async () => {
    const { eventId } = await dancersAt(t, 1);
    const outsider = await t.registerUser();
    const socket = await connect(outsider.token);
    expect(await errorCode(emitAck(socket, 'join_event_room', { eventId }))).toBe(
      'not_participant',
    );
    expect(await errorCode(emitAck(socket, 'join_event_room', { eventId: 999_999 }))).toBe(
      'not_found',
    );
    expect(
      await errorCode(emitAck(socket, 'send_event_message', { eventId, content: 'let me in' })),
    ).toBe('not_participant');
  });
});

describe('send_event_message', () => {
  it('stores, acknowledges, then broadcasts to the room (and the sender’s other tabs)', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const [ana, anaTab, ben] = [
      await connect(users[0]!.token),
      await connect(users[0]!.token),
      await connect(users[1]!.token),
    ];
    for (const socket of [ana, anaTab, ben])
      await ok(emitAck(socket, 'join_event_room', { eventId }));
    const atAna = collect(ana, 'event_message');
    const atTab = nextEvent(anaTab, 'event_message');
    const atBen = nextEvent(ben, 'event_message');

    const { message } = await ok(
      emitAck(ana, 'send_event_message', { eventId, content: '  Who films heat 3?  ' }),
    );
    // Stored before the acknowledgement arrived.
    const [row] = await t.db.select().from(messages).where(eq(messages.id, message.id));
    expect(row?.content).toBe('Who films heat 3?');
    expect(message).toMatchObject({
      eventId,
      userId: users[0]!.id,
      username: users[0]!.username,
      content: 'Who films heat 3?',
      type: 'text',
      clientId: null,
    });
    expect(await atBen).toEqual(message);
    expect(await atTab).toEqual(message);
    // Not echoed to the socket that sent it: it has the ack. A later message proves it.
    const later = nextEvent(ana, 'event_message', (m) => m.content === 'me');
    await ok(emitAck(ben, 'send_event_message', { eventId, content: 'me' }));
    await later;
    expect(atAna.map((m) => m.content)).toEqual(['me']);
  });

  it('refuses empty, blank and over-long content', async () => {
    const { eventId, users } = await dancersAt(t, 1);
    const socket = await connect(users[0]!.token);
    for (const content of ['', '   ', 'x'.repeat(2001)]) {
      expect(await errorCode(emitAck(socket, 'send_event_message', { eventId, content }))).toBe(
        'validation_error',
      );
    }
    const longest = await ok(
      emitAck(socket, 'send_event_message', { eventId, content: 'x'.repeat(2000) }),
    );
    expect(longest.message.content).toHaveLength(2000);
  });

  it('stores a message sent 3 times with one clientId once, and acknowledges it 3 times alike', async () => {
    const { eventId, users } = await dancersAt(t, 1);
    const [first, second] = [await connect(users[0]!.token), await connect(users[0]!.token)];
    const clientId = randomUUID();
    const payload = { eventId, content: 'once, please', clientId };
    const acks = [
      await emitAck(first, 'send_event_message', payload),
      // A retry from a reconnected socket, and one racing it.
      ...(await Promise.all([
        emitAck(second, 'send_event_message', payload),
        emitAck(first, 'send_event_message', payload),
      ])),
    ];
    expect(acks[0]!.ok).toBe(true);
    expect(acks[1]).toEqual(acks[0]);
    expect(acks[2]).toEqual(acks[0]);
    expect(await rowsWithClientId(clientId)).toBe(1);
  });

  it('broadcasts a retry of a message whose first broadcast died with its process, and not an old one', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const [ana, ben] = [await connect(users[0]!.token), await connect(users[1]!.token)];
    await ok(emitAck(ben, 'join_event_room', { eventId }));
    const [room] = await t.db
      .select({ id: chatRooms.id })
      .from(chatRooms)
      .where(and(eq(chatRooms.eventId, eventId), eq(chatRooms.type, 'event')));
    // Stored by a node that was killed before it broadcast (or acknowledged) the message.
    const store = (content: string, createdAt: Date) =>
      t.db
        .insert(messages)
        .values({
          roomId: room!.id,
          userId: users[0]!.id,
          content,
          type: 'text',
          clientId: randomUUID(),
          createdAt,
        })
        .returning();
    const [recent] = await store('stored, never broadcast', new Date());
    const [old] = await store('replayed long after', new Date(Date.now() - 10 * 60_000));

    const heard = collect(ben, 'event_message');
    await ok(
      emitAck(ana, 'send_event_message', {
        eventId,
        content: old!.content,
        clientId: old!.clientId!,
      }),
    );
    const retry = await ok(
      emitAck(ana, 'send_event_message', {
        eventId,
        content: recent!.content,
        clientId: recent!.clientId!,
      }),
    );
    expect(retry.message.id).toBe(recent!.id);
    await expect.poll(() => heard.map((m) => m.content)).toEqual(['stored, never broadcast']);
  });

  it('refuses a clientId reused for another room', async () => {
    const [a, b] = [await dancersAt(t, 1), await dancersAt(t, 0)];
    const user = a.users[0]!;
    await t.call(api.events.join, { params: { id: b.eventId } }, { token: user.token });
    const socket = await connect(user.token);
    const clientId = randomUUID();
    await ok(emitAck(socket, 'send_event_message', { eventId: a.eventId, content: 'x', clientId }));
    expect(
      await errorCode(
        emitAck(socket, 'send_event_message', { eventId: b.eventId, content: 'x', clientId }),
      ),
    ).toBe('conflict');
    expect(await rowsWithClientId(clientId)).toBe(1);
  });
});

describe('leave_event_room', () => {
  it('stops the broadcasts; a rejoin with afterId brings what was missed', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const [ana, ben] = [await connect(users[0]!.token), await connect(users[1]!.token)];
    await ok(emitAck(ana, 'join_event_room', { eventId }));
    await ok(emitAck(ben, 'join_event_room', { eventId }));
    const seen = collect(ana, 'event_message');
    const arrived = nextEvent(ana, 'event_message', (m) => m.content === 'before');
    const last = (await ok(emitAck(ben, 'send_event_message', { eventId, content: 'before' })))
      .message;
    await arrived;

    await ok(emitAck(ana, 'leave_event_room', { eventId }));
    const missed = (await ok(emitAck(ben, 'send_event_message', { eventId, content: 'after' })))
      .message;
    // Had it been broadcast to ana, it would have arrived before the ack of her next event.
    const rejoined = await ok(emitAck(ana, 'join_event_room', { eventId, afterId: last.id }));
    expect(seen.map((m) => m.content)).toEqual(['before']);
    expect(rejoined.messages).toEqual([missed]);
  });
});

describe('catch-up after a reconnect', () => {
  it('gives exactly the 50 missed messages, in order', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const ben = await connect(users[1]!.token);
    let ana = await connect(users[0]!.token);
    await ok(emitAck(ana, 'join_event_room', { eventId }));
    const seen: EventMessage[] = [];
    ana.on('event_message', (m) => seen.push(m));
    const arrived = nextEvent(ana, 'event_message', (m) => m.content === 'hi');
    await ok(emitAck(ben, 'send_event_message', { eventId, content: 'hi' }));
    await arrived;

    ana.close();
    const missed: EventMessage[] = [];
    for (let i = 0; i < 50; i++) {
      const content = `missed ${i}`;
      missed.push((await ok(emitAck(ben, 'send_event_message', { eventId, content }))).message);
    }

    ana = await connect(users[0]!.token);
    const rejoined = await ok(
      emitAck(ana, 'join_event_room', { eventId, afterId: seen.at(-1)!.id }),
    );
    expect(rejoined.messages).toEqual(missed);
    expect(rejoined.hasMore).toBe(false);
  });

  it('pages through the REST history with `after` when more was missed than one ack holds', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const ben = await connect(users[1]!.token);
    const first = (await ok(emitAck(ben, 'send_event_message', { eventId, content: 'start' })))
      .message;
    const missed: number[] = [];
    for (let i = 0; i < 130; i++) {
      const content = `m${i}`;
      missed.push((await ok(emitAck(ben, 'send_event_message', { eventId, content }))).message.id);
    }
    const ana = await connect(users[0]!.token);
    const rejoined = await ok(emitAck(ana, 'join_event_room', { eventId, afterId: first.id }));
    expect(rejoined.hasMore).toBe(true);
    const got = rejoined.messages.map((m) => m.id);
    let after = got.at(-1)!;
    for (;;) {
      const page = await t.call(
        api.chat.eventHistory,
        { params: { id: eventId }, query: { after, limit: 50 } },
        { token: users[0]!.token },
      );
      got.push(...page.body.items.map((m) => m.id));
      if (!page.body.hasMore) break;
      after = page.body.items.at(-1)!.id;
    }
    expect(got).toEqual(missed);
  });
});

describe('abuse limits per user', () => {
  it('lets an idempotent retry through even with identical content', async () => {
    const { eventId, users } = await dancersAt(t, 1);
    const socket = await connect(users[0]!.token);
    const clientId = randomUUID();
    const first = await ok(
      emitAck(socket, 'send_event_message', { eventId, content: 'same', clientId }),
    );
    const retry = await ok(
      emitAck(socket, 'send_event_message', { eventId, content: 'same', clientId }),
    );
    expect(retry.message).toEqual(first.message);
    const copy = await errorCode(
      emitAck(socket, 'send_event_message', { eventId, content: 'same' }),
    );
    expect(copy).toBe('duplicate_content');
    const rows = await t.db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.userId, users[0]!.id), eq(messages.content, 'same')));
    expect(rows[0]!.n).toBe(1);
  });
});
