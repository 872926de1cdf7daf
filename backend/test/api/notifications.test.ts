/**
 * When a dancer is told: every notification type reaches a subscribed device through the test
 * push service (VAPID checked, body decrypted), is stored in the notification centre, and is
 * not pushed while one of the user's clients says it is focused on that screen.
 */
import { api, type NotificationCheck, type PushPayload } from '@spotlight/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../harness';
import { eventWithDancers, moveMatch, requestMatch } from '../helpers';
import {
  closeAll,
  connectSocket,
  emitAck,
  nextEvent,
  ok,
  type ClientSocket,
} from '../socket-harness';
import { queuedPushes, subscribeDevice, usePushWorld } from '../support/push-world';

const world = usePushWorld();
const sockets: ClientSocket[] = [];
afterAll(() => closeAll(sockets));

/** A client of `user` that answers the server's "are you showing this?" with `showing`. */
async function client(user: TestUser, showing: (check: NotificationCheck) => boolean) {
  const socket = await connectSocket(world().t.url, { token: user.token });
  sockets.push(socket);
  const checks: NotificationCheck[] = [];
  socket.on('notification_check', (check, ack) => {
    checks.push(check);
    ack({ showing: showing(check) });
  });
  return { socket, checks };
}

async function acceptedMatch() {
  const { t } = world();
  const { event, users } = await eventWithDancers(t, 2);
  const [a, b] = users as [TestUser, TestUser];
  const match = await requestMatch(t, a, b, event.id);
  await moveMatch(t, b, match.id, 'accepted');
  return { a, b, eventId: event.id, matchId: match.id };
}

const sendMessage = async (user: TestUser, matchId: number, content: string) => {
  const socket = await connectSocket(world().t.url, { token: user.token });
  sockets.push(socket);
  await ok(emitAck(socket, 'send_private_message', { matchId, content }));
  return socket;
};

const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' };

describe('match requests and acceptances', () => {
  it('push the request to the target, and the acceptance to the requester', async () => {
    const { t, push } = world();
    const { event, users } = await eventWithDancers(t, 2);
    const [a, b] = users as [TestUser, TestUser];
    const [deviceA, deviceB] = [
      await subscribeDevice(world(), a),
      await subscribeDevice(world(), b),
    ];

    const match = await requestMatch(t, a, b, event.id);
    const request = await push.next(deviceB.id);
    expect(request.payload).toEqual<PushPayload>({
      type: 'match_request',
      title: `${a.username} asks you to be recording partners`,
      body: expect.any(String) as string,
      url: `/matches/${match.id}`,
      tag: `match-${match.id}`,
      matchId: match.id,
      eventId: event.id,
    });

    await moveMatch(t, b, match.id, 'accepted');
    const accepted = await push.next(deviceA.id);
    expect(accepted.payload).toMatchObject({
      type: 'match_accepted',
      title: `${b.username} accepted your request`,
      url: `/matches/${match.id}`,
      matchId: match.id,
    });

    const centre = await t.call(api.notifications.list, {}, { token: b.token });
    expect(centre.body.unread).toBe(1);
    expect(centre.body.items[0]).toMatchObject({
      type: 'match_request',
      matchId: match.id,
      readAt: null,
    });
  });

  it('are written in the recipient’s language', async () => {
    const { t, push } = world();
    const { event, users } = await eventWithDancers(t, 2);
    const [a, b] = users as [TestUser, TestUser];
    for (const [user, language] of [
      [a, 'de'],
      [b, 'pl'],
    ] as const) {
      await t.call(api.users.updateMe, { body: { language } }, { token: user.token });
    }
    const [deviceA, deviceB] = [
      await subscribeDevice(world(), a),
      await subscribeDevice(world(), b),
    ];
    const match = await requestMatch(t, a, b, event.id);
    expect((await push.next(deviceB.id)).payload.title).toBe(
      `${a.username} proponuje, żebyście się nagrywali`,
    );
    await moveMatch(t, b, match.id, 'accepted');
    expect((await push.next(deviceA.id)).payload).toMatchObject({
      title: `${b.username} hat deine Anfrage angenommen`,
      body: expect.stringMatching(/^Euer privater Chat für .+ ist offen$/) as string,
    });
    // The notification centre keeps the same words.
    const centre = await t.call(api.notifications.list, { query: {} }, { token: a.token });
    expect(centre.body.items[0]?.title).toBe(`${b.username} hat deine Anfrage angenommen`);
  });

  it('a focused client shows the request: stored and sent to the socket, not pushed', async () => {
    const { t } = world();
    const { event, users } = await eventWithDancers(t, 2);
    const [a, b] = users as [TestUser, TestUser];
    await subscribeDevice(world(), b);
    const { socket, checks } = await client(b, () => true);
    const heard = nextEvent(socket, 'notification');
    const match = await requestMatch(t, a, b, event.id);
    const { notification, unread } = await heard;
    expect(notification).toMatchObject({ type: 'match_request', matchId: match.id });
    expect(unread).toBe(1);
    expect(checks).toEqual([{ type: 'match_request', matchId: match.id, eventId: event.id }]);
    expect(await queuedPushes(t, `match-${match.id}`)).toBe(0);
  });
});

