/**
 * An event whose organiser requires a verified e-mail address: an unverified dancer is refused
 * (403 email_not_verified) joining, checking in, asking for a match (REST and socket),
 * declaring heats and writing in the event chat; a verified one goes ahead. One who joined
 * before the rule may still read the chat. The option is off unless the organiser sets it.
 */
import { api } from '@spotlight/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';
import {
  closeAll,
  connectSocket,
  emitAck,
  errorCode,
  ok,
  type ClientSocket,
} from '../socket-harness';

const ADMIN_EMAIL = 'boss.verified-events@example.test';
let t: TestServer;
let organiser: TestUser;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer({ ADMIN_EMAILS: ADMIN_EMAIL });
  organiser = await t.registerUser({ email: ADMIN_EMAIL });
});
afterAll(async () => {
  closeAll(sockets);
  await t?.close();
});

const as = (user: TestUser) => ({ token: user.token });

async function verified(): Promise<TestUser> {
  const user = await t.registerUser();
  await t.db
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(eq(users.id, user.id));
  return user;
}

async function strictEvent() {
  const created = await t.call(
    api.eventAdmin.create,
    {
      body: {
        name: `Verified Swing ${Date.now()}`,
        location: 'Lyon',
        startDate: '2031-05-01',
        endDate: '2031-05-03',
        requireVerifiedEmail: true,
      },
    },
    as(organiser),
  );
  expect(created.status).toBe(201);
  expect(created.body.requireVerifiedEmail).toBe(true);
  return created.body.id;
}

/** An event without the rule, as one that dancers joined before the organiser set it. */
async function openEvent(name: string, location: string) {
  const created = await t.call(
    api.eventAdmin.create,
    {
      body: {
        name: `${name} ${Date.now()}`,
        location,
        startDate: '2031-02-01',
        endDate: '2031-02-02',
      },
    },
    as(organiser),
  );
  return created.body.id;
}

describe('events that require a verified e-mail address', () => {
  it('is off by default, and the organiser turns it on and off', async () => {
    const created = await t.call(
      api.eventAdmin.create,
      {
        body: {
          name: 'Open Swing',
          location: 'Paris',
          startDate: '2031-01-01',
          endDate: '2031-01-02',
        },
      },
      as(organiser),
    );
    expect(created.body.requireVerifiedEmail).toBe(false);
    const id = created.body.id;
    const on = await t.call(
      api.eventAdmin.update,
      { params: { id }, body: { requireVerifiedEmail: true } },
      as(organiser),
    );
    expect(on.body.requireVerifiedEmail).toBe(true);
    const dancer = await t.registerUser();
    const seen = await t.call(api.events.get, { params: { id } }, as(dancer));
    expect(seen.body.requireVerifiedEmail).toBe(true);
    expectError(
      await t.call(
        api.eventAdmin.update,
        { params: { id }, body: { requireVerifiedEmail: false } },
        as(dancer),
      ),
      403,
      'forbidden',
    );
  });

  it('refuses an unverified dancer joining and checking in; a verified one joins', async () => {
    const id = await strictEvent();
    const unverified = await t.registerUser();
    expectError(
      await t.call(api.events.join, { params: { id } }, as(unverified)),
      403,
      'email_not_verified',
    );
    const code = await t.call(api.eventAdmin.checkInCode, { params: { id } }, as(organiser));
    expectError(
      await t.call(
        api.eventAdmin.checkIn,
        { params: { id }, body: { token: code.body.token } },
        as(unverified),
      ),
      403,
      'email_not_verified',
    );
    const event = await t.call(api.events.get, { params: { id } }, as(unverified));
    expect(event.body).toMatchObject({ joined: false, participantsCount: 0 });

    const dancer = await verified();
    const joined = await t.call(api.events.join, { params: { id } }, as(dancer));
    expect(joined.status).toBe(200);
    expect(joined.body.event.joined).toBe(true);
    const checkedIn = await t.call(
      api.eventAdmin.checkIn,
      { params: { id }, body: { token: code.body.token } },
      as(await verified()),
    );
    expect(checkedIn.status).toBe(200);
  });

  it('refuses a match request from a dancer who joined before the rule, over REST and the socket', async () => {
    const id = await openEvent('Later Swing', 'Nice');
    const unverified = await t.registerUser();
    const partner = await verified();
    const other = await verified();
    for (const user of [unverified, partner, other]) {
      expect((await t.call(api.events.join, { params: { id } }, as(user))).status).toBe(200);
    }
    await t.call(
      api.eventAdmin.update,
      { params: { id }, body: { requireVerifiedEmail: true } },
      as(organiser),
    );

    expectError(
      await t.call(
        api.matches.create,
        { body: { targetUserId: partner.id, eventId: id } },
        as(unverified),
      ),
      403,
      'email_not_verified',
    );
    const socket = await connectSocket(t.url, as(unverified));
    sockets.push(socket);
    expect(
      await errorCode(
        emitAck(socket, 'send_match_request', { targetUserId: partner.id, eventId: id }),
      ),
    ).toBe('email_not_verified');

    // A verified dancer asks as before, over both paths.
    const rest = await t.call(
      api.matches.create,
      { body: { targetUserId: other.id, eventId: id } },
      as(partner),
    );
    expect(rest.status).toBe(201);
    const verifiedSocket = await connectSocket(t.url, as(other));
    sockets.push(verifiedSocket);
    const { match } = await ok(
      emitAck(verifiedSocket, 'send_match_request', { targetUserId: unverified.id, eventId: id }),
    );
    expect(match.status).toBe('pending');
  });

  it('refuses heats and event chat messages from a dancer who joined before the rule; reading goes on', async () => {
    const id = await openEvent('Chatty Swing', 'Metz');
    const unverified = await t.registerUser();
    const dancer = await verified();
    for (const user of [unverified, dancer]) {
      expect((await t.call(api.events.join, { params: { id } }, as(user))).status).toBe(200);
    }
    const early = await connectSocket(t.url, as(unverified));
    sockets.push(early);
    await ok(emitAck(early, 'join_event_room', { eventId: id }));
    await ok(emitAck(early, 'send_event_message', { eventId: id, content: 'before the rule' }));
    await t.call(
      api.eventAdmin.update,
      { params: { id }, body: { requireVerifiedEmail: true } },
      as(organiser),
    );

    const heats = { bib: '101', willingToRecord: true, heats: [] };
    expectError(
      await t.call(api.heats.putMine, { params: { id }, body: heats }, as(unverified)),
      403,
      'email_not_verified',
    );
    expect(
      await errorCode(emitAck(early, 'send_event_message', { eventId: id, content: 'after' })),
    ).toBe('email_not_verified');

    // Nothing of it was stored; the verified dancer goes on, and both read the same history.
    const mine = await t.call(api.heats.getMine, { params: { id } }, as(unverified));
    expect(mine.body.bib).toBeNull();
    expect(
      (await t.call(api.heats.putMine, { params: { id }, body: heats }, as(dancer))).body.bib,
    ).toBe('101');
    const other = await connectSocket(t.url, as(dancer));
    sockets.push(other);
    await ok(emitAck(other, 'send_event_message', { eventId: id, content: 'hi all' }));
    const history = await ok(emitAck(early, 'join_event_room', { eventId: id }));
    expect(history.messages.map((m) => m.content)).toEqual(['before the rule', 'hi all']);
  });
});
