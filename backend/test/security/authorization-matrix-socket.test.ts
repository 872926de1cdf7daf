/**
 * The authorisation matrix of every client → server socket event, for the roles of the REST
 * matrix (authorization-matrix.rows.ts). `refused` means the handshake itself was
 * refused (anonymous sockets never get in); otherwise the outcome is `ok` or the ack's error
 * code. The match is A→B (A the participant who acts, B the other participant).
 */
import { randomUUID } from 'node:crypto';
import {
  CLIENT_EVENT_NAMES,
  type Ack,
  type ClientEventName,
  type ErrorCode,
} from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import { matchAt } from '../helpers';
import { connectSocket, rawEmit, refusal } from '../socket-harness';
import { ROLES, userOf, type Role } from './authorization-matrix.rows';

let t: TestServer;
// The rows register over a hundred users from one IP, near the ceiling of a venue's hour.
serveTestFile((server) => (t = server), { REGISTER_MAX_PER_IP_PER_HOUR: '100000' });

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
        const user = userOf(world, role);
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
