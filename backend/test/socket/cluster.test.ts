/**
 * Two backend processes on one PostgreSQL database and one Redis: dancers connected to
 * different processes chat, see each other in active_users, match, and exchange WebRTC
 * signals; logout and the abuse limits hold across processes too.
 *
 * Needs DATABASE_URL (two processes cannot share an embedded PGlite) and Redis on
 * 127.0.0.1:6379. Each run uses its own database clone and its own Redis key prefix.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { api, type ServerPayload } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEvents } from '../../src/modules/events/repository';
import { openTestDatabase, type TestUser } from '../harness';
import {
  callApi,
  dancerOn,
  deleteRedisKeys,
  killAll,
  processEnv,
  REDIS_URL,
  clusterSkipReason,
  spawnBackend,
  type BackendProcess,
} from '../process-harness';
import {
  closeAll,
  connectSocket,
  disconnection,
  emitAck,
  errorCode,
  nextEvent,
  ok,
  refusal,
  type ClientSocket,
} from '../socket-harness';

const skipReason = await clusterSkipReason(
  'cluster.test',
  'two processes cannot share the embedded PGlite',
);

/** Sockets per user, low so that the test of the limit stays small. */
const SOCKETS_MAX = 4;

const ids = (list: { id: number }[]) => list.map((u) => u.id).sort((a, b) => a - b);

