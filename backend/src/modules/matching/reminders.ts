/**
 * "Your heat in 10 minutes, Ben films you": every minute one node claims the heats that start
 * within HEAT_REMINDER_MINUTES and were not reminded of, and tells each of their dancers (the
 * notification triggers listen to `heat.starting`). A heat that moves is reminded of again.
 */
import type { PublicUser } from '@spotlight/contracts';
import type { AppContext } from '../../http/context';
import * as repo from './repository';
import { loadSheet } from './sheet-service';

export const REMINDER_JOB = 'heats.reminders' as const;

const nameOf = (user: Pick<PublicUser, 'displayName' | 'username'>) =>
  user.displayName ?? user.username;

/** Claims the due heats and announces one `heat.starting` per dancer; returns how many. */
export async function remindDueHeats(ctx: AppContext, now = Date.now()) {
  const until = new Date(now + ctx.config.HEAT_REMINDER_MINUTES * 60_000);
  const due = await repo.claimHeatsStartingBy(ctx.db, until);
  if (!due.length) return 0;
  const rows = await repo.dancersWithRecorders(
    ctx.db,
    due.map((heat) => heat.id),
  );
  const recorderIds = [...new Set(rows.flatMap((r) => (r.recorderId ? [r.recorderId] : [])))];
  const [recorders, labels] = await Promise.all([
    repo.usersByIds(ctx.db, recorderIds),
    heatLabels(ctx, new Set(due.map((heat) => heat.eventId))),
  ]);
  const names = new Map(recorders.map((user) => [user.id, nameOf(user)]));
  const heats = new Map(due.map((heat) => [heat.id, heat]));
  // One reminder per dancer and heat (a dancer has one accepted recorder per heat at most).
  const byDancer = new Map(rows.map((row) => [`${row.userId}:${row.heatId}`, row]));
  for (const row of byDancer.values()) {
    const heat = heats.get(row.heatId)!;
    const minutes = Math.max(1, Math.round((heat.startsAt!.getTime() - now) / 60_000));
    const filmedBy = row.recorderId ? names.get(row.recorderId) : undefined;
    ctx.bus.emit('heat.starting', {
      userId: row.userId,
      eventId: heat.eventId,
      heatId: heat.id,
      heatLabel: labels.get(heat.id) ?? `Heat ${heat.id}`,
      minutes,
      ...(filmedBy ? { filmedBy } : {}),
    });
  }
  return byDancer.size;
}

/** "Novice · Jack & Jill · Prelims · Heat 3" for every heat of these events. */
async function heatLabels(ctx: AppContext, eventIds: Set<number>) {
  const labels = new Map<number, string>();
  for (const eventId of eventIds) {
    const { sheet } = await loadSheet(ctx.db, eventId);
    for (const heat of sheet.heats) labels.set(heat.id, heat.label);
  }
  return labels;
}

export function scheduleHeatReminders(ctx: AppContext) {
  ctx.jobs.define(
    REMINDER_JOB,
    async () => {
      const sent = await remindDueHeats(ctx);
      if (sent > 0) ctx.logger.info({ sent }, 'heat reminders');
    },
    { retryLimit: 1, retryDelaySeconds: 10 },
  );
  void ctx.jobs.schedule(REMINDER_JOB, '* * * * *', {});
}
