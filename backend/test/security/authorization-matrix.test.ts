/**
 * The authorisation matrix: every REST endpoint of the contract, and what each kind of caller
 * gets. Roles: anonymous; an outsider (signed in, not in the event or match); the participant
 * who acts (the requester of the match); and the other participant (the target). Each row
 * builds fresh state, so rows never depend on each other. An endpoint added to the contract
 * without a row here fails the completeness test.
 */
import { randomUUID } from 'node:crypto';
import {
  allEndpoints,
  api,
  CLIENT_EVENT_NAMES,
  type Ack,
  type ClientEventName,
  type EndpointDef,
  type ErrorCode,
  type RequestOf,
} from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { matchAt } from '../helpers';
import { connectSocket, rawEmit, refusal } from '../socket-harness';

type Role = 'anonymous' | 'outsider' | 'participant' | 'other';
const ROLES: Role[] = ['anonymous', 'outsider', 'participant', 'other'];

interface World {
  a: TestUser;
  b: TestUser;
  outsider: TestUser;
  eventId: number;
  /** A→B at eventId, in the status the row asked for. */
  matchId: number;
  reportId: number;
}

/** A request before it is matched to its endpoint's exact types. */
interface LooseRequest {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

interface Row {
  /** Status of the match the row starts from. */
  match?: 'pending' | 'accepted' | 'completed';
  /** The request each role sends (the same for all unless it depends on who asks). */
  request(world: World, role: Role): LooseRequest;
  expect: Record<Role, number>;
}

const same = (status: number): Record<Role, number> => ({
  anonymous: status,
  outsider: status,
  participant: status,
  other: status,
});
const signedIn = (status: number) => ({ ...same(status), anonymous: 401 });
const none = (): LooseRequest => ({});
const userOf = (world: World, role: Role) =>
  role === 'participant' ? world.a : role === 'other' ? world.b : world.outsider;

const MATRIX: Record<string, Row> = {
  'auth.register': { request: () => ({ body: freshRegistration() }), expect: same(201) },
  'auth.login': {
    request: (w, role) => {
      const user = role === 'anonymous' ? w.outsider : userOf(w, role);
      return { body: { email: user.email, password: user.password } };
    },
    expect: same(200),
  },
  'auth.logout': { request: none, expect: signedIn(200) },
  'auth.logoutAll': { request: none, expect: signedIn(200) },
  'users.me': { request: none, expect: signedIn(200) },
  'users.updateMe': { request: () => ({ body: { city: 'Lyon' } }), expect: signedIn(200) },
  'users.get': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'blocks.list': { request: none, expect: signedIn(200) },
  // Anyone signed in blocks anyone else (the outsider blocks A; everyone else blocks the outsider).
  'blocks.block': {
    request: (w, role) => ({ params: { id: role === 'outsider' ? w.a.id : w.outsider.id } }),
    expect: signedIn(200),
  },
  'blocks.unblock': {
    request: (w, role) => ({ params: { id: role === 'outsider' ? w.a.id : w.outsider.id } }),
    expect: signedIn(200),
  },
  'events.list': { request: none, expect: signedIn(200) },
  'events.get': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.join': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.leave': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.participants': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'organisers.list': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  // Nobody in this world organises the event (backend/test/api/organisers.test.ts grants).
  'organisers.grant': {
    request: (w) => ({ params: { id: w.eventId }, body: { username: w.outsider.username } }),
    expect: signedIn(403),
  },
  'organisers.revoke': {
    request: (w) => ({ params: { id: w.eventId, userId: w.a.id } }),
    expect: signedIn(403),
  },
  // Nobody in this world organises an event or is an admin: event management is refused to
  // all (backend/test/api/event-admin.test.ts covers organisers and admins).
  'eventAdmin.create': {
    request: () => ({
      body: { name: 'Mine', location: 'Here', startDate: '2031-01-01', endDate: '2031-01-02' },
    }),
    expect: signedIn(403),
  },
  'eventAdmin.update': {
    request: (w) => ({ params: { id: w.eventId }, body: { name: 'Mine' } }),
    expect: signedIn(403),
  },
  'eventAdmin.import': {
    request: () => ({ body: { format: 'json', content: '[]' } }),
    expect: signedIn(403),
  },
  'eventAdmin.checkInCode': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: signedIn(403),
  },
  // Anyone signed in may check in with the code at the door; without it, nobody can.
  'eventAdmin.checkIn': {
    request: (w) => ({ params: { id: w.eventId }, body: { token: 'x.forged' } }),
    expect: signedIn(400),
  },
  'announcements.list': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'announcements.post': {
    request: (w) => ({ params: { id: w.eventId }, body: { content: 'Heat 3 is late' } }),
    expect: signedIn(403),
  },
  'announcements.remove': {
    request: (w) => ({ params: { id: w.eventId, announcementId: 1 } }),
    expect: signedIn(403),
  },
  'matches.list': { request: none, expect: signedIn(200) },
  'matches.create': {
    // Each role asks the dancer on the other side: the outsider asks B.
    request: (w, role) => ({
      body: { targetUserId: role === 'participant' ? w.b.id : w.a.id, eventId: w.eventId },
    }),
    match: undefined,
    expect: { anonymous: 401, outsider: 403, participant: 201, other: 201 },
  },
  'matches.get': {
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'matches.update': {
    // Accepting is the target's move: the requester is refused, the outsider sees nothing.
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId }, body: { status: 'accepted' } }),
    expect: { anonymous: 401, outsider: 404, participant: 403, other: 200 },
  },
  'chat.eventHistory': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'chat.matchHistory': {
    match: 'accepted',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'ratings.create': {
    match: 'completed',
    request: (w) => ({ body: { matchId: w.matchId, score: 5, wouldCollaborateAgain: true } }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'ratings.byUser': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'ratings.stats': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'reports.create': {
    match: 'accepted',
    // Each role reports the dancer across the match; the outsider is not in that match.
    request: (w, role) => ({
      body: {
        reportedUserId: role === 'participant' || role === 'outsider' ? w.b.id : w.a.id,
        matchId: w.matchId,
        reason: 'no_show',
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'reports.list': { request: none, expect: signedIn(200) },
  'reports.get': {
    // The report was filed by the participant (A) about B; only A may read it.
    request: (w) => ({ params: { id: w.reportId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 404 },
  },
  'system.health': { request: none, expect: same(200) },
  'system.ready': { request: none, expect: same(200) },
  'webrtc.iceServers': { request: none, expect: signedIn(200) },
  'transfers.telemetry': {
    match: 'accepted',
    request: (w) => ({
      body: {
        matchId: w.matchId,
        // A transfer of its own per request: each one is reported once.
        transferId: randomUUID(),
        role: 'receiver',
        outcome: 'completed',
        fileCount: 1,
        totalBytes: 1000,
        bytesTransferred: 1000,
        bytesResent: 0,
        durationMs: 100,
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'transfers.stats': { request: none, expect: signedIn(200) },
};

let counter = 0;
function freshRegistration() {
  counter++;
  const id = `${Date.now().toString(36)}m${counter}`;
  return {
    email: `matrix.${id}@example.test`,
    username: `matrix_${id}`,
    password: `matrix password ${id}`,
  };
}

let t: TestServer;
beforeAll(async () => {
  // Each row registers a dozen users: far more than one venue IP may create in an hour.
  t = await startTestServer({ REGISTER_MAX_PER_IP_PER_HOUR: '100000' });
});
afterAll(() => t.close());

async function buildWorld(row: Row): Promise<World> {
  const [a, b, outsider] = [await t.registerUser(), await t.registerUser(), await t.registerUser()];
  const { id: eventId } = await t.createEvent();
  for (const user of [a, b])
    await t.call(api.events.join, { params: { id: eventId } }, { token: user.token });
  let matchId = 0;
  let reportId = 0;
  if (row.match) {
    const created = await t.call(
      api.matches.create,
      { body: { targetUserId: b.id, eventId } },
      { token: a.token },
    );
    matchId = created.body.id;
    if (row.match !== 'pending') {
      await t.call(
        api.matches.update,
        { params: { id: matchId }, body: { status: 'accepted' } },
        { token: b.token },
      );
    }
    if (row.match === 'completed') {
      await t.call(
        api.matches.update,
        { params: { id: matchId }, body: { status: 'completed' } },
        { token: a.token },
      );
    }
  }
  const report = await t.call(
    api.reports.create,
    { body: { reportedUserId: b.id, reason: 'spam' } },
    { token: a.token },
  );
  reportId = report.body.id;
  return { a, b, outsider, eventId, matchId, reportId };
}

describe('the authorisation matrix', () => {
  it('has a row for every endpoint of the contract, and no row for one that does not exist', () => {
    const ids = allEndpoints()
      .map(([id]) => id)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(ids);
  });

  for (const [id, def] of allEndpoints()) {
    const row = MATRIX[id];
    if (!row) continue;
    it(`${id}: ${ROLES.map((role) => `${role} ${row.expect[role]}`).join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const role of ROLES) {
        // Fresh state per role, so that one role's success does not change the next one's.
        const world = await buildWorld(row);
        const token = role === 'anonymous' ? undefined : userOf(world, role).token;
        const res = await t.call(def, row.request(world, role) as RequestOf<EndpointDef>, {
          token,
        });
        outcomes[role] = res.status;
      }
      expect(outcomes).toEqual(row.expect);
    });
  }
});

/**
 * The same for every client → server socket event. `refused` means the handshake itself was
 * refused (anonymous sockets never get in); otherwise the outcome is `ok` or the ack's error
 * code. The match is A→B (A the participant who acts, B the other participant).
 */
type SocketOutcome = 'refused' | 'ok' | ErrorCode;

interface SocketRow {
  match: 'pending' | 'accepted';
  payload(world: SocketWorld, role: Role): unknown;
  expect: Record<Role, SocketOutcome>;
}

interface SocketWorld {
  a: TestUser;
  b: TestUser;
  outsider: TestUser;
  eventId: number;
  matchId: number;
}

const socketRows = (
  outsider: SocketOutcome,
  participant: SocketOutcome = 'ok',
  other: SocketOutcome = participant,
): Record<Role, SocketOutcome> => ({ anonymous: 'refused', outsider, participant, other });

const SOCKET_MATRIX: Record<ClientEventName, SocketRow> = {
  join_event_room: {
    match: 'accepted',
    payload: (w) => ({ eventId: w.eventId }),
    expect: socketRows('not_participant'),
  },
  leave_event_room: {
    match: 'accepted',
    payload: (w) => ({ eventId: w.eventId }),
    expect: socketRows('ok'),
  },
  send_event_message: {
    match: 'accepted',
    payload: (w) => ({ eventId: w.eventId, content: 'hello floor', clientId: randomUUID() }),
    expect: socketRows('not_participant'),
  },
  join_private_room: {
    match: 'accepted',
    payload: (w) => ({ matchId: w.matchId }),
    expect: socketRows('not_found'),
  },
  leave_private_room: {
    match: 'accepted',
    payload: (w) => ({ matchId: w.matchId }),
    expect: socketRows('ok'),
  },
  send_private_message: {
    match: 'accepted',
    payload: (w) => ({
      matchId: w.matchId,
      content: 'see you at the heat',
      clientId: randomUUID(),
    }),
    expect: socketRows('not_found'),
  },
  send_match_request: {
    match: 'accepted',
    // A and B already have their match at this event: each asks the outsider instead, who has
    // not joined; the outsider asks A.
    payload: (w, role) => ({
      targetUserId: role === 'outsider' ? w.a.id : w.outsider.id,
      eventId: w.eventId,
    }),
    expect: socketRows('not_participant', 'not_participant'),
  },
  accept_match_request: {
    match: 'pending',
    payload: (w) => ({ matchId: w.matchId }),
    expect: socketRows('not_found', 'forbidden', 'ok'),
  },
  reject_match_request: {
    match: 'pending',
    payload: (w) => ({ matchId: w.matchId }),
    expect: socketRows('not_found', 'forbidden', 'ok'),
  },
  cancel_match_request: {
    match: 'pending',
    payload: (w) => ({ matchId: w.matchId }),
    expect: socketRows('not_found', 'ok', 'forbidden'),
  },
  webrtc_offer: {
    match: 'accepted',
    payload: (w) => ({ matchId: w.matchId, offer: { type: 'offer', sdp: 'v=0\r\n' } }),
    expect: socketRows('not_found'),
  },
  webrtc_answer: {
    match: 'accepted',
    payload: (w) => ({ matchId: w.matchId, answer: { type: 'answer', sdp: 'v=0\r\n' } }),
    expect: socketRows('not_found'),
  },
  webrtc_ice_candidate: {
    match: 'accepted',
    payload: (w) => ({
      matchId: w.matchId,
      candidate: {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
    }),
    expect: socketRows('not_found'),
  },
};

async function buildSocketWorld(row: SocketRow): Promise<SocketWorld> {
  const { event, requester, target, match } = await matchAt(t, row.match);
  const outsider = await t.registerUser();
  return { a: requester, b: target, outsider, eventId: event.id, matchId: match.id };
}

describe('the socket authorisation matrix', () => {
  it('has a row for every client event of the contract', () => {
    expect(Object.keys(SOCKET_MATRIX).sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
  });

  it('refuses every anonymous handshake', async () => {
    const refused = await refusal(t.url);
    expect(refused.data?.code).toBe('unauthorized');
  });

  for (const event of CLIENT_EVENT_NAMES) {
    const row = SOCKET_MATRIX[event];
    it(`${event}: ${ROLES.map((role) => `${role} ${row.expect[role]}`).join(', ')}`, async () => {
      const outcomes: Record<string, SocketOutcome> = { anonymous: 'refused' };
      for (const role of ROLES.filter((r) => r !== 'anonymous')) {
        const world = await buildSocketWorld(row);
        const user = userOf(world as unknown as World, role);
        const socket = await connectSocket(t.url, { token: user.token });
        try {
          // Signaling goes to the partner in the private room, so both sides open it first.
          if (event.startsWith('webrtc_') && role !== 'outsider') {
            await rawEmit(socket, 'join_private_room', { matchId: world.matchId });
          }
          const ack = (await rawEmit(socket, event, row.payload(world, role))) as Ack<unknown>;
          outcomes[role] = ack.ok ? 'ok' : ack.error.code;
        } finally {
          socket.close();
        }
      }
      expect(outcomes).toEqual(row.expect);
    });
  }
});
