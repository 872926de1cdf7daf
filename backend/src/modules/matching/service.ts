/**
 * Heats and recorder matching: the sheet and each dancer's heats (sheet-service.ts), runs of
 * the engine (run.ts), the recordings both people answer, and the run after the deadline.
 */
import type { MatchingRuns, Recording, RecordingAnswer } from '@spotlight/contracts';
import { AppError, notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { EventsService } from '../events/service';
import type { MatchesService } from '../matches/service';
import type { RolesService } from '../roles/service';
import { scheduleDeadlineRuns } from './job';
import { scheduleHeatReminders } from './reminders';
import { toRecording, toRun, byTime, type RecordingContext } from './presenter';
import * as repo from './repository';
import { isKept, runMatching } from './run';
import { createSheetService, loadSheet } from './sheet-service';

export type MatchingService = ReturnType<typeof createMatchingService>;

export function createMatchingService(
  ctx: AppContext,
  deps: { events: EventsService; roles: RolesService; matches: MatchesService },
) {
  const { db, bus } = ctx;
  const { events, roles, matches } = deps;

  /** What it takes to show these recordings: heats, people, roles and bibs. */
  const contextFor = async (eventId: number, rows: repo.RecordingRow[]) => {
    const userIds = [...new Set(rows.flatMap((r) => [r.dancerId, r.recorderId]))];
    const [{ sheet, order }, users, declared, entries] = await Promise.all([
      loadSheet(db, eventId),
      repo.usersByIds(db, userIds),
      repo.listDancerHeats(db, eventId),
      repo.listEntries(db, eventId),
    ]);
    const context: RecordingContext = {
      heats: new Map(sheet.heats.map((h) => [h.id, h])),
      users: new Map(users.map((u) => [u.id, u])),
      roles: new Map(declared.map((d) => [`${d.userId}:${d.heatId}`, d.role])),
      bibs: new Map(entries.map((e) => [e.userId, e.bib])),
    };
    return { context, order };
  };

  /** Tells both people of each recording, each from their side. */
  const announce = async (
    eventId: number,
    rows: repo.RecordingRow[],
    change: 'created' | 'changed' | 'withdrawn',
  ) => {
    if (!rows.length) return;
    const { context } = await contextFor(eventId, rows);
    for (const row of rows) {
      for (const userId of [row.dancerId, row.recorderId]) {
        bus.emit('recording.changed', {
          userId,
          recording: toRecording(row, userId, context),
          removed: change === 'withdrawn',
          created: change === 'created',
        });
      }
    }
  };

  const run = async (
    eventId: number,
    trigger: 'manual' | 'deadline',
    by: number | null,
    deadline?: Date,
  ) => {
    const outcome = await runMatching(db, eventId, trigger, by, deadline);
    if (!outcome) return null;
    ctx.logger.info(
      {
        eventId,
        trigger,
        ...outcome.run.inputs,
        covered: outcome.run.covered,
        ms: outcome.run.durationMs,
      },
      'matching run',
    );
    await announce(eventId, outcome.withdrawn, 'withdrawn');
    await announce(eventId, outcome.created, 'created');
    return outcome.run;
  };

  scheduleHeatReminders(ctx);
  const deadlines = scheduleDeadlineRuns(ctx, (eventId, deadline) =>
    run(eventId, 'deadline', null, deadline),
  );

  /** After a dancer changed their heats: withdraw what no longer fits, telling both. */
  const onEntryChanged = async (eventId: number, userId: number) => {
    const [entry, declared, rows] = await Promise.all([
      repo.findEntry(db, eventId, userId),
      repo.listDancerHeats(db, eventId, userId),
      repo.recordingsOf(db, eventId, userId),
    ]);
    const mine = new Set(declared.map((d) => d.heatId));
    const gone = rows.filter(
      (r) =>
        (r.dancerId === userId && !mine.has(r.heatId)) ||
        (r.recorderId === userId &&
          entry?.willingToRecord === false &&
          !isKept(r) &&
          r.status === 'suggested'),
    );
    if (!gone.length) return;
    await announce(eventId, gone, 'withdrawn');
    await repo.deleteRecordings(
      db,
      gone.map((r) => r.id),
    );
  };

  const sheet = createSheetService(ctx, {
    events,
    roles,
    onDeadline: deadlines.schedule,
    onEntryChanged,
  });

  const assertManager = async (userId: number, eventId: number) => {
    await events.assertExists(eventId);
    await roles.assertCanManageEvent(userId, eventId);
  };

  const view = async (row: repo.RecordingRow, viewerId: number) =>
    toRecording(row, viewerId, (await contextFor(row.eventId, [row])).context);

  return {
    sheet,

    async run(userId: number, eventId: number) {
      await assertManager(userId, eventId);
      return (await run(eventId, 'manual', userId))!;
    },

    async runs(userId: number, eventId: number): Promise<MatchingRuns> {
      await assertManager(userId, eventId);
      const [runs, declared, rows] = await Promise.all([
        repo.listRuns(db, eventId),
        repo.listDancerHeats(db, eventId),
        repo.listRecordings(db, eventId),
      ]);
      const demands = new Set(declared.map((d) => `${d.userId}:${d.heatId}`));
      const live = rows.filter(
        (r) => r.status !== 'declined' && demands.has(`${r.dancerId}:${r.heatId}`),
      );
      return {
        runs: runs.map(toRun),
        coverage: {
          declared: demands.size,
          covered: live.length,
          accepted: live.filter((r) => r.status === 'accepted').length,
        },
      };
    },

    async list(userId: number, eventId: number): Promise<{ items: Recording[] }> {
      await events.assertExists(eventId);
      const rows = await repo.recordingsOf(db, eventId, userId);
      const { context, order } = await contextFor(eventId, rows);
      const items = rows.map((row) => toRecording(row, userId, context));
      return { items: byTime(items, (item) => item.heat, order) };
    },

    /** Accept or decline, for the dancer and the recorder only (404 for anyone else). */
    async answer(userId: number, id: number, answer: RecordingAnswer): Promise<Recording> {
      if (answer === 'accepted') {
        const found = await repo.findRecording(db, id, false);
        const party = found && (found.dancerId === userId || found.recorderId === userId);
        if (party) await events.assertMayTakePart(found.eventId, userId);
      }
      const changed = await db.transaction(async (tx) => {
        const row = await repo.findRecording(tx, id, true);
        if (!row || (row.dancerId !== userId && row.recorderId !== userId)) {
          throw notFound('Recording');
        }
        const field = row.dancerId === userId ? 'dancerAnswer' : 'recorderAnswer';
        if (row[field] === answer || (row.status === 'declined' && answer === 'declined')) {
          return { row, moved: false };
        }
        if (row.status === 'declined') {
          throw new AppError(
            'invalid_transition',
            'This recording was declined; the next run finds someone else',
          );
        }
        const answers = { ...row, [field]: answer };
        const status =
          answer === 'declined'
            ? 'declined'
            : answers.dancerAnswer === 'accepted' && answers.recorderAnswer === 'accepted'
              ? 'accepted'
              : row.status;
        return {
          row: await repo.updateRecording(tx, id, { [field]: answer, status }),
          moved: true,
        };
      });
      let row = changed.row;
      if (changed.moved && row.status === 'accepted' && row.matchId === null) {
        const matchId = await matches.acceptForRecording(row.eventId, row.recorderId, row.dancerId);
        row = await repo.updateRecording(db, id, { matchId });
      }
      if (changed.moved) await announce(row.eventId, [row], 'changed');
      return view(row, userId);
    },

    /** Schedules the run after a deadline; the settings call it when the deadline changes. */
    deadlines,
  };
}
