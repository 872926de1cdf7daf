import { randomUUID } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import type { TestServer } from '../harness';
import { dancersAt, emitAck, errorCode, ok, useSocketServer } from '../socket-harness';

// The default limits: 5 messages a second with a burst of 10, per user.
let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

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

it('answers a retry of a stored message even while the user is rate limited', async () => {
  const { eventId, users } = await dancersAt(t, 1);
  const socket = await connect(users[0]!.token);
  const clientId = randomUUID();
  const first = await ok(
    emitAck(socket, 'send_event_message', { eventId, content: 'kept', clientId }),
  );
  const flood = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      emitAck(socket, 'send_event_message', { eventId, content: `more ${i}` }),
    ),
  );
  expect(flood.some((ack) => !ack.ok && ack.error.code === 'rate_limited')).toBe(true);
  const retry = await ok(
    emitAck(socket, 'send_event_message', { eventId, content: 'kept', clientId }),
  );
  expect(retry.message).toEqual(first.message);
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
