/** The participants count is live: a join or a leave is heard by everyone in the event's room. */
import { api } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../harness';
import { dancersAt, emitAck, nextEvent, ok, useSocketServer } from '../socket-harness';

let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

describe('participants_count', () => {
  it('tells the room the new count when a dancer joins or leaves, once per change', async () => {
    const {
      eventId,
      users: [watcher],
    } = await dancersAt(t, 1);
    const socket = await connect(watcher!.token);
    await ok(emitAck(socket, 'join_event_room', { eventId }));
    const newcomer = await t.registerUser();

    const joined = nextEvent(socket, 'participants_count');
    const join = await t.call(
      api.events.join,
      { params: { id: eventId } },
      { token: newcomer.token },
    );
    expect(join.status).toBe(200);
    expect(await joined).toEqual({ eventId, participantsCount: 2 });
    expect(join.body.event.participantsCount).toBe(2);

    // Joining again changes nothing and says nothing; leaving does.
    const left = nextEvent(socket, 'participants_count');
    await t.call(api.events.join, { params: { id: eventId } }, { token: newcomer.token });
    await t.call(api.events.leave, { params: { id: eventId } }, { token: newcomer.token });
    expect(await left).toEqual({ eventId, participantsCount: 1 });
  });
});
