/**
 * Recorder matching end to end: dancers declare heats, the organiser runs matching, both
 * people see the suggestion (REST and a real socket), accept or decline; a later run keeps
 * the accepted ones and finds someone else for a decline; the deadline job runs by itself.
 */
import { api, type Recording } from '@spotlight/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventParticipants } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, expectValidationError, join, send } from '../helpers';
import { closeAll, connectSocket, nextEvent, type ClientSocket } from '../socket-harness';

let t: TestServer;
let organiser: TestUser;
let anna: TestUser;
let ben: TestUser;
let carl: TestUser;
let eventId: number;
let heatIds: number[];
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer({ JOBS_POLL_SECONDS: '0.5' });
  organiser = await t.registerUser();
  anna = await t.registerUser();
  ben = await t.registerUser();
  carl = await t.registerUser();
  eventId = (await t.createEvent()).id;
  await t.server.services.roles.addOrganiser(eventId, organiser.id, null);
  heatIds = await loadHeats(eventId);
  for (const user of [anna, ben, carl]) await join(t, user, eventId);
  await t.call(api.users.updateMe, { body: { displayName: 'Ben', city: 'Berlin' } }, as(ben));
  await t.call(api.users.updateMe, { body: { displayName: 'Anna', city: 'Berlin' } }, as(anna));
  await declare(anna, eventId, [heatIds[0]!]);
  await declare(ben, eventId, [heatIds[2]!]);
});
afterAll(async () => {
  closeAll(sockets);
  await t.close();
});

const as = (user: TestUser) => ({ token: user.token });

