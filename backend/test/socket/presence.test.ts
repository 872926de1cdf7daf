import { api, type ServerPayload } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import {
  closeAll,
  collect,
  connectSocket,
  dancersAt,
  emitAck,
  nextEvent,
  ok,
  WAIT_MS,
  type ClientSocket,
} from '../socket-harness';

type ActiveUsers = ServerPayload<'active_users'>;
const ids = (list: { id: number }[]) => list.map((u) => u.id).sort((a, b) => a - b);
const without = (id: number) => (p: ActiveUsers) => !p.users.some((u) => u.id === id);

let t: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer({ PRESENCE_GRACE_SECONDS: '1' });
});
afterAll(async () => {
  closeAll(sockets);
  await t.close();
});

const connect = async (server: TestServer, token: string) => {
  const socket = await connectSocket(server.url, { token });
  sockets.push(socket);
  return socket;
};

/** Waits until the server has seen `n` sockets close (it learns of a client's close a moment later). */
async function openSocketsReach(server: TestServer, n: number) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [value] = (await server.server.ctx.metrics.openSockets.get()).values;
    if ((value?.value ?? 0) === n || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('active_users', () => {
  it('counts a user with two tabs once, until the last tab has left and the grace is over', async () => {
    const { eventId, users } = await dancersAt(t, 3);
    const [ana, ben, cleo] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const benSocket = await connect(t, ben.token);
    await ok(emitAck(benSocket, 'join_event_room', { eventId }));
    const pushes = collect(benSocket, 'active_users');

    const [tab1, tab2] = [await connect(t, ana.token), await connect(t, ana.token)];
    await ok(emitAck(tab1, 'join_event_room', { eventId }));
    const both = await ok(emitAck(tab2, 'join_event_room', { eventId }));
    expect(ids(both.activeUsers)).toEqual(ids([ana, ben]));

    await ok(emitAck(tab1, 'leave_event_room', { eventId }));
    const cleoSocket = await connect(t, cleo.token);
    const seenByCleo = await ok(emitAck(cleoSocket, 'join_event_room', { eventId }));
    expect(ids(seenByCleo.activeUsers)).toEqual(ids([ana, ben, cleo]));

    const gone = nextEvent(benSocket, 'active_users', without(ana.id));
    tab2.close();
    expect(ids((await gone).users)).toEqual(ids([ben, cleo]));
    // Every push was a full list with each user once.
    for (const push of pushes) {
      expect(push.eventId).toBe(eventId);
      expect(new Set(ids(push.users)).size).toBe(push.users.length);
    }
  });

  it('ends up listing everyone after many joins at once', async () => {
    const { eventId, users } = await dancersAt(t, 12);
    const observer = await connect(t, users[0]!.token);
    await ok(emitAck(observer, 'join_event_room', { eventId }));
    const everyone = nextEvent(observer, 'active_users', (p) => p.users.length === users.length);
    const joined = await Promise.all(users.slice(1).map((u) => connect(t, u.token)));
    await Promise.all(joined.map((s) => ok(emitAck(s, 'join_event_room', { eventId }))));
    expect(ids((await everyone).users)).toEqual(ids(users));
  });
});

describe('grace period', () => {
  let patient: TestServer;
  beforeAll(async () => {
    patient = await startTestServer({ PRESENCE_GRACE_SECONDS: '600' });
  });
  afterAll(() => patient.close());

  it('keeps a dancer whose phone dropped listed during the grace period', async () => {
    const { eventId, users } = await dancersAt(patient, 2);
    const [ana, ben] = users as [(typeof users)[0], (typeof users)[0]];
    const anaSocket = await connect(patient, ana.token);
    await ok(emitAck(anaSocket, 'join_event_room', { eventId }));
    anaSocket.close();
    await openSocketsReach(patient, 0);
    const benSocket = await connect(patient, ben.token);
    const joined = await ok(emitAck(benSocket, 'join_event_room', { eventId }));
    expect(ids(joined.activeUsers)).toEqual(ids([ana, ben]));
    benSocket.close();
    await openSocketsReach(patient, 0);
  });

  it('drops a dancer at once when they leave the event, and their sockets leave the room', async () => {
    const { eventId, users } = await dancersAt(patient, 2);
    const [ana, ben] = users as [(typeof users)[0], (typeof users)[0]];
    const [anaSocket, benSocket] = [
      await connect(patient, ana.token),
      await connect(patient, ben.token),
    ];
    await ok(emitAck(anaSocket, 'join_event_room', { eventId }));
    await ok(emitAck(benSocket, 'join_event_room', { eventId }));
    const atAna = collect(anaSocket, 'event_message');

    const gone = nextEvent(benSocket, 'active_users', without(ana.id));
    await patient.call(api.events.leave, { params: { id: eventId } }, { token: ana.token });
    expect(ids((await gone).users)).toEqual([ben.id]);
    await ok(emitAck(benSocket, 'send_event_message', { eventId, content: 'she left' }));
    // A later ack to Ana's socket arrives after that broadcast would have.
    await emitAck(anaSocket, 'leave_event_room', { eventId });
    expect(atAna).toEqual([]);
  });
});
