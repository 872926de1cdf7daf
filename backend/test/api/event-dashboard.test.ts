/**
 * The event's dashboard (issue 13): organisers and admins see the event's dancers joined and
 * checked in, its matches by status, its heats covered by recorders, and how its transfers went,
 * counted from what the dancers did; nobody else sees it.
 */
import { randomUUID } from 'node:crypto';
import {
  api,
  MAX_INT,
  type RecordingStatus,
  type TransferTelemetryBody,
} from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dancerHeats,
  heatDivisions,
  heatRounds,
  heats,
  heatTypes,
  recordings,
} from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, join, matchAt, moveMatch, requestMatch } from '../helpers';

const ADMIN_EMAIL = 'boss.event-dashboard@example.test';

let t: TestServer;
let admin: TestUser;
let organiser: TestUser;
let dancers: TestUser[];
let eventId: number;
beforeAll(async () => {
  t = await startTestServer({ ADMIN_EMAILS: ADMIN_EMAIL });
  admin = await t.registerUser({ email: ADMIN_EMAIL });
  organiser = await t.registerUser();
  dancers = [await t.registerUser(), await t.registerUser(), await t.registerUser()];
  dancers.push(await t.registerUser());
  eventId = (await t.createEvent()).id;
  await t.server.services.roles.addOrganiser(eventId, organiser.id, admin.id);
});
afterAll(() => t.close());

const as = (user: TestUser) => ({ token: user.token });
const dashboard = async (user: TestUser = organiser) => {
  const res = await t.call(api.eventDashboard.get, { params: { id: eventId } }, as(user));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const report = (user: TestUser, matchId: number, overrides: Partial<TransferTelemetryBody>) =>
  t.call(
    api.transfers.telemetry,
    {
      body: {
        transferId: randomUUID(),
        matchId,
        role: 'receiver',
        outcome: 'completed',
        fileCount: 1,
        totalBytes: 1000,
        bytesTransferred: 1000,
        bytesResent: 0,
        durationMs: 1000,
        ...overrides,
      },
    },
    as(user),
  );

/** One heat at the event that `dancerIds` dance (what the heat sheet stores). */
async function heatDancedBy(dancerIds: number[]) {
  const named = async (table: typeof heatDivisions | typeof heatTypes | typeof heatRounds) =>
    (await t.db.insert(table).values({ eventId, name: 'Novice', position: 0 }).returning())[0]!.id;
  const [divisionId, typeId, roundId] = [
    await named(heatDivisions),
    await named(heatTypes),
    await named(heatRounds),
  ];
  const [heat] = await t.db
    .insert(heats)
    .values({ eventId, divisionId, typeId, roundId, number: 1 })
    .returning();
  await t.db
    .insert(dancerHeats)
    .values(
      dancerIds.map((userId) => ({ eventId, userId, heatId: heat!.id, role: 'leader' as const })),
    );
  return heat!.id;
}

describe('GET /api/events/:id/dashboard', () => {
  it('starts at zero, with every match status and no success rate', async () => {
    expect(await dashboard()).toEqual({
      joined: 0,
      checkedIn: 0,
      matches: { pending: 0, accepted: 0, completed: 0, rejected: 0, cancelled: 0 },
      recordings: { declared: 0, covered: 0, accepted: 0 },
      transfers: { reported: 0, succeeded: 0, failed: 0, successRate: null },
    });
  });

  it("counts the event's joins, check-ins, matches, recordings and transfers", async () => {
    const [anna, ben, carl, dora] = dancers as [TestUser, TestUser, TestUser, TestUser];
    for (const dancer of dancers) await join(t, dancer, eventId);
    const code = await t.call(
      api.eventAdmin.checkInCode,
      { params: { id: eventId } },
      as(organiser),
    );
    const checkIn = await t.call(
      api.eventAdmin.checkIn,
      { params: { id: eventId }, body: { token: code.body.token } },
      as(carl),
    );
    expect(checkIn.status).toBe(200);

    const accepted = await requestMatch(t, anna, ben, eventId);
    await moveMatch(t, ben, accepted.id, 'accepted');
    const completed = await requestMatch(t, carl, dora, eventId);
    await moveMatch(t, dora, completed.id, 'accepted');
    await moveMatch(t, carl, completed.id, 'completed');
    await requestMatch(t, anna, carl, eventId);
    const rejected = await requestMatch(t, ben, dora, eventId);
    await moveMatch(t, dora, rejected.id, 'rejected');

    // The receivers' reports count, one per transfer: the sender's is not counted again.
    expect((await report(ben, accepted.id, {})).status).toBe(201);
    expect((await report(anna, accepted.id, { role: 'sender' })).status).toBe(201);
    const failed = { outcome: 'failed' as const, reason: 'ice_failed' };
    expect((await report(dora, completed.id, failed)).status).toBe(201);
    expect((await report(dora, completed.id, { outcome: 'cancelled' })).status).toBe(201);

    // Three dancer heats: Anna's filmed and accepted, Ben's suggested, Carl's declined.
    const heatId = await heatDancedBy([anna.id, ben.id, carl.id]);
    const recording = (dancerId: number, recorderId: number, status: RecordingStatus) => ({
      eventId,
      heatId,
      dancerId,
      recorderId,
      status,
      explanation: 'Dashboard',
    });
    await t.db
      .insert(recordings)
      .values([
        recording(anna.id, dora.id, 'accepted'),
        recording(ben.id, dora.id, 'suggested'),
        recording(carl.id, dora.id, 'declined'),
      ]);

    // Another event's activity is not counted.
    const elsewhere = await matchAt(t, 'accepted');
    await report(elsewhere.target, elsewhere.match.id, {});

    const expected = {
      joined: 4,
      checkedIn: 1,
      matches: { pending: 1, accepted: 1, completed: 1, rejected: 1, cancelled: 0 },
      recordings: { declared: 3, covered: 2, accepted: 1 },
      transfers: { reported: 3, succeeded: 1, failed: 1, successRate: 0.5 },
    };
    expect(await dashboard()).toEqual(expected);
    expect(await dashboard(admin)).toEqual(expected);
  });

  it('is refused to a dancer and to an organiser of another event; 404 for no event', async () => {
    expectError(
      await t.call(api.eventDashboard.get, { params: { id: eventId } }, as(dancers[0]!)),
      403,
      'forbidden',
    );
    const other = await t.registerUser();
    const { id: otherEvent } = await t.createEvent();
    await t.server.services.roles.addOrganiser(otherEvent, other.id, admin.id);
    expectError(
      await t.call(api.eventDashboard.get, { params: { id: eventId } }, as(other)),
      403,
      'forbidden',
    );
    expectError(
      await t.call(api.eventDashboard.get, { params: { id: MAX_INT } }, as(organiser)),
      404,
      'not_found',
    );
  });
});