/** Novice J&J prelims heats 1–6, no times: heats next to each other clash. */
async function loadHeats(id: number) {
  const csv = [
    'division,type,round,heat',
    ...[1, 2, 3, 4, 5, 6].map((n) => `Novice,J&J,Prelims,${n}`),
  ];
  const res = await t.call(
    api.heats.put,
    { params: { id }, body: { csv: csv.join('\n') } },
    as(organiser),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.heats.map((h) => h.id);
}

async function declare(user: TestUser, id: number, heats: number[], willingToRecord = true) {
  const body = {
    bib: null,
    willingToRecord,
    heats: heats.map((heatId) => ({ heatId, role: 'leader' as const })),
  };
  const res = await t.call(api.heats.putMine, { params: { id }, body }, as(user));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const recordingsOf = async (user: TestUser, id = eventId) =>
  (await t.call(api.recordings.list, { params: { id } }, as(user))).body.items;
const filming = (items: Recording[], side: 'dancer' | 'recorder') =>
  items.filter((r) => r.side === side && r.status !== 'declined');
const run = async (id = eventId) => {
  const res = await t.call(api.heats.run, { params: { id } }, as(organiser));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const answer = (user: TestUser, id: number, status: 'accepted' | 'declined') =>
  t.call(api.recordings.update, { params: { id }, body: { status } }, as(user));

describe('a run', () => {
  it('suggests a recorder for every heat it can, tells both people, and explains itself', async () => {
    const [annaSocket, benSocket] = [
      await connectSocket(t.url, as(anna)),
      await connectSocket(t.url, as(ben)),
    ];
    sockets.push(annaSocket, benSocket);
    const annaHears = nextEvent(
      annaSocket,
      'recording_updated',
      (e) => e.recording.side === 'dancer',
    );
    const benHears = nextEvent(
      benSocket,
      'recording_updated',
      (e) => e.recording.side === 'recorder',
    );

    const result = await run();
    expect(result).toMatchObject({ trigger: 'manual', covered: 2, upperBound: 2, created: 2 });
    expect(result.inputs).toMatchObject({
      heats: 6,
      dancers: 2,
      recorders: 2,
      demands: 2,
      checkedInOnly: false,
    });

    const annaItems = await recordingsOf(anna);
    const filmsAnna = filming(annaItems, 'dancer')[0]!;
    expect(filmsAnna).toMatchObject({ status: 'suggested', myAnswer: null, matchId: null });
    expect(filmsAnna.heat.id).toBe(heatIds[0]);
    expect(filmsAnna.partner.id).toBe(ben.id);
    expect(filmsAnna.explanation).toContain('Ben');
    expect(filming(annaItems, 'recorder')[0]!.partner.id).toBe(ben.id);

    const [heard, benHeard] = await Promise.all([annaHears, benHears]);
    expect(heard).toMatchObject({
      removed: false,
      recording: { id: filmsAnna.id, side: 'dancer' },
    });
    expect(benHeard).toMatchObject({
      removed: false,
      recording: { id: filmsAnna.id, side: 'recorder' },
    });
    expect(benHeard.recording.partner.id).toBe(anna.id);
  });

  it('once both accept, the recording is a match with its private chat', async () => {
    const id = filming(await recordingsOf(anna), 'dancer')[0]!.id;
    const benSocket = sockets[1]!;
    const first = await answer(anna, id, 'accepted');
    expect(first.body).toMatchObject({
      status: 'suggested',
      myAnswer: 'accepted',
      partnerAnswer: null,
    });
    const benHears = nextEvent(
      benSocket,
      'recording_updated',
      (e) => e.recording.status === 'accepted',
    );
    const both = await answer(ben, id, 'accepted');
    expect(both.body).toMatchObject({ status: 'accepted', side: 'recorder', myAnswer: 'accepted' });
    expect(both.body.matchId).not.toBeNull();
    expect((await benHears).recording.matchId).toBe(both.body.matchId);
    const match = await t.call(api.matches.get, { params: { id: both.body.matchId! } }, as(anna));
    expect(match.body).toMatchObject({ status: 'accepted' });
    expect(match.body.roomId).not.toBeNull();
    // Accepting again changes nothing.
    expect((await answer(anna, id, 'accepted')).body.status).toBe('accepted');
  });

  it('only its two people answer; a declined one cannot be accepted; answers are checked', async () => {
    const id = filming(await recordingsOf(ben), 'dancer')[0]!.id;
    expectError(await answer(carl, id, 'accepted'), 404, 'not_found');
    expectError(await answer(organiser, id, 'declined'), 404, 'not_found');
    expectValidationError(
      await send(t, api.recordings.update, { params: { id }, body: { status: 'maybe' } }, as(ben)),
    );
    const declined = await answer(anna, id, 'declined');
    expect(declined.body).toMatchObject({
      status: 'declined',
      side: 'recorder',
      myAnswer: 'declined',
    });
    expectError(await answer(ben, id, 'accepted'), 409, 'invalid_transition');
  });

  it('the next run keeps the accepted recording and finds someone else for the decline', async () => {
    await declare(carl, eventId, [heatIds[4]!]);
    const acceptedBefore = filming(await recordingsOf(anna), 'dancer')[0]!;
    const result = await run();
    expect(result.inputs).toMatchObject({ kept: 1, declined: 1, demands: 3 });
    expect(result.covered).toBe(3);

    expect(filming(await recordingsOf(anna), 'dancer')).toEqual([acceptedBefore]);
    const forBen = await recordingsOf(ben);
    expect(filming(forBen, 'dancer').map((r) => r.partner.id)).toEqual([carl.id]);
    expect(forBen.filter((r) => r.status === 'declined').map((r) => r.partner.id)).toEqual([
      anna.id,
    ]);
    // Carl dances heat 5: Anna (heat 1) and Ben (heat 3) are both free for it.
    expect(filming(await recordingsOf(carl), 'dancer')).toHaveLength(1);

    const log = await t.call(api.heats.runs, { params: { id: eventId } }, as(organiser));
    expect(log.body.runs.map((r) => r.covered)).toEqual([3, 2]);
    expect(log.body.coverage).toEqual({ declared: 3, covered: 3, accepted: 1 });
    expectError(
      await t.call(api.heats.runs, { params: { id: eventId } }, as(anna)),
      403,
      'forbidden',
    );
    expectError(
      await t.call(api.heats.run, { params: { id: eventId } }, as(anna)),
      403,
      'forbidden',
    );
  });

  it('dropping heats and recording withdraws open suggestions, telling the other person', async () => {
    const benSocket = sockets[1]!;
    const gone = nextEvent(benSocket, 'recording_updated', (e) => e.removed);
    await declare(carl, eventId, [], false);
    expect((await gone).recording.partner.id).toBe(carl.id);
    expect(await recordingsOf(carl)).toEqual([]);
  });
});

describe('at the event and after the deadline', () => {
  it('once the event has started, only dancers who checked in are matched', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const id = (await t.createEvent({ startDate: today, endDate: today })).id;
    await t.server.services.roles.addOrganiser(id, organiser.id, null);
    const heats = await loadHeats(id);
    for (const user of [anna, ben]) await join(t, user, id);
    await declare(anna, id, [heats[0]!]);
    await declare(ben, id, [heats[2]!]);
    await t.db
      .update(eventParticipants)
      .set({ checkedInAt: new Date() })
      .where(and(eq(eventParticipants.eventId, id), eq(eventParticipants.userId, anna.id)));
    const result = await run(id);
    expect(result.inputs).toMatchObject({ checkedInOnly: true, dancers: 1, demands: 1 });
    expect(result.covered).toBe(0);
  });

  it('matching runs by itself once the registration deadline has passed', async () => {
    const id = (await t.createEvent()).id;
    await t.server.services.roles.addOrganiser(id, organiser.id, null);
    const heats = await loadHeats(id);
    for (const user of [anna, ben]) await join(t, user, id);
    await declare(anna, id, [heats[0]!]);
    await declare(ben, id, [heats[2]!]);
    const registrationDeadline = new Date(Date.now() + 1000).toISOString();
    const set = await t.call(
      api.heats.updateSettings,
      { params: { id }, body: { registrationDeadline } },
      as(organiser),
    );
    expect(set.body.registrationDeadline).toBe(registrationDeadline);
    let runs: { trigger: string; covered: number }[] = [];
    for (let i = 0; i < 60 && runs.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      runs = (await t.call(api.heats.runs, { params: { id } }, as(organiser))).body.runs;
    }
    expect(runs).toMatchObject([{ trigger: 'deadline', covered: 2 }]);
    expect(filming(await recordingsOf(anna, id), 'dancer')).toHaveLength(1);
  });
});
