/**
 * The run after the registration deadline: a durable job (pg-boss, in the app's database), so
 * it survives a restart, and runs on one node only. Each deadline is its own singleton key;
 * a job whose deadline is no longer the event's (the organiser moved it) does nothing, and a
 * deadline that already had its run is not run twice.
 */
import type { AppContext } from '../../http/context';
import * as repo from './repository';

export const MATCHING_JOB = 'matching.deadline' as const;

export function scheduleDeadlineRuns(
  ctx: AppContext,
  run: (eventId: number, deadline: Date) => Promise<unknown>,
) {
  ctx.jobs.define(
    MATCHING_JOB,
    async ({ eventId, deadline }) => {
      const settings = await repo.findSettings(ctx.db, eventId);
      const current = settings?.registrationDeadline?.toISOString() ?? null;
      if (current !== deadline || Date.parse(deadline) > Date.now()) return;
      // Once per deadline, even if two nodes or a retry get here (checked again under a lock).
      if (await repo.hasDeadlineRunSince(ctx.db, eventId, new Date(deadline))) return;
      await run(eventId, new Date(deadline));
    },
    { unique: true, retryLimit: 3, retryDelaySeconds: 30 },
  );

  return {
    /** Queues the run for this deadline (none when cleared); the old one becomes a no-op. */
    async schedule(eventId: number, deadline: Date | null) {
      if (!deadline) return;
      const iso = deadline.toISOString();
      await ctx.jobs.send(
        MATCHING_JOB,
        { eventId, deadline: iso },
        { startAfter: deadline, singletonKey: `${eventId}:${iso}` },
      );
    },
  };
}
