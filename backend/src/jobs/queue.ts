/**
 * Durable jobs: work that must happen once, later or with retries, even across a restart and
 * with several backend nodes (matching after a deadline, heat reminders, push retries, mail).
 *
 * pg-boss keeps the jobs in the application's own database, PostgreSQL or the embedded PGlite,
 * and hands each one to exactly one worker (`FOR UPDATE SKIP LOCKED`). Modules describe their
 * jobs in `JobTypes`, register a handler with `define`, and `send` them.
 */
import type { PushPayload } from '@spotlight/contracts';
import PgBoss, { type Queue } from 'pg-boss';
import { pgError, type DatabaseHandle } from '../db/client';
import type { Logger } from '../logger';

/** Every job by name, with the data it carries. A module adds its jobs here. */
export interface JobTypes {
  /** Deletes session rows that expired or were revoked long ago. */
  'sessions.purge': Record<string, never>;
  /** Sends one notification to one push subscription (modules/push). */
  'push.send': { subscriptionId: number; payload: PushPayload };
  /** Mails a new e-mail verification link to the account's current address. */
  'auth.verification-mail': { userId: number };
  /** Mails a password-reset link, when an account uses the address (else does nothing). */
  'auth.password-reset-mail': { email: string };
  /** Mails the link that confirms a new address to that address (modules/auth/account). */
  'auth.email-change-mail': { userId: number; email: string };
  /** Tells the address being replaced that a change was asked for. */
  'auth.email-change-notice': { userId: number; oldEmail: string; newEmail: string };
  /** Recorder matching for an event once its registration deadline (ISO) has passed. */
  'matching.deadline': { eventId: number; deadline: string };
  /** Every minute: reminds the dancers of heats that start within HEAT_REMINDER_MINUTES. */
  'heats.reminders': Record<string, never>;
}

export type JobName = keyof JobTypes;

