/**
 * The authorisation matrix: every REST endpoint of the contract, and what each kind of caller
 * gets. Roles: anonymous; an outsider (signed in, not in the event or match); the participant
 * who acts (the requester of the match); and the other participant (the target). Each row
 * builds fresh state, so rows never depend on each other. An endpoint added to the contract
 * without a row here fails the completeness test.
 */
import { allEndpoints, api, type EndpointDef, type RequestOf } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';

type Role = 'anonymous' | 'outsider' | 'participant' | 'other';
const ROLES: Role[] = ['anonymous', 'outsider', 'participant', 'other'];

interface World {
  a: TestUser;
  b: TestUser;
  outsider: TestUser;
  eventId: number;
  /** A→B at eventId, in the status the row asked for. */
  matchId: number;
  reportId: number;
}

/** A request before it is matched to its endpoint's exact types. */
interface LooseRequest {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

interface Row {
  /** Status of the match the row starts from. */
  match?: 'pending' | 'accepted' | 'completed';
  /** The request each role sends (the same for all unless it depends on who asks). */
  request(world: World, role: Role): LooseRequest;
  expect: Record<Role, number>;
}

const same = (status: number): Record<Role, number> => ({
  anonymous: status,
  outsider: status,
  participant: status,
  other: status,
});
const signedIn = (status: number) => ({ ...same(status), anonymous: 401 });
const none = (): LooseRequest => ({});
const userOf = (world: World, role: Role) =>
  role === 'participant' ? world.a : role === 'other' ? world.b : world.outsider;

const MATRIX: Record<string, Row> = {
  'auth.register': { request: () => ({ body: freshRegistration() }), expect: same(201) },
  'auth.login': {
    request: (w, role) => {
      const user = role === 'anonymous' ? w.outsider : userOf(w, role);
      return { body: { email: user.email, password: user.password } };
    },
    expect: same(200),
  },
  'auth.logout': { request: none, expect: signedIn(200) },
  'auth.logoutAll': { request: none, expect: signedIn(200) },
  'users.me': { request: none, expect: signedIn(200) },
  'users.updateMe': { request: () => ({ body: { city: 'Lyon' } }), expect: signedIn(200) },
  'users.get': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'events.list': { request: none, expect: signedIn(200) },
  'events.get': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.join': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.leave': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.participants': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'matches.list': { request: none, expect: signedIn(200) },
  'matches.create': {
    // Each role asks the dancer on the other side: the outsider asks B.
    request: (w, role) => ({
      body: { targetUserId: role === 'participant' ? w.b.id : w.a.id, eventId: w.eventId },
    }),
    match: undefined,
    expect: { anonymous: 401, outsider: 403, participant: 201, other: 201 },
  },
  'matches.get': {
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'matches.update': {
    // Accepting is the target's move: the requester is refused, the outsider sees nothing.
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId }, body: { status: 'accepted' } }),
    expect: { anonymous: 401, outsider: 404, participant: 403, other: 200 },
  },
  'chat.eventHistory': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'chat.matchHistory': {
    match: 'accepted',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'ratings.create': {
    match: 'completed',
    request: (w) => ({ body: { matchId: w.matchId, score: 5, wouldCollaborateAgain: true } }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'ratings.byUser': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'ratings.stats': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'reports.create': {
    match: 'accepted',
    // Each role reports the dancer across the match; the outsider is not in that match.
    request: (w, role) => ({
      body: {
        reportedUserId: role === 'participant' || role === 'outsider' ? w.b.id : w.a.id,
        matchId: w.matchId,
        reason: 'no_show',
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'reports.list': { request: none, expect: signedIn(200) },
  'reports.get': {
    // The report was filed by the participant (A) about B; only A may read it.
    request: (w) => ({ params: { id: w.reportId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 404 },
  },
  'system.health': { request: none, expect: same(200) },
  'system.ready': { request: none, expect: same(200) },
  'webrtc.iceServers': { request: none, expect: signedIn(200) },
  'transfers.telemetry': {
    match: 'accepted',
    request: (w) => ({
      body: {
        matchId: w.matchId,
        role: 'receiver',
        outcome: 'completed',
        fileCount: 1,
        totalBytes: 1000,
        bytesTransferred: 1000,
        bytesResent: 0,
        durationMs: 100,
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'transfers.stats': { request: none, expect: signedIn(200) },
};

let counter = 0;
function freshRegistration() {
  counter++;
  const id = `${Date.now().toString(36)}m${counter}`;
  return {
    email: `matrix.${id}@example.test`,
    username: `matrix_${id}`,
    password: `matrix password ${id}`,
  };
}

let t: TestServer;
beforeAll(async () => {
  // Each row registers a dozen users: far more than one venue IP may create in an hour.
  t = await startTestServer({ REGISTER_MAX_PER_IP_PER_HOUR: '100000' });
});
afterAll(() => t.close());

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
  return { a, b, outsider, eventId, matchId, reportId };
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
