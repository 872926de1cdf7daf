/**
 * One matching run: the event's heats and dancers from the database into the pure engine, and
 * its suggestions back. Accepted recordings (and those one side accepted) are kept; declined
 * pairs are never suggested again; open suggestions nobody answered are re-planned, keeping the
 * rows the new plan repeats. One run per event at a time (the event row is locked).
 */
import type { MatchingRun } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events } from '../../db/schema';
import { matchOptimal, type Assignment, type Dancer, type HeatSlot } from './engine';
import { toRun, toSettings } from './presenter';
import * as repo from './repository';

type RecordingRow = repo.RecordingRow;

/** Kept by a new run: accepted, or accepted by one of the two while the other has not answered. */
export const isKept = (r: RecordingRow) =>
  r.status === 'accepted' ||
  (r.status === 'suggested' && (r.dancerAnswer === 'accepted' || r.recorderAnswer === 'accepted'));

const today = () => new Date().toISOString().slice(0, 10);
const assignment = (r: { heatId: number; dancerId: number; recorderId: number }): Assignment => ({
  heatId: String(r.heatId),
  dancerId: String(r.dancerId),
  recorderId: String(r.recorderId),
});
const tripleKey = (a: Assignment) => `${a.heatId}:${a.dancerId}:${a.recorderId}`;

export interface RunOutcome {
  run: MatchingRun;
  created: RecordingRow[];
  withdrawn: RecordingRow[];
}

export async function runMatching(
  db: Executor,
  eventId: number,
  trigger: 'manual' | 'deadline',
  startedBy: number | null,
  /** For the deadline job: no run when a deadline run was made since then (checked under the lock). */
  unlessDeadlineRunSince?: Date,
): Promise<RunOutcome | null> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${events} where id = ${eventId} for update`);
    if (
      unlessDeadlineRunSince &&
      (await repo.hasDeadlineRunSince(tx, eventId, unlessDeadlineRunSince))
    ) {
      return null;
    }
    const [dates, settingsRow, heatRows, dancerRows, declared, existing] = await Promise.all([
      repo.findEventDates(tx, eventId),
      repo.findSettings(tx, eventId),
      repo.listHeats(tx, eventId),
      repo.listDancers(tx, eventId),
      repo.listDancerHeats(tx, eventId),
      repo.listRecordings(tx, eventId),
    ]);
    const settings = toSettings(settingsRow);
    // Once the event has started, only the dancers at the venue take part.
    const checkedInOnly = !!dates && dates.startDate <= today();
    const people = dancerRows.filter((d) => !checkedInOnly || d.checkedInAt !== null);
    const ids = new Set(people.map((d) => d.user.id));
    const heatIds = new Set(heatRows.map((h) => h.id));
    const inPlay = (r: RecordingRow) =>
      ids.has(r.dancerId) && ids.has(r.recorderId) && heatIds.has(r.heatId);

    const kept = existing.filter((r) => isKept(r));
    const keptPassed = kept.filter(inPlay);
    // A kept recording the engine cannot see (someone not checked in) still covers its heat.
    const coveredElsewhere = new Set(
      kept.filter((r) => !inPlay(r)).map((r) => `${r.dancerId}:${r.heatId}`),
    );
    const declined = existing.filter((r) => r.status === 'declined' && inPlay(r));
    const open = existing.filter((r) => r.status === 'suggested' && !isKept(r));

    const karma = await repo.karmaCounts(tx, eventId, [...ids]);
    const heatsOf = new Map<number, string[]>();
    for (const d of declared) {
      if (!ids.has(d.userId) || coveredElsewhere.has(`${d.userId}:${d.heatId}`)) continue;
      (heatsOf.get(d.userId) ?? heatsOf.set(d.userId, []).get(d.userId)!).push(String(d.heatId));
    }
    const dancers: Dancer[] = people.map(({ user, willingToRecord }) => ({
      id: String(user.id),
      name: user.displayName ?? user.username,
      city: user.city,
      country: user.country,
      willingToRecord,
      recordingsDone: karma.get(user.id)?.done ?? 0,
      recordingsReceived: karma.get(user.id)?.received ?? 0,
      heats: heatsOf.get(user.id) ?? [],
    }));
    const heats: HeatSlot[] = heatRows.map((h) => ({
      id: String(h.id),
      divisionId: String(h.divisionId),
      typeId: String(h.typeId),
      roundId: String(h.roundId),
      number: h.number,
      startsAt: h.startsAt?.getTime() ?? null,
      label: `Heat ${h.number}`,
    }));

    const result = matchOptimal({
      heats,
      dancers,
      rules: {
        heatMinutes: settings.heatMinutes,
        bufferBeforeMinutes: settings.bufferBeforeMinutes,
        bufferAfterMinutes: settings.bufferAfterMinutes,
        numberWindow: settings.numberWindow,
      },
      maxRecordingsPerRecorder: settings.maxRecordingsPerRecorder,
      kept: keptPassed.map(assignment),
      declined: declined.map(assignment),
    });

    // Open suggestions the new plan repeats stay as they are; the others are withdrawn.
    const planned = new Map(result.assignments.map((a) => [tripleKey(a), a]));
    const repeated = new Set<string>();
    const withdrawnRows = open.filter((r) => {
      const key = tripleKey(assignment(r));
      if (planned.has(key)) {
        repeated.add(key);
        return false;
      }
      return true;
    });
    const withdrawn = await repo.deleteRecordings(
      tx,
      withdrawnRows.map((r) => r.id),
    );
    const run = await repo.insertRun(tx, {
      eventId,
      trigger,
      startedBy,
      algorithm: 'optimal',
      inputs: {
        heats: heats.length,
        dancers: dancers.length,
        recorders: dancers.filter((d) => d.willingToRecord).length,
        demands: result.stats.demands,
        kept: keptPassed.length,
        declined: declined.length,
        checkedInOnly,
      },
      covered: result.stats.covered,
      upperBound: result.stats.upperBound,
      created: result.assignments.length - repeated.size,
      withdrawn: withdrawn.length,
      fairnessSpread: Number.isFinite(result.stats.fairnessSpread)
        ? result.stats.fairnessSpread
        : 0,
      durationMs: 0,
    });
    const created = await repo.insertRecordings(
      tx,
      result.assignments
        .filter((a) => !repeated.has(tripleKey(a)))
        .map((a) => ({
          eventId,
          heatId: Number(a.heatId),
          dancerId: Number(a.dancerId),
          recorderId: Number(a.recorderId),
          explanation: a.explanation.text,
          runId: run.id,
        })),
    );
    const durationMs = Math.round(performance.now() - started);
    await repo.setRunDuration(tx, run.id, durationMs);
    return { run: toRun({ ...run, durationMs }), created, withdrawn };
  });
}
