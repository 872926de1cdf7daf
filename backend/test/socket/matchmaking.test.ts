import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../harness';
import { dancersAt, emitAck, errorCode, nextEvent, ok, useSocketServer } from '../socket-harness';

let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

async function pair() {
  const { eventId, users } = await dancersAt(t, 2);
  const [ana, ben] = users as [(typeof users)[0], (typeof users)[0]];
  return { eventId, ana, ben };
}

describe('send_match_request', () => {
  it('creates a pending match and tells the target on every device', async () => {
    const { eventId, ana, ben } = await pair();
    const anaSocket = await connect(ana.token);
    const [benPhone, benLaptop] = [await connect(ben.token), await connect(ben.token)];
    const received = [benPhone, benLaptop].map((s) => nextEvent(s, 'match_request_received'));

    const { match } = await ok(
      emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId }),
    );
    expect(match).toMatchObject({ status: 'pending', role: 'requester', roomId: null });
    expect(match.partner.id).toBe(ben.id);

    for (const notice of await Promise.all(received)) {
      expect(notice).toMatchObject({ matchId: match.id, eventId });
      expect(notice.fromUser).toMatchObject({ id: ana.id, username: ana.username });
      expect(notice.fromUser).not.toHaveProperty('email');
      expect(notice.match).toMatchObject({ id: match.id, role: 'target', status: 'pending' });
    }
  });

  it('applies the rules: not oneself, both in the event, once per pair and event', async () => {
    const { eventId, ana, ben } = await pair();
    const stranger = await t.registerUser();
    const anaSocket = await connect(ana.token);
    expect(
      await errorCode(emitAck(anaSocket, 'send_match_request', { targetUserId: ana.id, eventId })),
    ).toBe('self_action');
    expect(
      await errorCode(
        emitAck(anaSocket, 'send_match_request', { targetUserId: stranger.id, eventId }),
      ),
    ).toBe('not_participant');
    await ok(emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId }));
    expect(
      await errorCode(emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId })),
    ).toBe('already_matched');
    const benSocket = await connect(ben.token);
    expect(
      await errorCode(emitAck(benSocket, 'send_match_request', { targetUserId: ana.id, eventId })),
    ).toBe('already_matched');
  });
});

describe('accept, reject, cancel', () => {
  it('accept (target only) tells both, with the partner’s public profile', async () => {
    const { eventId, ana, ben } = await pair();
    const [anaSocket, benSocket] = [await connect(ana.token), await connect(ben.token)];
    const { match } = await ok(
      emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId }),
    );
    expect(await errorCode(emitAck(anaSocket, 'accept_match_request', { matchId: match.id }))).toBe(
      'forbidden',
    );
    const atAna = nextEvent(anaSocket, 'match_accepted');
    const atBen = nextEvent(benSocket, 'match_accepted');
    const accepted = await ok(emitAck(benSocket, 'accept_match_request', { matchId: match.id }));
    expect(accepted.match).toMatchObject({ status: 'accepted', role: 'target' });
    expect(accepted.match.roomId).not.toBeNull();

    const [forAna, forBen] = await Promise.all([atAna, atBen]);
    expect(forAna.partner).toMatchObject({ id: ben.id, username: ben.username });
    expect(forAna.match).toMatchObject({ id: match.id, role: 'requester', status: 'accepted' });
    expect(forBen.partner).toMatchObject({ id: ana.id, username: ana.username });
    expect(forBen.partner).not.toHaveProperty('email');
    // The private room is open to both now.
    await ok(emitAck(anaSocket, 'send_private_message', { matchId: match.id, content: 'yay' }));
  });

  it('reject tells the requester; cancel tells the target', async () => {
    const { eventId, ana, ben } = await pair();
    const cleo = await t.registerUser();
    await t.call(api.events.join, { params: { id: eventId } }, { token: cleo.token });
    const [anaSocket, benSocket, cleoSocket] = await Promise.all(
      [ana, ben, cleo].map((u) => connect(u.token)),
    );

    const first = await ok(
      emitAck(anaSocket!, 'send_match_request', { targetUserId: ben.id, eventId }),
    );
    const rejected = nextEvent(anaSocket!, 'match_updated');
    await ok(emitAck(benSocket!, 'reject_match_request', { matchId: first.match.id }));
    expect(await rejected).toMatchObject({
      matchId: first.match.id,
      match: { status: 'rejected', role: 'requester' },
    });

    const second = await ok(
      emitAck(anaSocket!, 'send_match_request', { targetUserId: cleo.id, eventId }),
    );
    expect(
      await errorCode(emitAck(cleoSocket!, 'cancel_match_request', { matchId: second.match.id })),
    ).toBe('forbidden');
    const cancelled = nextEvent(cleoSocket!, 'match_updated');
    await ok(emitAck(anaSocket!, 'cancel_match_request', { matchId: second.match.id }));
    expect(await cancelled).toMatchObject({ match: { status: 'cancelled', role: 'target' } });
    expect(
      await errorCode(emitAck(cleoSocket!, 'accept_match_request', { matchId: second.match.id })),
    ).toBe('invalid_transition');
  });

  it('notifies the same way when the REST API makes the change', async () => {
    const { eventId, ana, ben } = await pair();
    const [anaSocket, benSocket] = [await connect(ana.token), await connect(ben.token)];
    const requested = nextEvent(benSocket, 'match_request_received');
    const created = await t.call(
      api.matches.create,
      { body: { targetUserId: ben.id, eventId } },
      { token: ana.token },
    );
    const matchId = created.body.id;
    expect((await requested).matchId).toBe(matchId);

    const accepted = nextEvent(anaSocket, 'match_accepted');
    await t.call(
      api.matches.update,
      { params: { id: matchId }, body: { status: 'accepted' } },
      { token: ben.token },
    );
    expect((await accepted).partner.id).toBe(ben.id);

    const completed = nextEvent(benSocket, 'match_updated');
    await t.call(
      api.matches.update,
      { params: { id: matchId }, body: { status: 'completed' } },
      { token: ana.token },
    );
    expect((await completed).match.status).toBe('completed');
  });

  it('hides a match from anyone else', async () => {
    const { eventId, ana, ben } = await pair();
    const outsider = await connect((await t.registerUser()).token);
    const anaSocket = await connect(ana.token);
    const { match } = await ok(
      emitAck(anaSocket, 'send_match_request', { targetUserId: ben.id, eventId }),
    );
    for (const event of [
      'accept_match_request',
      'reject_match_request',
      'cancel_match_request',
    ] as const) {
      expect(await errorCode(emitAck(outsider, event, { matchId: match.id }))).toBe('not_found');
    }
  });
});
