/**
 * The notification centre and the notifications other modules send: announcements to an
 * event's dancers (except those who paused it), a matching run's recording assignments, the
 * reminder job before a heat, and the centre's pages and read state. (notifications.test.ts: matches,
 * messages and video offers.)
 */
import { api, type PushPayload } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../harness';
import { remindDueHeats } from '../../src/modules/matching/reminders';
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

describe('heats', () => {
  const as = (user: TestUser) => ({ token: user.token });
  const sheet = (anaStarts: Date) =>
    [
      'division,type,round,heat,start',
      `Novice,J&J,Prelims,1,${anaStarts.toISOString()}`,
      'Novice,J&J,Prelims,2,',
      `Novice,J&J,Prelims,3,${new Date(Date.now() + 3 * 3600_000).toISOString()}`,
    ].join('\n');

  it('a matching run tells each recorder whom they film; the reminder before a heat names the recorder, once per heat and time', async () => {
    const { t, push } = world();
    const { event, users } = await eventWithDancers(t, 3);
    const [organiser, ana, ben] = users as [TestUser, TestUser, TestUser];
    await t.server.services.roles.addOrganiser(event.id, organiser.id, null);
    await t.call(api.users.updateMe, { body: { displayName: 'Ana' } }, as(ana));
    await t.call(api.users.updateMe, { body: { displayName: 'Ben' } }, as(ben));
    const put = await t.call(
      api.heats.put,
      { params: { id: event.id }, body: { csv: sheet(new Date(Date.now() + 5 * 60_000)) } },
      as(organiser),
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const [heat1, , heat3] = put.body.heats;
    for (const [user, heat] of [
      [ana, heat1!],
      [ben, heat3!],
    ] as const) {
      const body = {
        bib: null,
        willingToRecord: true,
        heats: [{ heatId: heat.id, role: 'leader' as const }],
      };
      const res = await t.call(api.heats.putMine, { params: { id: event.id }, body }, as(user));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const anaDevice = await subscribeDevice(world(), ana);
    const benDevice = await subscribeDevice(world(), ben);

    const run = await t.call(api.heats.run, { params: { id: event.id } }, as(organiser));
    expect(run.body).toMatchObject({ covered: 2, created: 2 });
    const benFilms = await push.next(benDevice.id, (p) => p.payload.type === 'recording_assigned');
    expect(benFilms.payload).toEqual<PushPayload>({
      type: 'recording_assigned',
      title: 'You film Ana',
      body: heat1!.label,
      url: `/events/${event.id}`,
      tag: `recording-${event.id}-${heat1!.id}`,
      eventId: event.id,
    });
    const anaFilms = await push.next(anaDevice.id, (p) => p.payload.type === 'recording_assigned');
    expect(anaFilms.payload).toMatchObject({ title: 'You film Ben', body: heat3!.label });

    // Both accept Ben filming Ana's heat; the reminder then names him.
    const mine = await t.call(api.recordings.list, { params: { id: event.id } }, as(ana));
    const filmsAna = mine.body.items.find((r) => r.side === 'dancer')!;
    for (const user of [ana, ben]) {
      const res = await t.call(
        api.recordings.update,
        { params: { id: filmsAna.id }, body: { status: 'accepted' } },
        as(user),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await t.server.ctx.jobs.send('heats.reminders', {});
    const reminder = await push.next(anaDevice.id, (p) => p.payload.type === 'heat_reminder');
    expect(reminder.payload).toEqual<PushPayload>({
      type: 'heat_reminder',
      title: 'Your heat in 5 minutes',
      body: `${heat1!.label}: Ben films you`,
      url: `/events/${event.id}`,
      tag: `heat-${event.id}-${heat1!.id}`,
      eventId: event.id,
    });
    const reminded = async () =>
      (await t.call(api.notifications.list, {}, as(ana))).body.items.filter(
        (n) => n.type === 'heat_reminder',
      ).length;
    // Ben's heat is hours away: no reminder. A second run of the job reminds nobody again.
    expect(await remindDueHeats(t.server.ctx)).toBe(0);
    expect(await reminded()).toBe(1);
    expect(
      (await t.call(api.notifications.list, {}, as(ben))).body.items.map((n) => n.type),
    ).not.toContain('heat_reminder');

    // The heat moves to 8 minutes from now: its dancer hears of the new time.
    const moved = await t.call(
      api.heats.put,
      { params: { id: event.id }, body: { csv: sheet(new Date(Date.now() + 8 * 60_000)) } },
      as(organiser),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await remindDueHeats(t.server.ctx)).toBe(1);
    const again = await push.next(
      anaDevice.id,
      (p) => p.payload.type === 'heat_reminder' && p.payload.title !== reminder.payload.title,
    );
    expect(again.payload.title).toBe('Your heat in 8 minutes');
  });
});

describe('the notification centre', () => {
  it('pages newest first and marks read by ids or all', async () => {
    const { t } = world();
    const { event, users } = await eventWithDancers(t, 1);
    const [dancer] = users as [TestUser];
    for (const heatId of [1, 2, 3]) {
      await t.server.services.notify.heatReminder({
        userId: dancer.id,
        eventId: event.id,
        heatId,
        heatLabel: `Heat ${heatId}`,
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
