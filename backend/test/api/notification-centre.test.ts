/**
 * The notification centre and the notifications other modules send: announcements to an
 * event's dancers (except those who paused it), the heats module's recording assignments and
 * heat reminders, and the centre's pages and read state. (notifications.test.ts: matches,
 * messages and video offers.)
 */
import { api, type PushPayload } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../harness';
import { eventWithDancers } from '../helpers';
import { queuedPushes, subscribeDevice, usePushWorld } from '../support/push-world';

const world = usePushWorld();

describe('announcements', () => {
  it("reach the event's dancers, except those who paused the event", async () => {
    const { t, push } = world();
    const { event, users } = await eventWithDancers(t, 3);
    const [organiser, dancer, paused] = users as [TestUser, TestUser, TestUser];
    await t.server.services.roles.addOrganiser(event.id, organiser.id, null);
    const device = await subscribeDevice(world(), dancer);
    await subscribeDevice(world(), paused);
    const pause = await t.call(
      api.notifications.pauseEvent,
      { params: { id: event.id }, body: { paused: true } },
      { token: paused.token },
    );
    expect(pause.body.pausedEventIds).toEqual([event.id]);

    const posted = await t.call(
      api.announcements.post,
      { params: { id: event.id }, body: { content: 'Heat 12 moves to the small ballroom' } },
      { token: organiser.token },
    );
    const pushed = await push.next(device.id, (p) => p.payload.type === 'announcement');
    expect(pushed.payload).toEqual<PushPayload>({
      type: 'announcement',
      title: expect.any(String) as string,
      body: 'Heat 12 moves to the small ballroom',
      url: `/events/${event.id}`,
      tag: `announcement-${posted.body.id}`,
      eventId: event.id,
    });
    // The paused dancer still finds it in the centre.
    await expect
      .poll(
        async () => (await t.call(api.notifications.list, {}, { token: paused.token })).body.unread,
      )
      .toBe(1);
    expect(await queuedPushes(t, `announcement-${posted.body.id}`)).toBe(1);
  });
});

describe('heats (called by the heats module)', () => {
  it('push a recording assignment and a heat reminder', async () => {
    const { t, push } = world();
    const { event, users } = await eventWithDancers(t, 1);
    const [dancer] = users as [TestUser];
    const device = await subscribeDevice(world(), dancer);
    await t.server.services.notify.recordingAssigned({
      userId: dancer.id,
      eventId: event.id,
      heatKey: '12',
      heatLabel: 'Heat 12, Novice J&J',
      dancerName: 'Ben',
    });
    expect((await push.next(device.id)).payload).toEqual<PushPayload>({
      type: 'recording_assigned',
      title: 'You film Ben',
      body: 'Heat 12, Novice J&J',
      url: `/events/${event.id}`,
      tag: `recording-${event.id}-12`,
      eventId: event.id,
    });
    await t.server.services.notify.heatReminder({
      userId: dancer.id,
      eventId: event.id,
      heatKey: '12',
      heatLabel: 'Heat 12',
      minutes: 10,
      filmedBy: 'Ben',
    });
    expect((await push.next(device.id)).payload).toMatchObject({
      type: 'heat_reminder',
      title: 'Your heat in 10 minutes',
      body: 'Heat 12: Ben films you',
    });
  });
});

describe('the notification centre', () => {
  it('pages newest first and marks read by ids or all', async () => {
    const { t } = world();
    const { event, users } = await eventWithDancers(t, 1);
    const [dancer] = users as [TestUser];
    for (const heatKey of ['1', '2', '3']) {
      await t.server.services.notify.heatReminder({
        userId: dancer.id,
        eventId: event.id,
        heatKey,
        heatLabel: `Heat ${heatKey}`,
        minutes: 10,
      });
    }
    const page = await t.call(
      api.notifications.list,
      { query: { limit: 2 } },
      { token: dancer.token },
    );
    expect(page.body.items.map((n) => n.body)).toEqual(['Heat 3', 'Heat 2']);
    expect(page.body).toMatchObject({ hasMore: true, unread: 3 });
    const rest = await t.call(
      api.notifications.list,
      { query: { limit: 2, before: page.body.items[1]!.id } },
      { token: dancer.token },
    );
    expect(rest.body.items.map((n) => n.body)).toEqual(['Heat 1']);

    const one = await t.call(
      api.notifications.markRead,
      { body: { ids: [page.body.items[0]!.id] } },
      { token: dancer.token },
    );
    expect(one.body).toEqual({ unread: 2 });
    // Someone else's ids change nothing.
    const other = await t.registerUser();
    await t.call(
      api.notifications.markRead,
      { body: { ids: [rest.body.items[0]!.id] } },
      { token: other.token },
    );
    const all = await t.call(
      api.notifications.markRead,
      { body: { all: true } },
      { token: dancer.token },
    );
    expect(all.body).toEqual({ unread: 0 });
  });

  it('refuses bad input with 400 validation_error', async () => {
    const { t } = world();
    const user = await t.registerUser();
    const token = { token: user.token };
    const bad = [
      await t.raw('POST', '/api/notifications/read', {
        body: '{}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      }),
      await t.raw('POST', '/api/notifications/read', {
        body: '{"ids":[]}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      }),
      await t.raw('GET', '/api/notifications?limit=0', {
        headers: { authorization: `Bearer ${user.token}` },
      }),
      await t.raw('PATCH', '/api/notifications/preferences', {
        body: '{"types":{"nope":true}}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      }),
    ];
    for (const res of bad) expect(res.status, JSON.stringify(res.body)).toBe(400);
    const missing = await t.call(
      api.notifications.matchRead,
      { params: { id: 999999 }, body: {} },
      token,
    );
    expect(missing.status).toBe(404);
  });
});
