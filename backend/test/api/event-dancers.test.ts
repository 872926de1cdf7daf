/**
 * Finding a partner: GET /api/events/:id/participants lists every dancer who joined or checked
 * in, with role, division, rating, the online flag from the socket layer's presence and the
 * viewer's match with each; blocked dancers are left out both ways; only participants,
 * organisers and admins may list. A request to a dancer who is offline waits for them.
 */
import { api } from '@spotlight/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../harness';
import {
  expectError,
  expectNoSecrets,
  eventWithDancers,
  matchAt,
  moveMatch,
  requestMatch,
} from '../helpers';
import { disconnection, emitAck, ok, useSocketServer } from '../socket-harness';

const ADMIN_EMAIL = 'boss.event-dancers@example.test';

let t: TestServer;
// No grace period: a dancer whose last socket closed is offline at once.
const connect = useSocketServer(
  { ADMIN_EMAILS: ADMIN_EMAIL, PRESENCE_GRACE_SECONDS: '0' },
  (server) => (t = server),
);

let admin: TestUser;
beforeAll(async () => {
  admin = await t.registerUser({ email: ADMIN_EMAIL });
});

const as = (user: TestUser) => ({ token: user.token });
const list = (viewer: TestUser, id: number, query: { page?: number; limit?: number } = {}) =>
  t.call(api.events.participants, { params: { id }, query }, as(viewer));
const idsSeenBy = async (viewer: TestUser, id: number) =>
  (await list(viewer, id, { limit: 50 })).body.items.map((p) => p.id);

