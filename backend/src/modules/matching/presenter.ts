import {
  DEFAULT_MATCHING_SETTINGS,
  type Heat,
  type MatchingRun,
  type MatchingSettings,
  type Named,
  type Recording,
} from '@spotlight/contracts';
import { toPublicUser } from '../users/presenter';
import type { HeatRow, RecordingRow, SettingsRow } from './repository';
import type * as repo from './repository';

export const toSettings = (row: SettingsRow | undefined): MatchingSettings =>
  row
    ? {
        registrationDeadline: row.registrationDeadline?.toISOString() ?? null,
        heatMinutes: row.heatMinutes,
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
        numberWindow: row.numberWindow,
        maxRecordingsPerRecorder: row.maxRecordingsPerRecorder,
      }
    : DEFAULT_MATCHING_SETTINGS;

/** The sheet's heats with their labels, in division, type, round and number order. */
export function toHeats(
  rows: HeatRow[],
  lists: { divisions: Named[]; types: Named[]; rounds: Named[] },
): Heat[] {
  const index = (list: Named[]) => new Map(list.map((item, i) => [item.id, { item, i }]));
  const [divisions, types, rounds] = [
    index(lists.divisions),
    index(lists.types),
    index(lists.rounds),
  ];
  const key = (row: HeatRow) => [
    divisions.get(row.divisionId)?.i ?? 0,
    types.get(row.typeId)?.i ?? 0,
    rounds.get(row.roundId)?.i ?? 0,
    row.number,
  ];
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return a.id - b.id;
    })
    .map((row) => ({
      id: row.id,
      divisionId: row.divisionId,
      typeId: row.typeId,
      roundId: row.roundId,
      number: row.number,
      startsAt: row.startsAt?.toISOString() ?? null,
      label: [
        divisions.get(row.divisionId)?.item.name,
        types.get(row.typeId)?.item.name,
        rounds.get(row.roundId)?.item.name,
        `Heat ${row.number}`,
      ].join(' · '),
    }));
}

/** Time order (unscheduled heats last), then sheet order. */
export const byTime = <T>(items: T[], heatOf: (item: T) => Heat, order: Map<number, number>) =>
  [...items].sort((a, b) => {
    const [ha, hb] = [heatOf(a), heatOf(b)];
    const [ta, tb] = [
      ha.startsAt ? Date.parse(ha.startsAt) : Infinity,
      hb.startsAt ? Date.parse(hb.startsAt) : Infinity,
    ];
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (order.get(ha.id) ?? 0) - (order.get(hb.id) ?? 0);
  });

export interface RecordingContext {
  heats: Map<number, Heat>;
  users: Map<number, Awaited<ReturnType<typeof repo.usersByIds>>[number]>;
  /** `${userId}:${heatId}` → role. */
  roles: Map<string, 'leader' | 'follower'>;
  bibs: Map<number, string | null>;
}

/** A recording as one of its two people sees it. */
export function toRecording(row: RecordingRow, viewerId: number, ctx: RecordingContext): Recording {
  const side = row.dancerId === viewerId ? 'dancer' : 'recorder';
  const partnerId = side === 'dancer' ? row.recorderId : row.dancerId;
  const [mine, theirs] =
    side === 'dancer'
      ? [row.dancerAnswer, row.recorderAnswer]
      : [row.recorderAnswer, row.dancerAnswer];
  return {
    id: row.id,
    eventId: row.eventId,
    heat: ctx.heats.get(row.heatId)!,
    dancerRole: ctx.roles.get(`${row.dancerId}:${row.heatId}`) ?? 'leader',
    dancerBib: ctx.bibs.get(row.dancerId) ?? null,
    side,
    status: row.status,
    myAnswer: mine ?? null,
    partnerAnswer: theirs ?? null,
    explanation:
      side === 'dancer'
        ? row.explanation
        : `You are free during this heat, so you film ${ctx.users.get(row.dancerId)?.displayName ?? ctx.users.get(row.dancerId)?.username}.`,
    partner: toPublicUser(ctx.users.get(partnerId)!),
    matchId: row.matchId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const toRun = (row: Awaited<ReturnType<typeof repo.listRuns>>[number]): MatchingRun => ({
  id: row.id,
  eventId: row.eventId,
  trigger: row.trigger,
  startedBy: row.startedBy,
  algorithm: row.algorithm,
  createdAt: row.createdAt.toISOString(),
  inputs: row.inputs as MatchingRun['inputs'],
  covered: row.covered,
  upperBound: row.upperBound,
  created: row.created,
  withdrawn: row.withdrawn,
  fairnessSpread: row.fairnessSpread,
  durationMs: row.durationMs,
});
