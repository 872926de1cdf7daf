/**
 * Announcements: an event's organisers (and admins) tell every dancer; the dancers in the event
 * room hear it at once and read the standing ones later; nobody else posts or reads them.
 */
import { ANNOUNCEMENT_MAX, api } from '@spotlight/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../harness';
import { expectError } from '../helpers';
import { dancersAt, emitAck, nextEvent, ok, useSocketServer } from '../socket-harness';

let t: TestServer;
const connect = useSocketServer({}, (server) => (t = server));

let eventId: number;
let organiser: TestUser;
let dancer: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  ({
    eventId,
    users: [organiser, dancer],
  } = (await dancersAt(t, 2)) as { eventId: number; users: [TestUser, TestUser] });
  outsider = await t.registerUser();
  await t.server.services.roles.addOrganiser(eventId, organiser!.id, null);
});

const post = (user: TestUser, content: string) =>
  t.call(
    api.announcements.post,
    { params: { id: eventId }, body: { content } },
    { token: user.token },
  );
const list = (user: TestUser) =>
  t.call(api.announcements.list, { params: { id: eventId } }, { token: user.token });

describe('announcements', () => {
  it('an organiser tells the room; dancers hear it live and read it later', async () => {
    const socket = await connect(dancer.token);
    await ok(emitAck(socket, 'join_event_room', { eventId }));
    const heard = nextEvent(socket, 'announcement');

    const posted = await post(organiser, '  Heat 12 moves to the small ballroom  ');
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      eventId,
      content: 'Heat 12 moves to the small ballroom',
      author: { id: organiser.id },
    });
    expect(await heard).toEqual({ eventId, announcement: posted.body, removed: false });
    expect((await list(dancer)).body.items).toEqual([posted.body]);

    const withdrawn = nextEvent(socket, 'announcement', (p) => p.removed);
    const removed = await t.call(
      api.announcements.remove,
      { params: { id: eventId, announcementId: posted.body.id } },
      { token: organiser.token },
    );
    expect(removed.body.items).toEqual([]);
    expect((await withdrawn).announcement.id).toBe(posted.body.id);
    expectError(
      await t.call(
        api.announcements.remove,
        { params: { id: eventId, announcementId: posted.body.id } },
        { token: organiser.token },
      ),
      404,
      'not_found',
    );
  });

  it('only organisers post; only participants and organisers read', async () => {
    expectError(await post(dancer, 'I run this now'), 403, 'forbidden');
    expectError(await list(outsider), 403, 'not_participant');
    expectError(await post(organiser, 'x'.repeat(ANNOUNCEMENT_MAX + 1)), 400, 'validation_error');
    expectError(await post(organiser, '   '), 400, 'validation_error');
    expectError(
      await t.call(
        api.announcements.post,
        { params: { id: 9_999_999 }, body: { content: 'Hello' } },
        { token: organiser.token },
      ),
      404,
      'not_found',
    );
  });
});
