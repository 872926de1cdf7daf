/**
 * The dancer's own data: "Download my data" holds every row that names them and no secret;
 * "Delete my account" asks for the password, erases what is personal, keeps the match and the
 * ratings for the partner as "Deleted dancer", and ends every session and socket at once.
 */
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, join, requestMatch } from '../helpers';
import { closeAll, connectSocket, disconnection, type ClientSocket } from '../socket-harness';

let t: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  closeAll(sockets);
  await t.close();
});

const as = (user: TestUser) => ({ token: user.token });

async function dancerWithPartner() {
  const [ana, ben] = [await t.registerUser(), await t.registerUser()];
  const event = await t.createEvent();
  for (const user of [ana, ben]) await join(t, user, event.id);
  await t.call(api.users.updateMe, { body: { displayName: 'Ana', city: 'Lyon' } }, as(ana));
  const match = await requestMatch(t, ana, ben, event.id);
  await t.call(
    api.matches.update,
    { params: { id: match.id }, body: { status: 'accepted' } },
    as(ben),
  );
  return { ana, ben, event, match };
}

describe('download my data', () => {
  it('holds the account and every row that names the dancer, and no hash or token', async () => {
    const { ana, ben, event, match } = await dancerWithPartner();
    const res = await t.call(api.users.exportMe, {}, as(ana));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = res.body;
    expect(data.account).toMatchObject({ id: ana.id, email: ana.email, city: 'Lyon' });
    expect(data.tables.event_participants).toEqual([
      expect.objectContaining({ userId: ana.id, eventId: event.id }),
    ]);
    expect(data.tables.matches).toEqual([expect.objectContaining({ id: match.id })]);
    expect(data.tables.sessions?.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    const rows = [data.account, ...Object.values(data.tables).flat()];
    const keys = rows.flatMap((row) => Object.keys(row));
    expect(keys.filter((key) => /hash|token/i.test(key))).toEqual([]);
    expect(text).not.toContain(ana.token);
    // Nothing of the partner's own account.
    expect(text).not.toContain(ben.email);
  });
});

describe('delete my account', () => {
  it('refuses a wrong password, and the account goes on working', async () => {
    const { ana } = await dancerWithPartner();
    const res = await t.call(
      api.users.deleteMe,
      { body: { password: 'not my password' } },
      as(ana),
    );
    expectError(res, 403, 'password_incorrect');
    expect((await t.call(api.users.me, {}, as(ana))).status).toBe(200);
  });

  it('erases the dancer, keeps the match for the partner as "Deleted dancer", and ends every session and socket', async () => {
    const { ana, ben, event, match } = await dancerWithPartner();
    const socket = await connectSocket(t.url, as(ana));
    sockets.push(socket);
    const closed = disconnection(socket);

    const res = await t.call(api.users.deleteMe, { body: { password: ana.password } }, as(ana));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/spotlight_session=;/);
    await closed;

    // Signed out everywhere, and the password opens nothing.
    expectError(await t.call(api.users.me, {}, as(ana)), 401, 'session_expired');
    const login = await t.call(api.auth.login, {
      body: { email: ana.email, password: ana.password },
    });
    expectError(login, 401, 'invalid_credentials');

    // The partner still has the match, with a name that says what happened.
    const seen = await t.call(api.matches.get, { params: { id: match.id } }, as(ben));
    expect(seen.status).toBe(200);
    expect(seen.body.partner).toMatchObject({ id: ana.id, displayName: 'Deleted dancer' });
    const profile = await t.call(api.users.get, { params: { id: ana.id } }, as(ben));
    expect(profile.body).toMatchObject({ displayName: 'Deleted dancer', city: null });
    expect(profile.body.username).not.toBe(ana.username);
    // No longer at the event.
    const people = await t.call(api.events.participants, { params: { id: event.id } }, as(ben));
    expect(JSON.stringify(people.body)).not.toContain(`"id":${ana.id},`);

    // The address is free for a new account.
    const again = await t.call(api.auth.register, {
      body: { email: ana.email, username: `${ana.username}2`.slice(0, 30), password: ana.password },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});