/** Polls until the list as `viewer` shows `dancer` with `online`; presence is eventual. */
async function waitForOnline(viewer: TestUser, eventId: number, dancer: TestUser, online: boolean) {
  for (let i = 0; i < 50; i++) {
    const found = (await list(viewer, eventId, { limit: 50 })).body.items.find(
      (p) => p.id === dancer.id,
    );
    if (found?.online === online) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${dancer.username} never became ${online ? 'online' : 'offline'}`);
}

describe('GET /api/events/:id/participants', () => {
  it('lists each dancer with role, division, rating, check-in and the viewer’s match', async () => {
    // A completed, rated match at another event gives the target a rating.
    const rated = await matchAt(t, 'completed');
    const rating = await t.call(
      api.ratings.create,
      { body: { matchId: rated.match.id, score: 4, wouldCollaborateAgain: true } },
      as(rated.requester),
    );
    expect(rating.status).toBe(201);
    await t.call(
      api.ratings.create,
      { body: { matchId: rated.match.id, score: 5 } },
      as(rated.target),
    );

    const { event, users } = await eventWithDancers(t, 2);
    const [viewer, plain] = users as [TestUser, TestUser];
    const star = rated.target;
    await t.call(
      api.users.updateMe,
      { body: { danceRole: 'follower', division: 'intermediate', displayName: 'Star' } },
      as(star),
    );
    // The star checks in at the door, which joins them too.
    const code = await t.call(api.eventAdmin.checkInCode, { params: { id: event.id } }, as(admin));
    const checkedIn = await t.call(
      api.eventAdmin.checkIn,
      { params: { id: event.id }, body: { token: code.body.token } },
      as(star),
    );
    expect(checkedIn.status).toBe(200);
    const match = await requestMatch(t, viewer, plain, event.id);

    const res = await list(viewer, event.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(res.body.items).toEqual([
      {
        id: star.id,
        username: star.username,
        displayName: 'Star',
        avatar: null,
        country: null,
        joinedAt: expect.any(String),
        checkedInAt: checkedIn.body.checkedInAt,
        danceRole: 'follower',
        division: 'intermediate',
        rating: { average: 4, count: 1 },
        online: false,
        match: null,
      },
      {
        id: plain.id,
        username: plain.username,
        displayName: null,
        avatar: null,
        country: null,
        joinedAt: expect.any(String),
        checkedInAt: null,
        danceRole: null,
        division: null,
        rating: { average: null, count: 0 },
        online: false,
        match: { id: match.id, status: 'pending', role: 'requester' },
      },
      expect.objectContaining({ id: viewer.id, match: null }),
    ]);
    expectNoSecrets(res.body, [viewer.email, plain.email, star.email]);

    // The other side of the match sees it as the target; once accepted, as accepted.
    const asPlain = await list(plain, event.id);
    expect(asPlain.body.items.find((p) => p.id === viewer.id)?.match).toEqual({
      id: match.id,
      status: 'pending',
      role: 'target',
    });
    await moveMatch(t, plain, match.id, 'accepted');
    expect(
      (await list(viewer, event.id)).body.items.find((p) => p.id === plain.id)?.match,
    ).toMatchObject({ status: 'accepted' });
  });

  it('is online while the dancer has a socket in the event room, on a real connection', async () => {
    const { event, users } = await eventWithDancers(t, 2);
    const [viewer, dancer] = users as [TestUser, TestUser];
    expect((await waitForOnline(viewer, event.id, dancer, false)).online).toBe(false);

    const socket = await connect(dancer.token);
    // A connected socket alone is not "here": the dancer opens the event's chat.
    await ok(emitAck(socket, 'join_event_room', { eventId: event.id }));
    expect((await waitForOnline(viewer, event.id, dancer, true)).online).toBe(true);

    const gone = disconnection(socket);
    socket.close();
    await gone;
    expect((await waitForOnline(viewer, event.id, dancer, false)).online).toBe(false);
  });

  it('leaves out blocked dancers both ways, in the items and the total', async () => {
    const { event, users } = await eventWithDancers(t, 3);
    const [blocker, blocked, bystander] = users as [TestUser, TestUser, TestUser];
    const block = await t.call(api.blocks.block, { params: { id: blocked.id } }, as(blocker));
    expect(block.status).toBe(200);

    const seenByBlocker = await list(blocker, event.id);
    expect(seenByBlocker.body.total).toBe(2);
    expect(seenByBlocker.body.items.map((p) => p.id)).not.toContain(blocked.id);
    const seenByBlocked = await list(blocked, event.id);
    expect(seenByBlocked.body.total).toBe(2);
    expect(seenByBlocked.body.items.map((p) => p.id)).not.toContain(blocker.id);
    expect(await idsSeenBy(bystander, event.id)).toEqual(
      expect.arrayContaining([blocker.id, blocked.id]),
    );
  });

  it('is for participants, the event’s organisers and admins only, with stable codes', async () => {
    const { event, users } = await eventWithDancers(t, 1);
    const [dancer] = users as [TestUser];
    const outsider = await t.registerUser();
    const organiser = await t.registerUser();
    await t.server.services.roles.addOrganiser(event.id, organiser.id, admin.id);

    expectError(await list(outsider, event.id), 403, 'not_participant');
    for (const manager of [organiser, admin]) {
      const res = await list(manager, event.id);
      expect(res.status).toBe(200);
      expect(res.body.items.map((p) => p.id)).toEqual([dancer.id]);
    }
    expectError(await list(admin, 2_147_483_647), 404, 'not_found');
    expectError(
      await t.call(api.events.participants, { params: { id: event.id } }),
      401,
      'unauthorized',
    );
    // Leaving the event ends the access.
    await t.call(api.events.leave, { params: { id: event.id } }, as(dancer));
    expectError(await list(dancer, event.id), 403, 'not_participant');
  });

  it('pages newest first, with the total on every page', async () => {
    const { event, users } = await eventWithDancers(t, 5);
    const viewer = users[0]!;
    const newestFirst = [...users].reverse().map((u) => u.id);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await list(viewer, event.id, { page, limit: 2 });
      expect(res.body).toMatchObject({ total: 5, page, limit: 2 });
      pages.push(...res.body.items.map((p) => p.id));
    }
    expect(pages).toEqual(newestFirst);
    expect((await list(viewer, event.id, { page: 4, limit: 2 })).body.items).toEqual([]);
  });
});

describe('a request to a dancer who is offline', () => {
  it('waits for them: stored in their notification centre and matches, accepted later', async () => {
    const { event, users } = await eventWithDancers(t, 2);
    const [asker, sleeper] = users as [TestUser, TestUser];

    // The sleeper was in the chat, then closed the app.
    const socket = await connect(sleeper.token);
    await ok(emitAck(socket, 'join_event_room', { eventId: event.id }));
    await waitForOnline(asker, event.id, sleeper, true);
    const gone = disconnection(socket);
    socket.close();
    await gone;
    const found = await waitForOnline(asker, event.id, sleeper, false);
    expect(found.match).toBeNull();

    const match = await requestMatch(t, asker, sleeper, event.id);
    expect(
      (await list(asker, event.id)).body.items.find((p) => p.id === sleeper.id)?.match,
    ).toEqual({ id: match.id, status: 'pending', role: 'requester' });

    // Later, signed in again: the request is in the notification centre and the matches.
    const centre = await t.call(api.notifications.list, {}, as(sleeper));
    expect(centre.body.unread).toBe(1);
    expect(centre.body.items[0]).toMatchObject({
      type: 'match_request',
      matchId: match.id,
      eventId: event.id,
      readAt: null,
    });
    const pending = await t.call(
      api.matches.list,
      { query: { status: 'pending', eventId: event.id } },
      as(sleeper),
    );
    expect(pending.body.items.map((m) => [m.id, m.role])).toEqual([[match.id, 'target']]);
    await moveMatch(t, sleeper, match.id, 'accepted');
    expect(
      (await list(sleeper, event.id)).body.items.find((p) => p.id === asker.id)?.match,
    ).toEqual({ id: match.id, status: 'accepted', role: 'target' });
  });
});
