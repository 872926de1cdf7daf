import { api } from '@spotlight/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../harness';
import {
  collect,
  dancersAt,
  disconnection,
  emitAck,
  errorCode,
  nextEvent,
  ok,
  rawEmit,
  useSocketServer,
  WAIT_MS,
} from '../socket-harness';

let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
const answer = { type: 'answer' as const, sdp: 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n' };
const candidate = {
  candidate: 'candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

/** Ana and Ben in an accepted match with a socket each in its private room; Cleo beside them. */
async function scene(accept = true) {
  const { eventId, users } = await dancersAt(t, 3);
  const [ana, ben, cleo] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
  const { match } = await ok(
    emitAck(await connect(ana.token), 'send_match_request', { targetUserId: ben.id, eventId }),
  );
  const matchId = match.id;
  const [anaSocket, benSocket, cleoSocket] = [
    await connect(ana.token),
    await connect(ben.token),
    await connect(cleo.token),
  ];
  if (accept) await ok(emitAck(benSocket, 'accept_match_request', { matchId }));
  await ok(emitAck(anaSocket, 'join_private_room', { matchId }));
  await ok(emitAck(benSocket, 'join_private_room', { matchId }));
  return { eventId, matchId, ana, ben, cleo, anaSocket, benSocket, cleoSocket };
}

describe('signaling', () => {
  it('relays offer, answer and ICE candidates to the partner only', async () => {
    const { matchId, ana, ben, anaSocket, benSocket, cleoSocket } = await scene();
    const anaTab = await connect(ana.token);
    await ok(emitAck(anaTab, 'join_private_room', { matchId }));
    const atSenderTab = collect(anaTab, 'webrtc_offer');
    const atSender = collect(anaSocket, 'webrtc_offer');
    const atCleo = collect(cleoSocket, 'webrtc_offer');

    const gotOffer = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }));
    expect(await gotOffer).toEqual({ matchId, fromUserId: ana.id, offer });

    const gotAnswer = nextEvent(anaSocket, 'webrtc_answer');
    const gotAnswerTab = nextEvent(anaTab, 'webrtc_answer');
    await ok(emitAck(benSocket, 'webrtc_answer', { matchId, answer }));
    expect(await gotAnswer).toEqual({ matchId, fromUserId: ben.id, answer });
    expect(await gotAnswerTab).toEqual({ matchId, fromUserId: ben.id, answer });

    const gotCandidate = nextEvent(benSocket, 'webrtc_ice_candidate');
    await ok(emitAck(anaSocket, 'webrtc_ice_candidate', { matchId, candidate }));
    expect(await gotCandidate).toEqual({ matchId, fromUserId: ana.id, candidate });
    const endOfCandidates = nextEvent(benSocket, 'webrtc_ice_candidate');
    await ok(emitAck(anaSocket, 'webrtc_ice_candidate', { matchId, candidate: null }));
    expect((await endOfCandidates).candidate).toBeNull();

    // The answer reached the sender's sockets after the offer would have: nothing came back.
    expect(atSender).toEqual([]);
    expect(atSenderTab).toEqual([]);
    expect(atCleo).toEqual([]);
  });

  it('relays a burst of signals in the order they were sent', async () => {
    const { matchId, anaSocket, benSocket } = await scene();
    const order: string[] = [];
    benSocket.onAny((event: string, payload: { candidate?: { sdpMLineIndex: number } | null }) => {
      if (event === 'webrtc_offer') order.push('offer');
      if (event === 'webrtc_ice_candidate')
        order.push(`c${payload.candidate?.sdpMLineIndex ?? 'end'}`);
    });
    // Sent without waiting for acknowledgements, as a browser does while ICE gathers: each
    // relay checks the match in the database, and no check may let a later signal overtake.
    const sent = [
      emitAck(anaSocket, 'webrtc_offer', { matchId, offer }),
      ...Array.from({ length: 12 }, (_, i) =>
        emitAck(anaSocket, 'webrtc_ice_candidate', {
          matchId,
          candidate: { ...candidate, sdpMLineIndex: i },
        }),
      ),
      emitAck(anaSocket, 'webrtc_ice_candidate', { matchId, candidate: null }),
    ];
    await Promise.all(sent.map(ok));
    await vi.waitFor(() => expect(order).toHaveLength(14), { timeout: WAIT_MS });
    expect(order).toEqual(['offer', ...Array.from({ length: 12 }, (_, i) => `c${i}`), 'cend']);
  });

  it('refuses a signal to a match one is not in, and delivers nothing', async () => {
    const { matchId, ana, anaSocket, benSocket, cleoSocket } = await scene();
    const atBen = collect(benSocket, 'webrtc_offer');
    const atAna = collect(anaSocket, 'webrtc_offer');
    for (const event of ['webrtc_offer', 'webrtc_answer', 'webrtc_ice_candidate'] as const) {
      const payload =
        event === 'webrtc_offer'
          ? { matchId, offer }
          : event === 'webrtc_answer'
            ? { matchId, answer }
            : { matchId, candidate };
      expect(await errorCode(rawEmit(cleoSocket, event, payload))).toBe('not_found');
    }
    // A genuine offer afterwards is the first thing Ben gets: Cleo's never reached him.
    const genuine = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }));
    expect(await genuine).toMatchObject({ fromUserId: ana.id });
    expect(atBen).toEqual([{ matchId, fromUserId: ana.id, offer }]);
    expect(atAna).toEqual([]);
  });

  it('refuses signaling before the match is accepted', async () => {
    const { matchId, anaSocket } = await scene(false);
    expect(await errorCode(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }))).toBe(
      'forbidden',
    );
  });

  it('keeps relaying once the match is completed, so a running transfer can reconnect', async () => {
    const { matchId, ana, ben, anaSocket, benSocket } = await scene();
    const done = await t.call(
      api.matches.update,
      { params: { id: matchId }, body: { status: 'completed' } },
      { token: ana.token },
    );
    expect(done.status).toBe(200);
    const gotOffer = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }));
    expect(await gotOffer).toEqual({ matchId, fromUserId: ana.id, offer });
    expect(ben.id).not.toBe(ana.id);
  });

  it('reaches only partner sockets that joined the private room', async () => {
    const { matchId, ben, anaSocket, benSocket } = await scene();
    const benElsewhere = await connect(ben.token);
    const atElsewhere = collect(benElsewhere, 'webrtc_offer');
    const atRoom = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }));
    await atRoom;
    // Any event for benElsewhere sent now arrives after that offer would have.
    await ok(emitAck(benElsewhere, 'leave_private_room', { matchId }));
    expect(atElsewhere).toEqual([]);
  });

  it('bounds payload sizes', async () => {
    const { matchId, anaSocket } = await scene();
    const huge = { type: 'offer', sdp: 'x'.repeat(40 * 1024) };
    expect(await errorCode(rawEmit(anaSocket, 'webrtc_offer', { matchId, offer: huge }))).toBe(
      'validation_error',
    );
    const longCandidate = { ...candidate, candidate: 'c'.repeat(2000) };
    expect(
      await errorCode(
        rawEmit(anaSocket, 'webrtc_ice_candidate', { matchId, candidate: longCandidate }),
      ),
    ).toBe('validation_error');
    expect(
      await errorCode(
        rawEmit(anaSocket, 'webrtc_offer', { matchId, offer: { type: 'answer', sdp: 'x' } }),
      ),
    ).toBe('validation_error');
  });

  it('closes a connection that sends a packet beyond the transport limit; others carry on', async () => {
    const { matchId, ana, anaSocket, benSocket } = await scene();
    const closed = disconnection(anaSocket);
    (anaSocket as unknown as { emit(e: string, p: unknown): void }).emit('webrtc_offer', {
      matchId,
      offer: { type: 'offer', sdp: 'x'.repeat(200 * 1024) },
    });
    expect(await closed).toBe('transport close');
    const again = await connect(ana.token);
    await ok(emitAck(again, 'join_private_room', { matchId }));
    const got = nextEvent(benSocket, 'webrtc_offer');
    await ok(emitAck(again, 'webrtc_offer', { matchId, offer }));
    expect((await got).fromUserId).toBe(ana.id);
  });
});
