import { randomUUID } from 'node:crypto';
import { api, MAX_INT, type TransferTelemetryBody } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transferReports } from '../../src/db/schema';
import { TELEMETRY_REPORTS_PER_USER_PER_HOUR } from '../../src/limits';
import { serveTestFile, startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, expectValidationError, matchAt, send, type MatchStage } from '../helpers';

let t: TestServer;
let outsider: TestUser;
serveTestFile((server, user) => ([t, outsider] = [server, user]));

const MiB = 1024 * 1024;

const report = (overrides: Partial<TransferTelemetryBody> & { matchId: number }) => ({
  transferId: randomUUID(),
  role: 'receiver' as const,
  outcome: 'completed' as const,
  fileCount: 1,
  totalBytes: 100 * MiB,
  bytesTransferred: 100 * MiB,
  bytesResent: 0,
  durationMs: 10_000,
  ...overrides,
});

const post = (user: TestUser, body: ReturnType<typeof report>) =>
  t.call(api.transfers.telemetry, { body }, { token: user.token });

const reportsOf = async (matchId: number) =>
  (
    await t.db
      .select({ value: count() })
      .from(transferReports)
      .where(eq(transferReports.matchId, matchId))
  )[0]!.value;

describe('POST /api/transfers/telemetry', () => {
  it("stores a participant's report", async () => {
    const { requester, target, match } = await matchAt(t, 'accepted');
    const res = await post(target, report({ matchId: match.id, resumes: 2, connection: 'relay' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number) });
    const [row] = await t.db
      .select()
      .from(transferReports)
      .where(eq(transferReports.id, res.body.id));
    expect(row).toMatchObject({
      matchId: match.id,
      userId: target.id,
      role: 'receiver',
      outcome: 'completed',
      totalBytes: 100 * MiB,
      resumes: 2,
      connection: 'relay',
      reason: null,
    });
    const sender = await post(requester, report({ matchId: match.id, role: 'sender' }));
    expect(sender.status).toBe(201);
  });

  it("is 404 for someone else's match and a missing one", async () => {
    const { match } = await matchAt(t, 'accepted');
    expectError(await post(outsider, report({ matchId: match.id })), 404, 'not_found');
    expectError(await post(outsider, report({ matchId: MAX_INT })), 404, 'not_found');
    expect(await reportsOf(match.id)).toBe(0);
  });

  it('takes one report per transfer and side: a replay is a 409 and counts once', async () => {
    const { requester, target, match } = await matchAt(t, 'accepted');
    const received = report({ matchId: match.id });
    expect((await post(target, received)).status).toBe(201);
    for (let i = 0; i < 5; i++) expectError(await post(target, received), 409, 'conflict');
    // The same transfer, as another outcome or the other side by the same user: still once.
    expectError(await post(target, { ...received, outcome: 'failed' }), 409, 'conflict');
    expectError(await post(target, { ...received, role: 'sender' }), 409, 'conflict');
    // The partner cannot take the receiver's side of it either, only the sender's.
    expectError(await post(requester, received), 409, 'conflict');
    expect((await post(requester, { ...received, role: 'sender' })).status).toBe(201);
    expect(await reportsOf(match.id)).toBe(2);
  });

  it('is refused for matches that never allowed transfers, and taken for completed ones', async () => {
    const closed: MatchStage[] = ['pending', 'rejected', 'cancelled'];
    for (const stage of closed) {
      const { requester, target, match } = await matchAt(t, stage);
      for (const user of [requester, target]) {
        expectError(await post(user, report({ matchId: match.id })), 403, 'forbidden');
      }
      expect(await reportsOf(match.id)).toBe(0);
    }
    const { target, match } = await matchAt(t, 'completed');
    expect((await post(target, report({ matchId: match.id }))).status).toBe(201);
  });

  it('is rate-limited per user', async () => {
    const { requester, target, match } = await matchAt(t, 'accepted');
    const statuses: number[] = [];
    for (let i = 0; i <= TELEMETRY_REPORTS_PER_USER_PER_HOUR; i++) {
      statuses.push((await post(target, report({ matchId: match.id }))).status);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(
      TELEMETRY_REPORTS_PER_USER_PER_HOUR,
    );
    const refused = await post(target, report({ matchId: match.id }));
    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await reportsOf(match.id)).toBe(TELEMETRY_REPORTS_PER_USER_PER_HOUR);
    // The partner has a budget of their own.
    expect((await post(requester, report({ matchId: match.id, role: 'sender' }))).status).toBe(201);
  });

  it('validates the body, and takes no file names', async () => {
    const { target, match } = await matchAt(t, 'accepted');
    const base = report({ matchId: match.id });
    const { role: _role, ...withoutRole } = base;
    const cases: [Record<string, unknown>, string][] = [
      [withoutRole, 'body.role'],
      [{ ...base, role: 'watcher' }, 'body.role'],
      [{ ...base, outcome: 'done' }, 'body.outcome'],
      [{ ...base, fileCount: 0 }, 'body.fileCount'],
      [{ ...base, fileCount: 101 }, 'body.fileCount'],
      [{ ...base, totalBytes: -1 }, 'body.totalBytes'],
      [{ ...base, totalBytes: 1e14 }, 'body.totalBytes'],
      [{ ...base, bytesResent: 1.5 }, 'body.bytesResent'],
      [{ ...base, durationMs: 8 * 24 * 3600 * 1000 }, 'body.durationMs'],
      [{ ...base, durationMs: '10' }, 'body.durationMs'],
      [{ ...base, connection: 'p2p' }, 'body.connection'],
      [{ ...base, reason: 'Ice Failed' }, 'body.reason'],
      [{ ...base, reason: 'x'.repeat(65) }, 'body.reason'],
      [{ ...base, fileName: 'heat-3.mp4' }, 'body'],
    ];
    for (const [body, path] of cases) {
      expectValidationError(
        await send(t, api.transfers.telemetry, { body }, { token: target.token }),
        path,
      );
    }
  });

  it('needs a session', async () => {
    expectError(
      await t.call(api.transfers.telemetry, { body: report({ matchId: 1 }) }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/transfers/stats', () => {
  it("sums up the receivers' reports", async () => {
    // A server of its own, so that the figures hold only what this test sent.
    const own = await startTestServer();
    try {
      const { requester: a, target: b, match } = await matchAt(own, 'accepted');
      const sendTo = (user: TestUser, body: ReturnType<typeof report>) =>
        own.call(api.transfers.telemetry, { body }, { token: user.token });
      const empty = await own.call(api.transfers.stats, {}, { token: a.token });
      expect(empty.body).toEqual({
        count: 0,
        completed: 0,
        failed: 0,
        cancelled: 0,
        successRate: null,
        medianMiBps: null,
        totalBytes: 0,
        failureReasons: [],
      });
      const matchId = match.id;
      for (const body of [
        report({ matchId, totalBytes: 100 * MiB, bytesTransferred: 100 * MiB }),
        report({ matchId, totalBytes: 300 * MiB, bytesTransferred: 300 * MiB }),
        report({ matchId, totalBytes: 200 * MiB, bytesTransferred: 200 * MiB }),
        report({ matchId, outcome: 'failed', bytesTransferred: 5 * MiB, reason: 'ice_failed' }),
        report({ matchId, outcome: 'cancelled', bytesTransferred: 0 }),
        // Senders' reports are not counted: the receiver knows whether the file arrived.
        report({ matchId, role: 'sender', totalBytes: 900 * MiB, bytesTransferred: 900 * MiB }),
        report({ matchId, role: 'sender', outcome: 'failed', reason: 'hash_mismatch' }),
      ]) {
        const user = body.role === 'sender' ? a : b;
        expect((await sendTo(user, body)).status).toBe(201);
      }
      const res = await own.call(api.transfers.stats, {}, { token: a.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        count: 5,
        completed: 3,
        failed: 1,
        cancelled: 1,
        successRate: 0.75,
        medianMiBps: 20,
        totalBytes: 605 * MiB,
        failureReasons: [{ reason: 'ice_failed', count: 1 }],
      });
    } finally {
      await own.close();
    }
  });

  it('needs a session', async () => {
    expectError(await t.call(api.transfers.stats), 401, 'unauthorized');
  });
});
