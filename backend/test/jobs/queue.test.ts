/**
 * The durable job queue on the real database (PGlite, or PostgreSQL with DATABASE_URL): a job
 * runs once with its data, a failure is retried, a pending job survives a restart of the queue,
 * two nodes on one database run each job once, and a unique key drops a second send.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue';
import { insertSession } from '../../src/modules/auth/repository';
import { openTestDatabase, startTestServer, type TestServer } from '../harness';
import { sessions } from '../../src/db/schema';
import { createLogger } from '../../src/logger';
import { testConfig } from '../harness';

declare module '../../src/jobs/queue' {
  interface JobTypes {
    'test.record': { value: number };
    'test.flaky': { failures: number };
    'test.unique': { key: string };
    'test.late': { value: number };
  }
}

const logger = createLogger(testConfig());
const WAIT = { timeout: 20_000, interval: 100 };

describe('job queue', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  const queues: JobQueue[] = [];
  const newQueue = () => {
    const queue = createJobQueue({ database: db.handle, logger, pollSeconds: 0.5 });
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop(1000);
    await db.handle.close();
    await db.drop();
  });

  it('runs a job once with its data, and retries a failing one with its attempt count', async () => {
    const queue = newQueue();
    const seen: number[] = [];
    const attempts: number[] = [];
    queue.define('test.record', async ({ value }) => {
      seen.push(value);
    });
    queue.define(
      'test.flaky',
      async ({ failures }, job) => {
        attempts.push(job.retryCount);
        if (job.retryCount < failures) throw new Error('not yet');
      },
      { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false },
    );
    await queue.start();
    await queue.send('test.record', { value: 42 });
    await queue.send('test.flaky', { failures: 2 });
    await vi.waitFor(() => expect(attempts).toEqual([0, 1, 2]), WAIT);
    expect(seen).toEqual([42]);
    await queue.stop(1000);
  });

  it('keeps a pending job across a restart, and two nodes on one database run each job once', async () => {
    const first = newQueue();
    first.define('test.record', async () => {
      throw new Error('the first node must not run it: it stopped');
    });
    await first.start();
    const later = new Date(Date.now() + 1500);
    for (let value = 0; value < 12; value++) {
      await first.send('test.record', { value }, { startAfter: later });
    }
    await first.stop(1000);

    // Two nodes start on the same database after the first one stopped.
    const runs: { node: string; value: number }[] = [];
    for (const node of ['a', 'b']) {
      const queue = newQueue();
      queue.define(
        'test.record',
        async ({ value }) => {
          runs.push({ node, value });
        },
        { concurrency: 2 },
      );
      await queue.start();
    }
    await vi.waitFor(() => expect(runs).toHaveLength(12), WAIT);
    // A little longer, to see that nothing runs twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs.map((r) => r.value).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'starts two nodes at once on a fresh database (both create the same queues)',
    async () => {
      // PGlite runs one process; the race is between two nodes on one PostgreSQL.
      for (let round = 0; round < 3; round++) {
        const fresh = await openTestDatabase();
        const nodes = [0, 1].map(() =>
          createJobQueue({ database: fresh.handle, logger, pollSeconds: 0.5 }),
        );
        for (const node of nodes) {
          node.define('test.record', async () => {});
          node.define('test.flaky', async () => {});
          node.define('test.unique', async () => {}, { unique: true });
        }
        const started = await Promise.allSettled(nodes.map((node) => node.start()));
        for (const node of nodes) await node.stop(1000);
        await fresh.handle.close();
        await fresh.drop();
        expect(started.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      }
    },
  );

  it('stops after a poll that was still in flight: its job runs and completes before stop resolves', async () => {
    // pg-boss's own stop resolves while a poll is in flight; the job that poll hands out then
    // ran its complete query on a closed database (an unhandled rejection in CI).
    let release: () => void = () => {};
    let armed = false;
    let held = false;
    let closed = false;
    const late: string[] = [];
    const database = {
      ...db.handle,
      sql: async (text: string, values?: unknown[]) => {
        if (closed) late.push(text.slice(0, 80));
        if (armed && !held && /SKIP LOCKED/i.test(text)) {
          held = true;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return db.handle.sql(text, values);
      },
    };
    const queue = createJobQueue({ database, logger, pollSeconds: 0.5 });
    const ran: number[] = [];
    queue.define('test.late', async ({ value }) => {
      ran.push(value);
    });
    await queue.start();
    armed = true;
    await queue.send('test.late', { value: 7 });
    await vi.waitFor(() => expect(held).toBe(true), WAIT);
    const stopped = queue.stop(5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await stopped;
    closed = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ran).toEqual([7]);
    expect(late).toEqual([]);
  });

  it('drops a second send with the same unique key while the first one waits', async () => {
    const queue = newQueue();
    const keys: string[] = [];
    queue.define(
      'test.unique',
      async ({ key }) => {
        keys.push(key);
      },
      { unique: true },
    );
    await queue.start();
    const startAfter = new Date(Date.now() + 1000);
    const first = await queue.send(
      'test.unique',
      { key: 'heat-7' },
      { singletonKey: 'heat-7', startAfter },
    );
    const second = await queue.send(
      'test.unique',
      { key: 'heat-7' },
      { singletonKey: 'heat-7', startAfter },
    );
    const other = await queue.send(
      'test.unique',
      { key: 'heat-8' },
      { singletonKey: 'heat-8', startAfter },
    );
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    expect(other).toBeDefined();
    await expect(queue.send('test.unique', { key: 'x' })).rejects.toThrow(/singletonKey/);
    await vi.waitFor(() => expect(keys.sort()).toEqual(['heat-7', 'heat-8']), WAIT);
  });
});

describe('sessions.purge', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('deletes sessions that ended more than a week ago and keeps the others', async () => {
    const user = await t.registerUser();
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day);
    const oldExpired = await insertSession(t.db, { userId: user.id, expiresAt: ago(8) });
    const oldRevoked = await insertSession(t.db, {
      userId: user.id,
      expiresAt: new Date(Date.now() + day),
      revokedAt: ago(9),
    });
    const recentRevoked = await insertSession(t.db, {
      userId: user.id,
      expiresAt: new Date(Date.now() + day),
      revokedAt: ago(1),
    });
    await t.server.ctx.jobs.send('sessions.purge', {});
    await vi.waitFor(async () => {
      const ids = (await t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id);
      expect(ids).not.toContain(oldExpired.id);
      expect(ids).not.toContain(oldRevoked.id);
    }, WAIT);
    const ids = (await t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id);
    expect(ids).toContain(recentRevoked.id);
    // The registration's own session is live.
    expect(ids.length).toBe(2);
  });
});