export interface JobInfo {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

export interface JobDefinition {
  /** Attempts after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled each time with `retryBackoff`. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run that takes longer than this counts as failed (default 5 minutes). */
  expireInSeconds?: number;
  /** How many jobs of this name one node runs at once (default 1). */
  concurrency?: number;
  /**
   * Every send names a `singletonKey`, and while a job with that key waits to run, another
   * send with the same key is dropped: one reminder per heat, one matching run per event.
   */
  unique?: boolean;
}

export interface SendOptions {
  /** Not before this moment. */
  startAfter?: Date;
  /** Required by a `unique` job: while one with this key waits, the same key is dropped. */
  singletonKey?: string;
}

export interface JobQueue {
  /** Registers the handler of a job; every `define` comes before `start`. */
  define<N extends JobName>(
    name: N,
    handler: (data: JobTypes[N], job: JobInfo) => Promise<void>,
    options?: JobDefinition,
  ): void;
  /** Queues a job; resolves to its id, or undefined when a singleton key dropped it. */
  send<N extends JobName>(
    name: N,
    data: JobTypes[N],
    options?: SendOptions,
  ): Promise<string | undefined>;
  /** Cancels a job that has not run yet (a reminder for a heat that moved). */
  cancel(name: JobName, id: string): Promise<void>;
  /** Runs a job on a cron schedule (UTC), once per tick across all nodes; may come before start. */
  schedule<N extends JobName>(name: N, cron: string, data: JobTypes[N]): Promise<void>;
  start(): Promise<void>;
  /** Stops taking jobs and waits (up to the timeout) for the running ones. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  database: DatabaseHandle;
  logger: Logger;
  /** How often an idle worker looks for new jobs (pg-boss allows 0.5 s at least). */
  pollSeconds: number;
}

interface Registered {
  handler: (data: never, job: JobInfo) => Promise<void>;
  options: JobDefinition;
}

/**
 * Creates or updates a queue. Two nodes starting at once both find no queue and both create it:
 * one of them then fails (a deadlock or a duplicate in pg-boss's tables), and tries again,
 * finding the queue the other one made.
 */
/** A deadlock or a duplicate: another node created the same thing at the same moment. */
const isCreateRace = (error: unknown) => {
  const code = pgError(error)?.code;
  return code === '40P01' || code === '23505' || code === '42P07';
};

async function ensureQueue(boss: PgBoss, queue: Queue & { name: string }) {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (!isCreateRace(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

export function createJobQueue({ database, logger, pollSeconds }: JobQueueOptions): JobQueue {
  // pg-boss's stop can resolve while a poll it started is still in flight: that poll then hands
  // out a job, and the job's complete/fail query (which pg-boss does not await) would run on a
  // closed database. Every query and every handler run is counted, and stop waits for zero.
  let inFlight = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
    }
  };
  const newBoss = () => {
    const created = new PgBoss({
      db: {
        executeSql: (text: string, values?: unknown[]) => track(() => database.sql(text, values)),
      },
      schema: 'pgboss',
      // Finished jobs are kept a week for the organiser's logs, then archived and deleted.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 30,
    });
    created.on('error', (error) => logger.warn({ err: error }, 'job queue error'));
    return created;
  };
  let boss = newBoss();
  /**
   * Starts pg-boss, which creates its schema on a fresh database. Two nodes starting at once
   * on one fresh PostgreSQL can collide there (seen in CI: a duplicate `pgboss` namespace),
   * and a PgBoss that failed to start cannot start again: a new one tries, like ensureQueue.
   */
  const startBoss = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.start();
        return;
      } catch (error) {
        if (!isCreateRace(error) || attempt >= 5) throw error;
        boss = newBoss();
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
  };
  const handlers = new Map<JobName, Registered>();
  const schedules: { name: JobName; cron: string; data: object }[] = [];
  let started: Promise<void> | undefined;

  const runOne = async (name: JobName, job: PgBoss.JobWithMetadata<unknown>) => {
    try {
      await handlers.get(name)!.handler(job.data as never, {
        id: job.id,
        retryCount: job.retryCount,
      });
    } catch (error) {
      logger.warn({ err: error, job: name, id: job.id, attempt: job.retryCount }, 'job failed');
      // pg-boss marks the job failed and schedules the retry when the handler throws.
      throw error;
    }
  };
  const run = async (name: JobName, jobs: PgBoss.JobWithMetadata<unknown>[]) => {
    for (const job of jobs) await track(() => runOne(name, job));
  };

  return {
    define(name, handler, options = {}) {
      if (started) throw new Error(`job ${name} defined after start`);
      handlers.set(name, { handler: handler as Registered['handler'], options });
    },

    async send(name, data, options = {}) {
      await started;
      if (handlers.get(name)?.options.unique && !options.singletonKey) {
        throw new Error(`job ${name} needs a singletonKey`);
      }
      const id = await boss.send(name, data as object, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
      return id ?? undefined;
    },

    async cancel(name, id) {
      await started;
      await boss.cancel(name, id);
    },

    async schedule(name, cron, data) {
      if (!started) {
        schedules.push({ name, cron, data: data as object });
        return;
      }
      await started;
      await boss.schedule(name, cron, data as object, { tz: 'UTC' });
    },

    start() {
      return (started ??= (async () => {
        await startBoss();
        for (const [name, { options }] of handlers) {
          const queue = {
            name,
            // "short" keeps one queued job per singleton key; "standard" keeps every job.
            policy: options.unique ? ('short' as const) : ('standard' as const),
            retryLimit: options.retryLimit ?? 3,
            retryDelay: options.retryDelaySeconds ?? 30,
            retryBackoff: options.retryBackoff ?? true,
            expireInSeconds: options.expireInSeconds ?? 300,
          };
          await ensureQueue(boss, queue);
          const workers = options.concurrency ?? 1;
          for (let i = 0; i < workers; i++) {
            await boss.work(
              name,
              { pollingIntervalSeconds: pollSeconds, batchSize: 1, includeMetadata: true },
              (jobs) => run(name, jobs),
            );
          }
        }
        for (const { name, cron, data } of schedules) {
          await boss.schedule(name, cron, data, { tz: 'UTC' });
        }
      })());
    },

    async stop(timeoutMs = 10_000) {
      if (!started) return;
      await started.catch(() => undefined);
      const deadline = Date.now() + timeoutMs;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
      // A timer turn lets a settled handler's complete/fail query start before the count is read.
      do await new Promise((resolve) => setTimeout(resolve, 20));
      while (inFlight > 0 && Date.now() < deadline);
    },
  };
}
