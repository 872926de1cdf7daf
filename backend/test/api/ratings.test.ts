import { api, MAX_INT } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ratings } from '../../src/db/schema';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import {
  eventWithDancers,
  expectError,
  expectNoSecrets,
  expectValidationError,
  matchAt,
  moveMatch,
  requestMatch,
  send,
} from '../helpers';

let t: TestServer;
let outsider: TestUser;
serveTestFile((server, user) => ([t, outsider] = [server, user]));

const rate = (
  user: TestUser,
  body: { matchId: number; score: number; comment?: string; wouldCollaborateAgain?: boolean },
) => t.call(api.ratings.create, { body }, { token: user.token });

describe('POST /api/ratings', () => {
  it('rates the other participant of a completed match; both may rate', async () => {
    const { event, requester, target, match } = await matchAt(t, 'completed');
    const res = await rate(requester, {
      matchId: match.id,
      score: 5,
      comment: '  Great angles, steady hands  ',
      wouldCollaborateAgain: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      matchId: match.id,
      rater: { id: requester.id, username: requester.username, displayName: null, avatar: null },
      ratedId: target.id,
      score: 5,
      comment: 'Great angles, steady hands',
      wouldCollaborateAgain: true,
      event: { id: event.id, name: expect.any(String) },
      createdAt: expect.any(String),
    });
    expectNoSecrets(res.body, [requester.email, target.email]);

    const back = await rate(target, { matchId: match.id, score: 3 });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({
      ratedId: requester.id,
      comment: null,
      wouldCollaborateAgain: false,
    });

    const seen = await t.call(
      api.matches.get,
      { params: { id: match.id } },
      { token: requester.token },
    );
    expect(seen.body.myRating).toMatchObject({ score: 5, wouldCollaborateAgain: true });
    expect(seen.body.partnerRating).toMatchObject({ score: 3, wouldCollaborateAgain: false });
  });

  it('rates once', async () => {
    const { requester, match } = await matchAt(t, 'completed');
    expect((await rate(requester, { matchId: match.id, score: 4 })).status).toBe(201);
    expectError(await rate(requester, { matchId: match.id, score: 1 }), 409, 'already_rated');
  });

  it('rates once when the same rating arrives many times at once', async () => {
    const { target, match } = await matchAt(t, 'completed');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => rate(target, { matchId: match.id, score: 4 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expectError(r, 409, 'already_rated');
    const [rows] = await t.db
      .select({ value: count() })
      .from(ratings)
      .where(eq(ratings.matchId, match.id));
    expect(rows!.value).toBe(1);
  });

  for (const stage of ['pending', 'accepted', 'rejected', 'cancelled'] as const) {
    it(`refuses a ${stage} match`, async () => {
      const { requester, target, match } = await matchAt(t, stage);
      expectError(
        await rate(requester, { matchId: match.id, score: 4 }),
        409,
        'match_not_completed',
      );
      expectError(await rate(target, { matchId: match.id, score: 4 }), 409, 'match_not_completed');
    });
  }

  it('is 404 for a match the rater is not part of, and for a missing one', async () => {
    const { event, match } = await matchAt(t, 'completed');
    const bystander = await t.registerUser();
    await t.call(api.events.join, { params: { id: event.id } }, { token: bystander.token });
    expectError(await rate(bystander, { matchId: match.id, score: 1 }), 404, 'not_found');
    expectError(await rate(outsider, { matchId: match.id, score: 1 }), 404, 'not_found');
    expectError(await rate(outsider, { matchId: MAX_INT, score: 1 }), 404, 'not_found');
    const [rows] = await t.db
      .select({ value: count() })
      .from(ratings)
      .where(eq(ratings.matchId, match.id));
    expect(rows!.value).toBe(0);
  });

  it('takes no say in whom the rating is for', async () => {
    const { requester, match } = await matchAt(t, 'completed');
    const res = await send(
      t,
      api.ratings.create,
      { body: { matchId: match.id, score: 5, ratedId: requester.id } },
      { token: requester.token },
    );
    expectValidationError(res, 'body');
  });

  it('validates the body', async () => {
    const { requester, match } = await matchAt(t, 'completed');
    const token = requester.token;
    const cases: [Record<string, unknown>, string][] = [
      [{ score: 5 }, 'body.matchId'],
      [{ matchId: match.id }, 'body.score'],
      [{ matchId: match.id, score: 0 }, 'body.score'],
      [{ matchId: match.id, score: 6 }, 'body.score'],
      [{ matchId: match.id, score: 3.5 }, 'body.score'],
      [{ matchId: match.id, score: '5' }, 'body.score'],
      [{ matchId: String(match.id), score: 5 }, 'body.matchId'],
      [{ matchId: match.id, score: 5, comment: 'c'.repeat(1001) }, 'body.comment'],
      [{ matchId: match.id, score: 5, comment: 42 }, 'body.comment'],
      [{ matchId: match.id, score: 5, wouldCollaborateAgain: 'yes' }, 'body.wouldCollaborateAgain'],
    ];
    for (const [body, path] of cases) {
      expectValidationError(await send(t, api.ratings.create, { body }, { token }), path);
    }
    // Nothing got through.
    expect(
      (await rate(requester, { matchId: match.id, score: 5, comment: 'c'.repeat(1000) })).status,
    ).toBe(201);
  });

  it('needs a session', async () => {
    expectError(
      await t.call(api.ratings.create, { body: { matchId: 1, score: 5 } }),
      401,
      'unauthorized',
    );
  });
});

/** A dancer rated by partners at one event with the given scores and "again" answers. */
async function ratedDancer(scores: [number, boolean][]) {
  const {
    event,
    users: [dancer, ...partners],
  } = await eventWithDancers(t, scores.length + 1);
  for (const [i, [score, again]] of scores.entries()) {
    const partner = partners[i]!;
    const match = await requestMatch(t, partner, dancer!, event.id);
    await moveMatch(t, dancer!, match.id, 'accepted');
    await moveMatch(t, partner, match.id, 'completed');
    const res = await rate(partner, {
      matchId: match.id,
      score,
      wouldCollaborateAgain: again,
      comment: `rating ${i}`,
    });
    expect(res.status).toBe(201);
  }
  return { dancer: dancer!, partners };
}

describe('GET /api/ratings/user/:id', () => {
  it('lists the ratings a dancer received, newest first, without emails', async () => {
    const { dancer, partners } = await ratedDancer([
      [5, true],
      [4, true],
      [2, false],
    ]);
    const res = await t.call(
      api.ratings.byUser,
      { params: { id: dancer.id }, query: { limit: 2 } },
      { token: outsider.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(res.body.items.map((r) => [r.comment, r.rater.id, r.ratedId])).toEqual([
      ['rating 2', partners[2]!.id, dancer.id],
      ['rating 1', partners[1]!.id, dancer.id],
    ]);
    expectNoSecrets(res.body, [dancer.email, ...partners.map((p) => p.email)]);
    const page2 = await t.call(
      api.ratings.byUser,
      { params: { id: dancer.id }, query: { limit: 2, page: 2 } },
      { token: outsider.token },
    );
    expect(page2.body.items.map((r) => r.comment)).toEqual(['rating 0']);
    // The raters themselves received nothing.
    const rater = await t.call(
      api.ratings.byUser,
      { params: { id: partners[0]!.id } },
      { token: outsider.token },
    );
    expect(rater.body).toMatchObject({ items: [], total: 0 });
  });

  it('is 404 for a missing user, 400 for a bad id or page, 401 without a session', async () => {
    const token = outsider.token;
    expectError(
      await t.call(api.ratings.byUser, { params: { id: MAX_INT } }, { token }),
      404,
      'not_found',
    );
    expectValidationError(
      await send(t, api.ratings.byUser, { params: { id: 'me' } }, { token }),
      'params.id',
    );
    expectValidationError(
      await send(
        t,
        api.ratings.byUser,
        { params: { id: outsider.id }, query: { page: '-1' } },
        { token },
      ),
      'query.page',
    );
    expectError(
      await t.call(api.ratings.byUser, { params: { id: outsider.id } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/ratings/stats/:id', () => {
  it('gives the count, the mean, the share who would dance again and the distribution', async () => {
    const { dancer } = await ratedDancer([
      [5, true],
      [4, true],
      [2, false],
    ]);
    const res = await t.call(
      api.ratings.stats,
      { params: { id: dancer.id } },
      { token: outsider.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: dancer.id,
      count: 3,
      average: 3.67,
      wouldCollaborateAgainShare: 0.667,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
    });
  });

  it('is empty for a dancer nobody rated yet', async () => {
    const res = await t.call(
      api.ratings.stats,
      { params: { id: outsider.id } },
      { token: outsider.token },
    );
    expect(res.body).toEqual({
      userId: outsider.id,
      count: 0,
      average: null,
      wouldCollaborateAgainShare: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
  });

  it('is 404 for a missing user, 400 for a bad id, 401 without a session', async () => {
    const token = outsider.token;
    expectError(
      await t.call(api.ratings.stats, { params: { id: MAX_INT } }, { token }),
      404,
      'not_found',
    );
    expectValidationError(
      await send(t, api.ratings.stats, { params: { id: '1;drop' } }, { token }),
      'params.id',
    );
    expectError(
      await t.call(api.ratings.stats, { params: { id: outsider.id } }),
      401,
      'unauthorized',
    );
  });
});