describe.skipIf(skipReason !== undefined)('two backend processes on Redis', () => {
  let nodeA: BackendProcess;
  let nodeB: BackendProcess;
  let eventId: number;
  let ana: TestUser;
  let ben: TestUser;
  const sockets: ClientSocket[] = [];
  let drop: (() => Promise<void>) | undefined;
  // Its own keys and channels: parallel runs on the same Redis do not meet.
  const prefix = `spotlight-test-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    const database = await openTestDatabase();
    drop = async () => {
      await database.handle.close();
      await database.drop();
    };
    const { ids: events } = await upsertEvents(database.handle.db, [
      {
        name: 'Cluster Swing',
        location: 'Two Rooms',
        startDate: '2030-01-01',
        endDate: '2030-01-03',
        worldsdcId: `cluster-${randomUUID()}`,
      },
    ]);
    eventId = events[0]!;
    const env = processEnv({
      DATABASE_URL: database.url!,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      PRESENCE_GRACE_SECONDS: '1',
      SOCKETS_PER_USER_MAX: String(SOCKETS_MAX),
    });
    [nodeA, nodeB] = await Promise.all([
      spawnBackend({ ...env, NODE_ID: 'a' }),
      spawnBackend({ ...env, NODE_ID: 'b' }),
    ]);
    ana = await dancerOn(nodeA.url, eventId);
    ben = await dancerOn(nodeB.url, eventId);
  }, 180_000);

  afterAll(async () => {
    closeAll(sockets);
    await killAll();
    await drop?.();
    await deleteRedisKeys(prefix);
  });

  const connect = async (node: BackendProcess, user: TestUser) => {
    const socket = await connectSocket(node.url, { token: user.token });
    sockets.push(socket);
    return socket;
  };

  /** Joins the event room and resolves with the first list (ack or push) that has `expected`. */
  const joinUntilListed = async (socket: ClientSocket, expected: number[]) => {
    const listed = (users: { id: number }[]) => expected.every((id) => ids(users).includes(id));
    const pushed = nextEvent(socket, 'active_users', (p) => listed(p.users));
    const joined = await ok(emitAck(socket, 'join_event_room', { eventId }));
    if (listed(joined.activeUsers)) {
      pushed.catch(() => {});
      return joined.activeUsers;
    }
    return (await pushed).users;
  };

  it('chat, presence, matchmaking and signaling work across processes', async () => {
    const anaSocket = await connect(nodeA, ana);
    const benSocket = await connect(nodeB, ben);

    // Presence: each sees the other, whichever process holds them.
    const anaSeesBen = nextEvent(anaSocket, 'active_users', (p) => ids(p.users).includes(ben.id));
    await ok(emitAck(anaSocket, 'join_event_room', { eventId }));
    expect(ids(await joinUntilListed(benSocket, [ana.id, ben.id]))).toEqual(ids([ana, ben]));
    expect(ids((await anaSeesBen).users)).toEqual(ids([ana, ben]));

    // Event chat, both ways.
    const atBen = nextEvent(benSocket, 'event_message');
    const fromAna = await ok(
      emitAck(anaSocket, 'send_event_message', { eventId, content: 'hello from A' }),
    );
    expect(await atBen).toEqual(fromAna.message);
    const atAna = nextEvent(anaSocket, 'event_message');
    const fromBen = await ok(
      emitAck(benSocket, 'send_event_message', { eventId, content: 'hello from B' }),
    );
    expect(await atAna).toEqual(fromBen.message);

    // Matchmaking through the personal rooms.
    const requested = nextEvent(benSocket, 'match_request_received');
    const { match } = await ok(
      emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId }),
    );
    expect((await requested).fromUser.id).toBe(ana.id);
    const accepted = nextEvent(anaSocket, 'match_accepted');
    await ok(emitAck(benSocket, 'accept_match_request', { matchId: match.id }));
    expect((await accepted).partner.id).toBe(ben.id);

    // Private chat and signaling.
    const matchId = match.id;
    await ok(emitAck(anaSocket, 'join_private_room', { matchId }));
    await ok(emitAck(benSocket, 'join_private_room', { matchId }));
    const privateAtAna = nextEvent(anaSocket, 'private_message');
    const sent = await ok(
      emitAck(benSocket, 'send_private_message', { matchId, content: 'left side of the floor' }),
    );
    expect(await privateAtAna).toEqual(sent.message);

    const offer = { type: 'offer' as const, sdp: 'v=0\r\n' };
    const answer = { type: 'answer' as const, sdp: 'v=0\r\n' };
    const candidate = { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0' };
    const gotOffer = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }));
    expect(await gotOffer).toEqual({ matchId, fromUserId: ana.id, offer });
    const gotAnswer = nextEvent(anaSocket, 'webrtc_answer');
    await ok(emitAck(benSocket, 'webrtc_answer', { matchId, answer }));
    expect(await gotAnswer).toEqual({ matchId, fromUserId: ben.id, answer });
    const gotCandidate = nextEvent(benSocket, 'webrtc_ice_candidate');
    await ok(emitAck(anaSocket, 'webrtc_ice_candidate', { matchId, candidate }));
    expect(await gotCandidate).toEqual({ matchId, fromUserId: ana.id, candidate });

    // Leaving: Ben's only socket closes on B; after the grace period A tells Ana.
    const benGone = nextEvent(
      anaSocket,
      'active_users',
      (p: ServerPayload<'active_users'>) => !ids(p.users).includes(ben.id),
    );
    benSocket.close();
    expect(ids((await benGone).users)).toEqual([ana.id]);
  });

  it('refuses duplicate content sent through the other process', async () => {
    const cleo = await dancerOn(nodeA.url, eventId);
    const [onA, onB] = [await connect(nodeA, cleo), await connect(nodeB, cleo)];
    const content = `Anyone filming the strictly? ${randomUUID()}`;
    await ok(emitAck(onA, 'send_event_message', { eventId, content }));
    expect(await errorCode(emitAck(onB, 'send_event_message', { eventId, content }))).toBe(
      'duplicate_content',
    );
    // The same clientId through the other process is the same message.
    const clientId = randomUUID();
    const first = await ok(
      emitAck(onA, 'send_event_message', { eventId, content: 'x1', clientId }),
    );
    const retry = await ok(
      emitAck(onB, 'send_event_message', { eventId, content: 'x1', clientId }),
    );
    expect(retry.message).toEqual(first.message);
  });

  it('counts the sockets of a user on both processes', async () => {
    const eve = await dancerOn(nodeA.url, eventId);
    for (let i = 0; i < SOCKETS_MAX; i++) await connect(i % 2 ? nodeB : nodeA, eve);
    for (const node of [nodeA, nodeB]) {
      expect((await refusal(node.url, { token: eve.token })).data?.code).toBe('too_many_sockets');
    }
  });

  it('logout on one process closes the sockets on the other', async () => {
    const dan = await dancerOn(nodeA.url, eventId);
    const onB = await connect(nodeB, dan);
    const ended = nextEvent(onB, 'session_ended');
    const closed = disconnection(onB);
    await callApi(nodeA.url, api.auth.logout, {}, dan.token);
    expect(await ended).toEqual({ reason: 'logout' });
    expect(await closed).toBe('io server disconnect');
  });
});
