/**
 * Blocking: the blocked dancer can no longer send the blocker a match request, a private
 * message or a video offer (`blocked`, whoever blocked whom), their event-chat messages are
 * hidden from the blocker live and in the history, and an open match between them is closed.
 */
import { api } from '@spotlight/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { expectError, moveMatch } from '../helpers';

let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

let eventId: number;
let ana: TestUser;
let cleo: TestUser;
beforeAll(async () => {
  const at = await dancersAt(t, 2);
  eventId = at.eventId;
  [ana, cleo] = at.users as [TestUser, TestUser];
});

const block = (by: TestUser, target: TestUser) =>
  t.call(api.blocks.block, { params: { id: target.id } }, { token: by.token });

describe('blocking', () => {
  it('lists, blocks twice harmlessly, unblocks; never oneself or nobody', async () => {
    const dancers = await dancersAt(t, 2);
    const [one, two] = dancers.users as [TestUser, TestUser];
    expect((await block(one, two)).body.items.map((u) => u.id)).toEqual([two.id]);
    expect((await block(one, two)).body.items).toHaveLength(1);
    const listed = await t.call(api.blocks.list, {}, { token: one.token });
    expect(listed.body.items[0]).toMatchObject({ id: two.id, username: two.username });
    const unblocked = await t.call(
      api.blocks.unblock,
      { params: { id: two.id } },
      { token: one.token },
    );
    expect(unblocked.body.items).toEqual([]);
    expectError(await block(one, one), 400, 'self_action');
    expectError(
      await t.call(api.blocks.block, { params: { id: 9_999_999 } }, { token: one.token }),
      404,
      'not_found',
    );
  });

  it('closes the open match, and refuses requests, messages and offers both ways', async () => {
    const matchId = await matchBetween(t, cleo, ana, eventId);
    const cleoSocket = await connect(cleo.token);
    const anaSocket = await connect(ana.token);
    const told = nextEvent(cleoSocket, 'match_updated', (p) => p.match.status === 'cancelled');
    await block(ana, cleo);
    expect((await told).match.id).toBe(matchId);

    for (const [from, to] of [
      [cleo, ana],
      [ana, cleo],
    ] as const) {
      const refused = await t.call(
        api.matches.create,
        { body: { targetUserId: to.id, eventId } },
        { token: from.token },
      );
      expectError(refused, 403, 'blocked');
      expect(refused.body.error?.message).toBe('You cannot reach this dancer');
    }
    expect(
      await errorCode(emitAck(cleoSocket, 'send_private_message', { matchId, content: 'hey' })),
    ).toBe('blocked');
    const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
    expect(await errorCode(emitAck(cleoSocket, 'webrtc_offer', { matchId, offer }))).toBe(
      'blocked',
    );
    expect(await errorCode(emitAck(anaSocket, 'webrtc_offer', { matchId, offer }))).toBe('blocked');
  });

  it('refuses private messages in a completed match too', async () => {
    const dancers = await dancersAt(t, 2);
    const [one, two] = dancers.users as [TestUser, TestUser];
    const matchId = await matchBetween(t, one, two, dancers.eventId);
    await moveMatch(t, one, matchId, 'completed');
    await block(two, one);
    const socket = await connect(one.token);
    expect(
      await errorCode(emitAck(socket, 'send_private_message', { matchId, content: 'thanks!' })),
    ).toBe('blocked');
  });

  it("hides the blocked dancer's event messages from the blocker, live and in history", async () => {
    const dancers = await dancersAt(t, 3);
    const [blocker, blocked, bystander] = dancers.users as [TestUser, TestUser, TestUser];
    await block(blocker, blocked);
    const blockerSocket = await connect(blocker.token);
    const blockedSocket = await connect(blocked.token);
    const bystanderSocket = await connect(bystander.token);
    for (const socket of [blockerSocket, blockedSocket, bystanderSocket]) {
      await ok(emitAck(socket, 'join_event_room', { eventId: dancers.eventId }));
    }
    const atBlocker = collect(blockerSocket, 'event_message');
    const atBystander = nextEvent(bystanderSocket, 'event_message', (m) => m.content === 'hi all');
    const atBlocked = nextEvent(blockedSocket, 'event_message', (m) => m.content === 'after');
    await ok(
      emitAck(blockedSocket, 'send_event_message', { eventId: dancers.eventId, content: 'hi all' }),
    );
    await ok(
      emitAck(bystanderSocket, 'send_event_message', {
        eventId: dancers.eventId,
        content: 'after',
      }),
    );
    await Promise.all([atBystander, atBlocked]);
    // The bystander's later message reached the blocker; the blocked one's never did.
    await expect.poll(() => atBlocker.map((m) => m.content)).toEqual(['after']);

    const history = await t.call(
      api.chat.eventHistory,
      { params: { id: dancers.eventId }, query: {} },
      { token: blocker.token },
    );
    expect(history.body.items.map((m) => m.content)).toEqual(['after']);
    const theirs = await t.call(
      api.chat.eventHistory,
      { params: { id: dancers.eventId }, query: {} },
      { token: bystander.token },
    );
    expect(theirs.body.items.map((m) => m.content)).toEqual(['hi all', 'after']);
  });
});
