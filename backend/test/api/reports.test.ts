import { api, MAX_INT, type CreateReportBody } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, expectNoSecrets, expectValidationError, matchAt, send } from '../helpers';

let t: TestServer;
let reporter: TestUser;
let reported: TestUser;
beforeAll(async () => {
  t = await startTestServer();
  reporter = await t.registerUser();
  reported = await t.registerUser();
});
afterAll(() => t.close());

const file = (user: TestUser, body: CreateReportBody) =>
  t.call(api.reports.create, { body }, { token: user.token });

describe('POST /api/reports', () => {
  it('files a report about a dancer', async () => {
    const res = await file(reporter, {
      reportedUserId: reported.id,
      reason: 'harassment',
      details: '  Kept messaging after I said no  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      reported: { id: reported.id, username: reported.username, displayName: null, avatar: null },
      matchId: null,
      eventId: null,
      reason: 'harassment',
      details: 'Kept messaging after I said no',
      status: 'open',
      createdAt: expect.any(String),
    });
    expectNoSecrets(res.body, [reporter.email, reported.email]);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, res.body.id));
    expect(row).toMatchObject({ reporterId: reporter.id, reportedId: reported.id, status: 'open' });
  });

  it('files a report about the partner of a match', async () => {
    const { requester, target, match } = await matchAt(t, 'accepted');
    const res = await file(target, {
      reportedUserId: requester.id,
      matchId: match.id,
      reason: 'no_show',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ matchId: match.id, reason: 'no_show', details: null });
  });

  it('refuses a report about oneself', async () => {
    expectError(
      await file(reporter, { reportedUserId: reporter.id, reason: 'spam' }),
      400,
      'self_action',
    );
  });

  it('is 404 for a missing dancer', async () => {
    expectError(
      await file(reporter, { reportedUserId: MAX_INT, reason: 'spam' }),
      404,
      'not_found',
    );
  });

  it("is 404 for someone else's match or a missing one, 400 when the match is with another dancer", async () => {
    const { requester, target, match } = await matchAt(t, 'completed');
    expectError(
      await file(reporter, { reportedUserId: requester.id, matchId: match.id, reason: 'other' }),
      404,
      'not_found',
    );
    expectError(
      await file(reporter, { reportedUserId: requester.id, matchId: MAX_INT, reason: 'other' }),
      404,
      'not_found',
    );
    const res = await file(target, {
      reportedUserId: reported.id,
      matchId: match.id,
      reason: 'other',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_error');
    const [rows] = await t.db
      .select({ value: count() })
      .from(reports)
      .where(eq(reports.matchId, match.id));
    expect(rows!.value).toBe(0);
  });

  it('validates the body', async () => {
    const token = reporter.token;
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: 'spam' }, 'body.reportedUserId'],
      [{ reportedUserId: reported.id }, 'body.reason'],
      [{ reportedUserId: reported.id, reason: 'rude' }, 'body.reason'],
      [{ reportedUserId: String(reported.id), reason: 'spam' }, 'body.reportedUserId'],
      [{ reportedUserId: reported.id, reason: 'spam', matchId: 'x' }, 'body.matchId'],
      [{ reportedUserId: reported.id, reason: 'spam', details: 'd'.repeat(2001) }, 'body.details'],
      [{ reportedUserId: reported.id, reason: 'spam', details: ['a'] }, 'body.details'],
      [{ reportedUserId: reported.id, reason: 'spam', status: 'resolved' }, 'body'],
    ];
    for (const [body, path] of cases) {
      expectValidationError(await send(t, api.reports.create, { body }, { token }), path);
    }
  });

  it('limits how many reports one dancer files in an hour', async () => {
    const busy = await t.registerUser();
    for (let i = 0; i < 20; i++) {
      expect((await file(busy, { reportedUserId: reported.id, reason: 'spam' })).status).toBe(201);
    }
    const res = await file(busy, { reportedUserId: reported.id, reason: 'spam' });
    expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Others are not affected.
    expect((await file(reporter, { reportedUserId: busy.id, reason: 'spam' })).status).toBe(201);
  });

  it('needs a session', async () => {
    expectError(
      await t.call(api.reports.create, { body: { reportedUserId: reported.id, reason: 'spam' } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/reports and /api/reports/:id', () => {
  it("lists the reports the user filed, newest first, and never anyone else's", async () => {
    const mine = await t.registerUser();
    const a = await file(mine, { reportedUserId: reported.id, reason: 'spam' });
    const b = await file(mine, { reportedUserId: reporter.id, reason: 'impersonation' });
    await file(reporter, { reportedUserId: mine.id, reason: 'other' });
    const res = await t.call(api.reports.list, {}, { token: mine.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(res.body.items.map((r) => r.id)).toEqual([b.body.id, a.body.id]);
    expectNoSecrets(res.body, [reported.email, reporter.email]);
    const page = await t.call(
      api.reports.list,
      { query: { limit: 1, page: 2 } },
      { token: mine.token },
    );
    expect(page.body.items.map((r) => r.id)).toEqual([a.body.id]);
  });

  it("shows one report to its reporter only: 404 for another's or a missing one", async () => {
    const own = await file(reporter, {
      reportedUserId: reported.id,
      reason: 'inappropriate_content',
    });
    const res = await t.call(
      api.reports.get,
      { params: { id: own.body.id } },
      { token: reporter.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual(own.body);
    // Not even the dancer reported may read it.
    expectError(
      await t.call(api.reports.get, { params: { id: own.body.id } }, { token: reported.token }),
      404,
      'not_found',
    );
    expectError(
      await t.call(api.reports.get, { params: { id: MAX_INT } }, { token: reporter.token }),
      404,
      'not_found',
    );
  });

  it('validates and needs a session', async () => {
    const token = reporter.token;
    expectValidationError(
      await send(t, api.reports.list, { query: { limit: '0' } }, { token }),
      'query.limit',
    );
    expectValidationError(
      await send(t, api.reports.get, { params: { id: 'abc' } }, { token }),
      'params.id',
    );
    expectError(await t.call(api.reports.list), 401, 'unauthorized');
    expectError(await t.call(api.reports.get, { params: { id: 1 } }), 401, 'unauthorized');
  });
});
