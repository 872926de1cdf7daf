/**
 * Moderation: a report reaches the queue of the event's organisers and of the admins; they
 * warn, mute or (admins) suspend, each action in the audit log; a suspension ends every
 * session and socket of the account, and the reporter sees the outcome.
 */
import { api } from '@spotlight/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../harness';
import { expectError } from '../helpers';
import {
  dancersAt,
  disconnection,
  emitAck,
  errorCode,
  nextEvent,
  ok,
  useSocketServer,
} from '../socket-harness';

const ADMIN_EMAIL = 'boss.moderation@example.test';
let t: TestServer;
const connect = useSocketServer({ ADMIN_EMAILS: ADMIN_EMAIL }, (server) => (t = server));

let eventId: number;
let organiser: TestUser;
let reporter: TestUser;
let troll: TestUser;
let admin: TestUser;
let otherOrganiser: TestUser;
beforeAll(async () => {
  const at = await dancersAt(t, 3);
  eventId = at.eventId;
  [organiser, reporter, troll] = at.users as [TestUser, TestUser, TestUser];
  admin = await t.registerUser({ email: ADMIN_EMAIL });
  otherOrganiser = await t.registerUser();
  const roles = t.server.services.roles;
  await roles.addOrganiser(eventId, organiser.id, null);
  await roles.addOrganiser((await t.createEvent()).id, otherOrganiser.id, null);
});

const as = (user: TestUser) => ({ token: user.token });
const report = async () =>
  (
    await t.call(
      api.reports.create,
      { body: { reportedUserId: troll.id, eventId, reason: 'harassment', details: 'Rude' } },
      as(reporter),
    )
  ).body;
const queue = (user: TestUser) =>
  t.call(api.moderation.queue, { query: { status: 'open' } }, as(user));
const close = (user: TestUser, id: number, body: object) =>
  t.call(api.moderation.close, { params: { id }, body: body as never }, as(user));

describe('the report queue', () => {
  it("reaches the event's organisers and the admins, nobody else", async () => {
    const filed = await report();
    expect(filed).toMatchObject({ eventId, status: 'open' });
    expect((await queue(organiser)).body.items.map((r) => r.id)).toContain(filed.id);
    expect((await queue(admin)).body.items.map((r) => r.id)).toContain(filed.id);
    expect((await queue(otherOrganiser)).body.items).toEqual([]);
    expectError(await queue(reporter), 403, 'forbidden');
    expectError(await close(otherOrganiser, filed.id, { status: 'dismissed' }), 404, 'not_found');
    const dismissed = await close(organiser, filed.id, { status: 'dismissed' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', action: 'none' });
  });

  it('an organiser mutes: no more event chat for a day; the reporter sees it resolved', async () => {
    const filed = await report();
    const closed = await close(organiser, filed.id, {
      status: 'resolved',
      action: 'mute',
      note: 'Second warning',
    });
    expect(closed.body).toMatchObject({ status: 'resolved', action: 'mute' });
    expectError(await close(organiser, filed.id, { status: 'dismissed' }), 409, 'conflict');

    const socket = await connect(troll.token);
    await ok(emitAck(socket, 'join_event_room', { eventId }));
    expect(await errorCode(emitAck(socket, 'send_event_message', { eventId, content: 'hi' }))).toBe(
      'muted',
    );
    const seen = await t.call(api.reports.get, { params: { id: filed.id } }, as(reporter));
    expect(seen.body.status).toBe('resolved');
    expectError(
      await close(organiser, (await report()).id, { status: 'resolved', action: 'suspend' }),
      403,
      'forbidden',
    );
  });

  it('an admin suspends: every tab is signed out, sign-in refused until lifted; all audited', async () => {
    const tabs = [await connect(troll.token), await connect(troll.token)];
    const ended = tabs.map((tab) => nextEvent(tab, 'session_ended'));
    const closedTabs = tabs.map((tab) => disconnection(tab));
    const filed = await report();
    expect((await close(admin, filed.id, { status: 'resolved', action: 'suspend' })).status).toBe(
      200,
    );
    await Promise.all([...ended, ...closedTabs]);
    expectError(await t.call(api.users.me, {}, as(troll)), 401, 'session_expired');
    const login = { body: { email: troll.email, password: troll.password } };
    expectError(await t.call(api.auth.login, login), 403, 'account_suspended');

    expectError(
      await t.call(api.moderation.unsuspend, { params: { id: troll.id } }, as(organiser)),
      403,
      'forbidden',
    );
    await t.call(api.moderation.unsuspend, { params: { id: troll.id } }, as(admin));
    expect((await t.call(api.auth.login, login)).status).toBe(200);

    const audit = await t.call(api.moderation.audit, {}, as(admin));
    const actions = audit.body.items.map((e) => [e.action, e.actor.id, e.target.id]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['unsuspend', admin.id, troll.id],
        ['suspend', admin.id, troll.id],
        ['mute', organiser.id, troll.id],
        ['dismiss', organiser.id, troll.id],
      ]),
    );
    expectError(await t.call(api.moderation.audit, {}, as(organiser)), 403, 'forbidden');
  });
});
