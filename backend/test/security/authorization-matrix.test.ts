/**
 * The authorisation matrix: every REST endpoint of the contract, and what each kind of caller
 * gets (the rows are in authorization-matrix.rows.ts). Each row builds fresh state, so rows
 * never depend on each other. An endpoint added to the contract without a row fails the
 * completeness test. The socket events have their own matrix in
 * authorization-matrix-socket.test.ts.
 */
import { allEndpoints, api, type EndpointDef, type RequestOf } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { serveTestFile, type TestServer } from '../harness';
import {
  dancerHeats,
  heatDivisions,
  heatRounds,
  heats,
  heatTypes,
  recordings,
} from '../../src/db/schema';
import { MATRIX, ROLES, userOf, type Row, type World } from './authorization-matrix.rows';

let t: TestServer;
// Each row registers a dozen users: far more than one venue IP may create in an hour.
serveTestFile((server) => (t = server), { REGISTER_MAX_PER_IP_PER_HOUR: '100000' });

async function buildWorld(row: Row): Promise<World> {
  const [a, b, outsider] = [await t.registerUser(), await t.registerUser(), await t.registerUser()];
  const { id: eventId } = await t.createEvent();
  for (const user of [a, b])
    await t.call(api.events.join, { params: { id: eventId } }, { token: user.token });
  let matchId = 0;
  let reportId = 0;
  if (row.match) {
    const created = await t.call(
      api.matches.create,
      { body: { targetUserId: b.id, eventId } },
      { token: a.token },
    );
    matchId = created.body.id;
    if (row.match !== 'pending') {
      await t.call(
        api.matches.update,
        { params: { id: matchId }, body: { status: 'accepted' } },
        { token: b.token },
      );
    }
    if (row.match === 'completed') {
      await t.call(
        api.matches.update,
        { params: { id: matchId }, body: { status: 'completed' } },
        { token: a.token },
      );
    }
  }
  const report = await t.call(
    api.reports.create,
    { body: { reportedUserId: b.id, reason: 'spam' } },
    { token: a.token },
  );
  reportId = report.body.id;
  const recordingId = row.recording ? await recordingAt(eventId, a.id, b.id) : 0;
  return { a, b, outsider, eventId, matchId, reportId, recordingId };
}

/** One heat that `dancerId` dances, and a suggestion that `recorderId` films it. */
async function recordingAt(eventId: number, dancerId: number, recorderId: number) {
  const named = async (table: typeof heatDivisions | typeof heatTypes | typeof heatRounds) =>
    (await t.db.insert(table).values({ eventId, name: 'X', position: 0 }).returning())[0]!.id;
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
    .values({ eventId, userId: dancerId, heatId: heat!.id, role: 'leader' });
  const [recording] = await t.db
    .insert(recordings)
    .values({ eventId, heatId: heat!.id, dancerId, recorderId, explanation: 'Matrix' })
    .returning();
  return recording!.id;
}

describe('the authorisation matrix', () => {
  it('has a row for every endpoint of the contract, and no row for one that does not exist', () => {
    const ids = allEndpoints()
      .map(([id]) => id)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(ids);
  });

  for (const [id, def] of allEndpoints()) {
    const row = MATRIX[id];
    if (!row) continue;
    it(`${id}: ${ROLES.map((role) => `${role} ${row.expect[role]}`).join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const role of ROLES) {
        // Fresh state per role, so that one role's success does not change the next one's.
        const world = await buildWorld(row);
        const token = role === 'anonymous' ? undefined : userOf(world, role).token;
        const res = await t.call(def, row.request(world, role) as RequestOf<EndpointDef>, {
          token,
        });
        outcomes[role] = res.status;
      }
      expect(outcomes).toEqual(row.expect);
    });
  }
});
