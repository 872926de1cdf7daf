/**
 * The socket limits beside the chat rate: room joins per user, signaling bytes per match, and
 * open sockets per user (3 here, so that the test stays small).
 */
import { SDP_MAX } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../harness';
import {
  closeAll,
  collect,
  connectSocket,
  dancersAt,
  disconnection,
  emitAck,
  matchBetween,
  ok,
  openSocket,
  refusal,
  useSocketServer,
  type ClientSocket,
} from '../socket-harness';
import { SIGNALING_BYTES_PER_MATCH_PER_MINUTE } from '../../src/limits';

const SOCKETS_MAX = 3;
let t: TestServer;
const connect = useSocketServer(
  { SOCKETS_PER_USER_MAX: String(SOCKETS_MAX) },
  (server) => (t = server),
);

/** Expects every refused ack of `acks` to be `rate_limited` with a retryAfter, and some to be. */
function expectSomeRateLimited(acks: { ok: boolean; error?: unknown }[]) {
  const refused = acks.filter((ack) => !ack.ok);
  expect(refused.length).toBeGreaterThan(0);
  for (const ack of refused) {
    expect(ack.error).toMatchObject({
      code: 'rate_limited',
      details: { retryAfter: expect.any(Number) },
    });
  }
  return refused.length;
}

describe('room joins', () => {
  it('are limited per user across their sockets, and not their neighbours', async () => {
    const { eventId, users } = await dancersAt(t, 2);
    const [ana, ben] = users as [TestUser, TestUser];
    const [phone, laptop, neighbour] = [
      await connect(ana.token),
      await connect(ana.token),
      await connect(ben.token),
    ];
    const matchId = await matchBetween(t, ben, ana, eventId);
    // 60 at once, from two sockets: twice the 30 a user may make in 10 s.
    const acks = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        emitAck(i % 2 ? phone : laptop, 'join_event_room', { eventId }),
      ),
    );
    expect(expectSomeRateLimited(acks)).toBeGreaterThanOrEqual(30);
    expectSomeRateLimited([await emitAck(phone, 'join_private_room', { matchId })]);
    await ok(emitAck(neighbour, 'join_event_room', { eventId }));
    await ok(emitAck(neighbour, 'join_private_room', { matchId }));
  });
});

describe('signaling volume', () => {
  const bigOffer = { type: 'offer' as const, sdp: 'a'.repeat(SDP_MAX) };
  // More than the budget in the largest offers the schema allows.
  const flood = Math.ceil(SIGNALING_BYTES_PER_MATCH_PER_MINUTE / SDP_MAX) + 4;

  it('is limited per match, counts only what participants send, and spares other matches', async () => {
    const { eventId, users } = await dancersAt(t, 4);
    const [ana, ben, cleo, dan] = users as [TestUser, TestUser, TestUser, TestUser];
    const matchId = await matchBetween(t, ana, ben, eventId);
    const otherMatch = await matchBetween(t, cleo, dan, eventId);
    const [anaSocket, benSocket, cleoSocket, danSocket] = await Promise.all(
      [ana, ben, cleo, dan].map((user) => connect(user.token)),
    );
    await ok(emitAck(benSocket!, 'join_private_room', { matchId }));
    await ok(emitAck(danSocket!, 'join_private_room', { matchId: otherMatch }));
    const atBen = collect(benSocket!, 'webrtc_offer');

    // Cleo is no participant: her flood is refused and spends nothing of the match's budget.
    for (let i = 0; i < flood; i++) {
      const ack = await emitAck(cleoSocket!, 'webrtc_offer', { matchId, offer: bigOffer });
      expect(ack.ok ? 'ok' : ack.error.code).toBe('not_found');
    }
    const acks = [];
    for (let i = 0; i < flood; i++) {
      acks.push(await emitAck(anaSocket!, 'webrtc_offer', { matchId, offer: bigOffer }));
    }
    const relayed = acks.filter((ack) => ack.ok).length;
    expect(relayed).toBeGreaterThan(flood / 2);
    expectSomeRateLimited(acks);
    // Ben's socket, too, is refused now: the budget is the match's, whoever sends. His ack
    // comes after every offer relayed to him, on the same connection.
    expectSomeRateLimited([
      await emitAck(benSocket!, 'webrtc_answer', {
        matchId,
        answer: { type: 'answer', sdp: 'v=0\r\n' },
      }),
    ]);
    await ok(emitAck(cleoSocket!, 'webrtc_offer', { matchId: otherMatch, offer: bigOffer }));
    expect(atBen).toHaveLength(relayed);
  });
});

describe('sockets per user', () => {
  it(`lets ${SOCKETS_MAX} in at once, refuses the rest with too_many_sockets, and frees a slot on close`, async () => {
    const { users } = await dancersAt(t, 2);
    const [ana, ben] = users as [TestUser, TestUser];
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () => connectSocket(t.url, { token: ana.token })),
    );
    const opened = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = attempts.flatMap((a) =>
      a.status === 'rejected' ? [(a.reason as { data?: { code: string } }).data?.code] : [],
    );
    try {
      expect(opened).toHaveLength(SOCKETS_MAX);
      expect(refused).toEqual(Array(12 - SOCKETS_MAX).fill('too_many_sockets'));
      expect((await refusal(t.url, { token: ana.token })).data?.code).toBe('too_many_sockets');
      // Ben is someone else.
      await connect(ben.token);

      const closed = disconnection(opened[0]!);
      opened[0]!.close();
      await closed;
      let replacement: ClientSocket | undefined;
      // The server frees the slot when it sees the close; the client may get there first.
      for (let i = 0; i < 100 && !replacement; i++) {
        replacement = await connectSocket(t.url, { token: ana.token }).catch(() => undefined);
      }
      expect(replacement).toBeDefined();
      opened.push(replacement!);
      expect((await refusal(t.url, { token: ana.token })).data?.code).toBe('too_many_sockets');
    } finally {
      closeAll(opened);
    }
  });

  it('frees the slots of handshakes whose client left before they finished', async () => {
    const { users } = await dancersAt(t, 1);
    const token = users[0]!.token;
    for (let i = 0; i < 100; i++) {
      // Gone soon after asking to connect: a few while the server still checks the session (a
      // race, so this catches a leak in most runs, not all).
      const leaving = openSocket(t.url, { token });
      leaving.io.on('open', () => setTimeout(() => leaving.io.engine.close(), i % 25));
    }
    // Once the server has seen those closes, the user has every slot back.
    let opened: ClientSocket[] = [];
    for (let i = 0; i < 100 && opened.length < SOCKETS_MAX; i++) {
      closeAll(opened);
      const attempts = await Promise.allSettled(
        Array.from({ length: SOCKETS_MAX }, () => connectSocket(t.url, { token })),
      );
      opened = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    }
    try {
      expect(opened).toHaveLength(SOCKETS_MAX);
    } finally {
      closeAll(opened);
    }
  });
});
