import { randomUUID } from 'node:crypto';
import { api, type EventMessage } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import type { TestServer, TestUser } from '../harness';
import {
  collect,
  dancersAt,
  emitAck,
  errorCode,
  matchBetween,
  nextEvent,
  ok,
  useSocketServer,
} from '../socket-harness';

// The default limits: 5 messages a second with a burst of 10, per user.
let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

/** How often a client replays one stored message in the replay tests. */
const REPLAYS = 30;

it('limits the messages of a user across all their sockets, and not their neighbours', async () => {
  const { eventId, users } = await dancersAt(t, 2);
  const [phone, laptop, neighbour] = [
    await connect(users[0]!.token),
    await connect(users[0]!.token),
    await connect(users[1]!.token),
  ];
  // 30 at once, from two sockets: far more than a burst, whatever the machine's speed.
  const acks = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      emitAck(i % 2 ? phone : laptop, 'send_event_message', { eventId, content: `flood ${i}` }),
    ),
  );
  const refused = acks.filter((ack) => !ack.ok);
  expect(refused.length).toBeGreaterThan(0);
  for (const ack of refused) {
    expect(ack.ok ? undefined : ack.error).toMatchObject({
      code: 'rate_limited',
      details: { retryAfter: expect.any(Number) },
    });
  }
  const stored = await t.db
    .select({ n: count() })
    .from(messages)
    .where(eq(messages.userId, users[0]!.id));
  expect(stored[0]!.n).toBe(acks.length - refused.length);
  await ok(emitAck(neighbour, 'send_event_message', { eventId, content: 'I can still talk' }));
});

it('counts retries against the rate limit, and re-broadcasts them to the room once, else to the sender only', async () => {
  const { eventId, users } = await dancersAt(t, 3);
  const [sender, listener, bystander] = users as [TestUser, TestUser, TestUser];
  const [phone, laptop, listening, talking] = [
    await connect(sender.token),
    await connect(sender.token),
    await connect(listener.token),
    await connect(bystander.token),
  ];
  for (const socket of [laptop, listening]) {
    await ok(emitAck(socket, 'join_event_room', { eventId }));
  }
  const [heard, atLaptop] = [collect(listening, 'event_message'), collect(laptop, 'event_message')];
  const payload = { eventId, content: 'replayed', clientId: randomUUID() };
  const { message } = await ok(emitAck(phone, 'send_event_message', payload));
  const replays = await Promise.all(
    Array.from({ length: REPLAYS }, () => emitAck(phone, 'send_event_message', payload)),
  );
  // A later message reaches each socket after every broadcast the replays caused.
  const markers = [listening, laptop].map((s) =>
    nextEvent(s, 'event_message', (m) => m.content === 'marker'),
  );
  await ok(emitAck(talking, 'send_event_message', { eventId, content: 'marker' }));
  await Promise.all(markers);

  const answered = replays.filter((ack) => ack.ok);
  const refused = replays.filter((ack) => !ack.ok);
  const copies = (received: EventMessage[]) => received.filter((m) => m.id === message.id).length;
  const figures = `${REPLAYS} replays: ${copies(heard)} deliveries to a room listener, ${copies(atLaptop)} to the sender's other tab; ${answered.length} answered, ${refused.length} rate limited`;
  for (const ack of answered) expect(ack.ok && ack.message).toEqual(message);
  expect(refused.length, figures).toBeGreaterThan(0);
  for (const ack of refused) {
    expect(ack.ok ? undefined : ack.error).toMatchObject({
      code: 'rate_limited',
      details: { retryAfter: expect.any(Number) },
    });
  }
  // The first retry goes to the room again (its first broadcast may have died with a node);
  // the others only to the sender's other tab.
  expect(copies(heard), figures).toBe(2);
  expect(copies(atLaptop), figures).toBe(1 + answered.length);
});

it('re-broadcasts a private retry to the partner once, never again', async () => {
  const { eventId, users } = await dancersAt(t, 2);
  const [ana, ben] = users as [TestUser, TestUser];
  const matchId = await matchBetween(t, ana, ben, eventId);
  const [anaSocket, benSocket, benPhone] = [
    await connect(ana.token),
    await connect(ben.token),
    await connect(ben.token),
  ];
  await ok(emitAck(benSocket, 'join_private_room', { matchId }));
  const heard = collect(benSocket, 'private_message');
  const payload = { matchId, content: 'replayed', clientId: randomUUID() };
  const { message } = await ok(emitAck(anaSocket, 'send_private_message', payload));
  const replays = await Promise.all(
    Array.from({ length: REPLAYS }, () => emitAck(anaSocket, 'send_private_message', payload)),
  );
  expect(replays.some((ack) => !ack.ok && ack.error.code === 'rate_limited')).toBe(true);
  const marker = nextEvent(benSocket, 'private_message', (m) => m.content === 'marker');
  // Ana's burst is spent: Ben's other device sends the message that comes after.
  await ok(emitAck(benPhone, 'send_private_message', { matchId, content: 'marker' }));
  await marker;
  expect(heard.filter((m) => m.id === message.id)).toHaveLength(2);
});

it('refuses identical content in the same room within 30 s, but not elsewhere', async () => {
  const { eventId, users } = await dancersAt(t, 2);
  const other = await dancersAt(t, 0);
  const [ana, ben] = users as [(typeof users)[0], (typeof users)[0]];
  await t.call(api.events.join, { params: { id: other.eventId } }, { token: ana.token });
  const [anaSocket, benSocket] = [await connect(ana.token), await connect(ben.token)];
  const content = 'Anyone filming heat 4?';
  await ok(emitAck(anaSocket, 'send_event_message', { eventId, content }));
  expect(await errorCode(emitAck(anaSocket, 'send_event_message', { eventId, content }))).toBe(
    'duplicate_content',
  );
  // Surrounding spaces do not make it new; a new clientId does not either.
  expect(
    await errorCode(
      emitAck(anaSocket, 'send_event_message', {
        eventId,
        content: `  ${content} `,
        clientId: randomUUID(),
      }),
    ),
  ).toBe('duplicate_content');
  await ok(emitAck(anaSocket, 'send_event_message', { eventId: other.eventId, content }));
  await ok(emitAck(benSocket, 'send_event_message', { eventId, content }));
  const rows = await t.db
    .select({ n: count() })
    .from(messages)
    .where(eq(messages.content, content));
  expect(rows[0]!.n).toBe(3);
});
