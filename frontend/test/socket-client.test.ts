/**
 * The socket client against the real backend and Socket.IO server (a real database per file):
 * rejoin with the last id seen, catch-up beyond the ack through REST history, and the outbox
 * that delivers every message exactly once.
 */
import { api, type EventMessage } from '@spotlight/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages as messagesTable } from '../../backend/src/db/schema';
import { rooms } from '../../backend/src/socket/types';
import { startTestServer, type TestServer, type TestUser } from '../../backend/test/harness';
import { createApiClient } from '../src/lib/api/client';
import { SocketClient } from '../src/lib/socket/SocketClient';
import type { SignalMessage } from '../src/features/transfer/engine/signaling';
import { socketClientSignaling } from '../src/features/transfer/socketSignaling';
import type {
  ChatMessage,
  NetworkMonitor,
  OutboxEntry,
  OutboxStorage,
  RoomRef,
  SocketClientEvents,
} from '../src/lib/socket/types';

/** The device's network as the client sees it (navigator.onLine and its events in a browser). */
class Network implements NetworkMonitor {
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();
  isOnline = () => this.online;
  subscribe(listener: (online: boolean) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean) {
    this.online = online;
    this.listeners.forEach((l) => l(online));
  }
}

const memoryStorage = (): OutboxStorage & { data: Map<number, OutboxEntry[]> } => {
  const data = new Map<number, OutboxEntry[]>();
  return {
    data,
    load: (userId) => [...(data.get(userId) ?? [])],
    save: (userId, entries) => void data.set(userId, [...entries]),
    clear: (userId) => void data.delete(userId),
  };
};

const WAIT_MS = 15_000;