describe('private messages', () => {
  it('push unless the chat is open on a focused client; unread counts per chat until read', async () => {
    const { t, push } = world();
    const { a, b, matchId } = await acceptedMatch();
    const device = await subscribeDevice(world(), b);
    const tag = `chat-${matchId}`;

    await sendMessage(a, matchId, 'Ready to film heat 4?');
    const pushed = await push.next(device.id, (p) => p.payload.type === 'private_message');
    expect(pushed.payload).toEqual<PushPayload>({
      type: 'private_message',
      title: `New message from ${a.username}`,
      body: 'Open the chat to read it',
      url: `/matches/${matchId}`,
      tag,
      matchId,
      eventId: expect.any(Number) as number,
    });
    // The message itself is not in the push.
    expect(JSON.stringify(pushed.payload)).not.toContain('heat 4');

    // B opens the chat on a focused phone: the next message is not pushed.
    let inChat = true;
    const { checks } = await client(b, (check) => inChat && check.matchId === matchId);
    await sendMessage(a, matchId, 'I am at the door');
    await expect.poll(() => checks.length).toBe(1);
    inChat = false;
    await sendMessage(a, matchId, 'Where are you?');
    await push.next(device.id, (p) => p.payload.tag === tag);
    expect(await queuedPushes(t, tag)).toBe(2);

    const unread = await t.call(api.notifications.unread, undefined, { token: b.token });
    expect(unread.body.chats).toEqual([{ matchId, unread: 3 }]);
    expect(unread.body.messages).toBe(3);
    const read = await t.call(
      api.notifications.matchRead,
      { params: { id: matchId }, body: {} },
      { token: b.token },
    );
    expect(read.body).toEqual({ matchId, unread: 0 });
    const after = await t.call(api.notifications.unread, undefined, { token: b.token });
    expect(after.body.chats).toEqual([]);
    // The chat's notification was marked read with it.
    const centre = await t.call(api.notifications.list, {}, { token: b.token });
    expect(centre.body.items.filter((n) => n.tag === tag).every((n) => n.readAt !== null)).toBe(
      true,
    );
  });

  it('a type turned off in the preferences is stored but not pushed', async () => {
    const { t } = world();
    const { a, b, matchId } = await acceptedMatch();
    await subscribeDevice(world(), b);
    const prefs = await t.call(
      api.notifications.updatePreferences,
      { body: { types: { private_message: false } } },
      { token: b.token },
    );
    expect(prefs.body.types).toMatchObject({ private_message: false, match_request: true });
    const { socket } = await client(b, () => false);
    const heard = nextEvent(
      socket,
      'notification',
      (p) => p.notification.type === 'private_message',
    );
    await sendMessage(a, matchId, 'Hello');
    await heard;
    expect(await queuedPushes(t, `chat-${matchId}`)).toBe(0);
  });
});

describe('video offers', () => {
  it('reach the partner anywhere: a push when no focused client shows the match chat', async () => {
    const { t, push } = world();
    const { a, b, matchId } = await acceptedMatch();
    const device = await subscribeDevice(world(), b);
    const sender = await connectSocket(t.url, { token: a.token });
    sockets.push(sender);
    await ok(emitAck(sender, 'webrtc_offer', { matchId, offer }));
    const pushed = await push.next(device.id, (p) => p.payload.type === 'video_offer');
    expect(pushed.payload).toMatchObject({
      type: 'video_offer',
      title: `${a.username} is sending you a video`,
      url: `/matches/${matchId}`,
      tag: `video-${matchId}`,
      matchId,
    });
  });

  it('are not pushed while the partner has that match chat open and focused', async () => {
    const { t } = world();
    const { a, b, matchId } = await acceptedMatch();
    await subscribeDevice(world(), b);
    const { checks } = await client(b, (check) => check.matchId === matchId);
    const sender = await connectSocket(t.url, { token: a.token });
    sockets.push(sender);
    await ok(emitAck(sender, 'webrtc_offer', { matchId, offer }));
    await expect.poll(() => checks.some((c) => c.type === 'video_offer')).toBe(true);
    const centre = await t.call(api.notifications.list, {}, { token: b.token });
    expect(centre.body.items.some((n) => n.type === 'video_offer')).toBe(false);
    expect(await queuedPushes(t, `video-${matchId}`)).toBe(0);
  });
});