/** Resolves when `check` holds; fails (with what it saw) after a generous ceiling. */
async function until<T>(check: () => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Dancer {
  user: TestUser;
  client: SocketClient;
  network: Network;
  storage: ReturnType<typeof memoryStorage>;
  /** Every message the client delivered for the event room, in delivery order (one may come
   * twice, live and in a catch-up; the query cache keeps one per id). */
  received: ChatMessage[];
  events: { name: keyof SocketClientEvents; payload: unknown }[];
  /** URLs of the REST calls the client made (history catch-up). */
  restCalls: string[];
}

let t: TestServer;
let eventId: number;
const room = (): RoomRef => ({ kind: 'event', id: eventId });
const clients: SocketClient[] = [];

beforeAll(async () => {
  // Generous chat limits: one test sends more than a join ack holds.
  t = await startTestServer({ CHAT_RATE_PER_SECOND: '1000', CHAT_BURST: '1000' });
});
// A fresh event (and chat room) per test: no backlog from the others.
beforeEach(async () => {
  ({ id: eventId } = await t.createEvent());
});
afterEach(() => {
  while (clients.length) clients.pop()!.stop();
});
afterAll(() => t?.close());

async function dancer(
  options: {
    join?: boolean;
    storage?: ReturnType<typeof memoryStorage>;
    reconnectDelayMs?: number;
  } = {},
) {
  const user = await t.registerUser();
  if (options.join !== false) {
    await t.call(api.events.join, { params: { id: eventId } }, { token: user.token });
  }
  const network = new Network();
  const storage = options.storage ?? memoryStorage();
  const restCalls: string[] = [];
  const client = new SocketClient({
    api: createApiClient({
      baseUrl: t.url,
      headers: { authorization: `Bearer ${user.token}` },
      fetch: (input, init) => {
        restCalls.push(String(input));
        return fetch(input, init);
      },
    }),
    url: t.url,
    auth: { token: user.token },
    network,
    storage,
    reconnectDelayMs: options.reconnectDelayMs ?? 50,
    reconnectDelayMaxMs: Math.max(200, options.reconnectDelayMs ?? 0),
    catchUpPageSize: 25,
    socketOptions: { transports: ['websocket'] },
  });
  clients.push(client);
  const d: Dancer = { user, client, network, storage, received: [], events: [], restCalls };
  client.on('messages', ({ room: r, messages }) => {
    if (r.kind === 'event' && r.id === eventId) d.received.push(...messages);
  });
  for (const name of ['joined', 'roomError', 'sessionEnded', 'status'] as const) {
    client.on(name, (payload) => d.events.push({ name, payload }));
  }
  return d;
}

/** One copy per id, in id order: what the query cache keeps. */
const distinct = (messages: ChatMessage[]) =>
  [...new Map(messages.map((m) => [m.id, m])).values()].sort((a, b) => a.id - b.id);

const joinedCount = (d: Dancer) => d.events.filter((e) => e.name === 'joined').length;

/** Starts the client and waits until it is in the event room. */
async function enter(d: Dancer, afterId = 0) {
  const before = joinedCount(d);
  d.client.start(d.user.id);
  d.client.joinRoom(room(), afterId);
  await until(() => joinedCount(d) > before, 'the join ack');
}

/** Sends through the client and waits for the ack (the outbox empties). */
async function say(d: Dancer, content: string) {
  const clientId = d.client.send(room(), content);
  await until(
    () => !d.client.getOutbox().some((e) => e.clientId === clientId),
    `ack of ${content}`,
  );
  return clientId;
}

const storedWithClientId = (clientId: string) =>
  t.db.select().from(messagesTable).where(eq(messagesTable.clientId, clientId));

describe('SocketClient', () => {
  it('rejoins with the last id seen and gets exactly the missed messages, in order', async () => {
    const ana = await dancer();
    const ben = await dancer();
    await enter(ana);
    await enter(ben);

    await say(ben, 'before the drop');
    await until(() => ana.received.some((m) => m.content === 'before the drop'), 'live message');
    const lastSeen = ana.client.lastSeenId(room())!;
    expect(lastSeen).toBe(ana.received.at(-1)!.id);

    ana.network.set(false);
    await until(() => ana.client.status === 'offline' && !ana.client.connected, 'offline');
    const missed: number[] = [];
    for (const n of [1, 2, 3]) {
      await say(ben, `missed ${n}`);
      missed.push(ben.received.at(-1)!.id);
    }
    expect(ana.received.map((m) => m.content)).not.toContain('missed 1');

    const joinsBefore = joinedCount(ana);
    const deliveredBefore = ana.received.length;
    ana.network.set(true);
    await until(() => joinedCount(ana) > joinsBefore && ana.client.status === 'online', 'rejoin');
    await until(() => ana.received.length >= deliveredBefore + 3, 'the catch-up');

    const caughtUp = ana.received.slice(deliveredBefore);
    expect(caughtUp.map((m) => m.id)).toEqual(missed);
    expect(caughtUp.map((m) => m.content)).toEqual(['missed 1', 'missed 2', 'missed 3']);
    expect(ana.client.lastSeenId(room())).toBe(missed[2]);
    // The join ack held all of it: no history request was needed.
    expect(ana.restCalls).toEqual([]);
  });

  it('picks up a message that was stored after a higher id was already seen', async () => {
    const ana = await dancer();
    const ben = await dancer();
    await enter(ana);
    await enter(ben);
    // A slow insert takes its id first and commits last: reserve an id, let a later message
    // through live, then store the straggler with the reserved id while Ana is away.
    const { rows } = (await t.db.execute(
      sql`select nextval('messages_id_seq')::int as id`,
    )) as unknown as {
      rows: { id: number }[];
    };
    const reserved = rows[0]!.id;
    await say(ben, 'overtakes');
    await until(() => ana.received.some((m) => m.content === 'overtakes'), 'live message');
    expect(ana.client.lastSeenId(room())).toBeGreaterThan(reserved);

    ana.network.set(false);
    await until(() => !ana.client.connected, 'offline');
    const roomId = ana.received.at(-1)!.roomId;
    await t.db
      .insert(messagesTable)
      .values({ id: reserved, roomId, userId: ben.user.id, content: 'straggler', type: 'text' });
    const before = ana.received.length;
    ana.network.set(true);
    await until(() => ana.received.some((m) => m.content === 'straggler'), 'the straggler');
    // Only the straggler is new: the overlap of the rejoin is not delivered twice.
    expect(ana.received.slice(before).map((m) => m.content)).toEqual(['straggler']);
  });

  it('pages through REST history when more was missed than a join ack holds', async () => {
    const ana = await dancer();
    const ben = await dancer();
    await enter(ana);
    await enter(ben);
    await say(ben, 'start');
    await until(() => ana.received.some((m) => m.content === 'start'), 'live message');

    ana.network.set(false);
    await until(() => !ana.client.connected, 'offline');
    const total = 160; // the ack of a rejoin holds 100 (HISTORY_PAGE_MAX); the rest is REST
    const sent: string[] = [];
    for (let n = 1; n <= total; n++) {
      const content = `burst ${n}`;
      sent.push(content);
      ben.client.send(room(), content);
    }
    await until(() => ben.client.getOutbox().length === 0, 'the burst to be acknowledged');

    const from = ana.received.length;
    ana.network.set(true);
    await until(() => ana.received.length >= from + total, `${total} missed messages`);
    const caughtUp = ana.received.slice(from);
    expect(caughtUp.map((m) => m.content)).toEqual(sent);
    const ids = caughtUp.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(total);
    expect(ana.client.lastSeenId(room())).toBe(ids.at(-1));
    // 100 came with the ack; the other 60 in pages of 25 after the ack's last id.
    const history = ana.restCalls.filter((url) => url.includes(`/api/events/${eventId}/messages`));
    expect(history).toHaveLength(3);
    expect(history.every((url) => /[?&]after=\d+/.test(url))).toBe(true);
  });

  it('queues messages sent offline and delivers each exactly once on reconnect', async () => {
    const ana = await dancer();
    const ben = await dancer();
    await enter(ana);
    await enter(ben);

    ana.network.set(false);
    await until(() => !ana.client.connected, 'offline');
    const first = ana.client.send(room(), 'queued one');
    const second = ana.client.send(room(), 'queued two');
    expect(ana.client.getOutbox().map((e) => [e.content, e.status])).toEqual([
      ['queued one', 'queued'],
      ['queued two', 'queued'],
    ]);
    // Persisted, so that a reload while offline loses nothing.
    expect(ana.storage.data.get(ana.user.id)?.map((e) => e.clientId)).toEqual([first, second]);

    ana.network.set(true);
    await until(() => ana.client.getOutbox().length === 0, 'the outbox to empty');
    const benQueued = () => distinct(ben.received.filter((m) => m.content.startsWith('queued')));
    await until(() => benQueued().length === 2, 'ben to get both');
    expect(benQueued().map((m) => m.content)).toEqual(['queued one', 'queued two']);
    for (const clientId of [first, second]) {
      expect(await storedWithClientId(clientId)).toHaveLength(1);
    }
    const mine = distinct(ana.received).filter(
      (m) => m.clientId === first || m.clientId === second,
    );
    expect(mine.map((m) => (m as EventMessage).userId)).toEqual([ana.user.id, ana.user.id]);
    expect(ana.storage.data.get(ana.user.id) ?? []).toEqual([]);
  });

  it('does not store twice a message whose ack was lost (same clientId after a reload)', async () => {
    const ben = await dancer();
    await enter(ben);
    // Ana sent a message, the server stored it, and the page closed before the ack arrived.
    const storage = memoryStorage();
    const ana = await dancer({ storage });
    const clientId = crypto.randomUUID();
    const stored = await t.server.services.chat.sendEventMessage(ana.user.id, eventId, {
      content: 'sent just before the tunnel',
      type: 'text',
      clientId,
    });
    storage.data.set(ana.user.id, [
      {
        clientId,
        room: room(),
        content: 'sent just before the tunnel',
        type: 'text',
        status: 'sending',
        createdAt: new Date().toISOString(),
      },
    ]);

    // Reopened without the room (nothing to catch up from): the outbox resends it.
    ana.client.start(ana.user.id);
    expect(ana.client.getOutbox().map((e) => e.status)).toEqual(['queued']);
    await until(() => ana.client.getOutbox().length === 0, 'the resend to be acknowledged');

    const rows = await storedWithClientId(clientId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(stored.message.id);
    expect(ana.received.filter((m) => m.clientId === clientId).map((m) => m.id)).toEqual([
      stored.message.id,
    ]);
  });

  it('marks a refused message failed, and sends it once retried', async () => {
    const outsider = await dancer({ join: false });
    outsider.client.start(outsider.user.id);
    await until(() => outsider.client.status === 'online', 'online');

    const clientId = outsider.client.send(room(), 'let me in');
    const failed = await until(
      () => outsider.client.getOutbox().find((e) => e.status === 'failed'),
      'the refusal',
    );
    expect(failed.error?.code).toBe('not_participant');

    await t.call(api.events.join, { params: { id: eventId } }, { token: outsider.user.token });
    outsider.client.retry(clientId);
    await until(() => outsider.client.getOutbox().length === 0, 'the retry');
    expect(await storedWithClientId(clientId)).toHaveLength(1);
    const inRoom = await t.db
      .select()
      .from(messagesTable)
      .where(and(eq(messagesTable.clientId, clientId), eq(messagesTable.userId, outsider.user.id)));
    expect(inRoom).toHaveLength(1);
  });

  it('stops and reports session_ended when the session is logged out', async () => {
    const ana = await dancer();
    await enter(ana);
    await t.call(api.auth.logout, undefined, { token: ana.user.token });
    const ended = await until(
      () => ana.events.find((e) => e.name === 'sessionEnded'),
      'session_ended',
    );
    expect(ended.payload).toEqual({ reason: 'logout' });
    expect(ana.client.status).toBe('idle');
    expect(ana.client.connected).toBe(false);
  });

  it('relays WebRTC signals between the two dancers of a match (transfer signaling)', async () => {
    const ana = await dancer();
    const ben = await dancer();
    const { body: match } = await t.call(
      api.matches.create,
      { body: { targetUserId: ben.user.id, eventId } },
      { token: ana.user.token },
    );
    await t.call(
      api.matches.update,
      { params: { id: match.id }, body: { status: 'accepted' } },
      { token: ben.user.token },
    );
    // Signals reach only the partner's sockets in the match's room (the match chat page).
    for (const d of [ana, ben]) {
      const before = joinedCount(d);
      d.client.start(d.user.id);
      d.client.joinRoom({ kind: 'match', id: match.id });
      await until(() => joinedCount(d) > before, 'the match room');
    }

    const got: SignalMessage[] = [];
    const off = socketClientSignaling(ben.client, match.id).onMessage((m) => got.push(m));
    const fromAna = socketClientSignaling(ana.client, match.id);
    fromAna.send({ kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } });
    fromAna.send({ kind: 'candidate', candidate: null });
    await until(() => got.length === 2, 'the offer and the end of candidates');
    expect(got).toEqual([
      { kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } },
      { kind: 'candidate', candidate: null },
    ]);
    off();
  });

  it('reconnects at once when told the server is shutting down, not after its backoff', async () => {
    // A backoff this long (30 s at the least) would outlast the wait below: only the
    // server_shutdown handling can bring the client back in time.
    const ana = await dancer({ reconnectDelayMs: 60_000 });
    await enter(ana);
    const joins = joinedCount(ana);
    const io = t.server.realtime.io;
    io.local.emit('server_shutdown', { reconnectInMs: 0 });
    io.local.disconnectSockets(true);
    await until(() => joinedCount(ana) > joins && ana.client.status === 'online', 'the rejoin');
    expect(ana.events.map((e) => e.payload)).toContain('reconnecting');
  });

  it('leaves a room released before its join was acknowledged (no ghost in Here now)', async () => {
    const ana = await dancer();
    ana.client.start(ana.user.id);
    await until(() => ana.client.status === 'online', 'online');
    const nsp = t.server.realtime.io.of('/');
    const eventRoom = rooms.event(eventId);
    const moves: string[] = [];
    const track = (move: string) => (name: string, id: string) => {
      if (name === eventRoom && nsp.sockets.get(id)?.data.user.id === ana.user.id) moves.push(move);
    };
    nsp.adapter.on('join-room', track('join'));
    nsp.adapter.on('leave-room', track('leave'));

    // A page opened and closed at once (or React's StrictMode double effect).
    const release = ana.client.joinRoom(room());
    release();
    await until(() => moves.join() === 'join,leave', 'the join, then the leave');
    const inRoom = await t.server.realtime.io.in(eventRoom).fetchSockets();
    expect(inRoom.map((socket) => socket.data.user.id)).not.toContain(ana.user.id);
  });
});
