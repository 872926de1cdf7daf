/**
 * Competition heats and automatic recorder matching (issue 11): an event's heat sheet, each
 * dancer's heats, the matching settings, and the organiser's matching runs.
 */
import { z } from 'zod';
import { Id, IdParams, Timestamp, trimmed } from '../common';
import { defineEndpoint } from './endpoint';

export const HEAT_ROLES = ['leader', 'follower'] as const;
export const HeatRole = z.enum(HEAT_ROLES);
export type HeatRole = z.infer<typeof HeatRole>;

/** Limits of one heat sheet. */
export const HEATS_MAX = 2000;
export const HEAT_SHEET_CSV_MAX = 500_000;

/** Per event; every field has a default, so an event with no settings yet can still match. */
export const MatchingSettings = z.object({
  /** After it, matching runs by itself once; null: only when the organiser runs it. */
  registrationDeadline: Timestamp.nullable(),
  /** Length of one heat, for heats with a scheduled start. */
  heatMinutes: z.number().int().min(1).max(240),
  /** Free time a recorder needs before their own heat (getting ready) … */
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  /** … and after it (rest). */
  bufferAfterMinutes: z.number().int().min(0).max(240),
  /** Without times: heats of the same division, type and round clash within ±this number. */
  numberWindow: z.number().int().min(0).max(20),
  /** At most this many recordings per recorder per event. */
  maxRecordingsPerRecorder: z.number().int().min(1).max(20),
});
export type MatchingSettings = z.infer<typeof MatchingSettings>;

export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = {
  registrationDeadline: null,
  heatMinutes: 5,
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 5,
  numberWindow: 1,
  maxRecordingsPerRecorder: 3,
};

/** Any of the settings; the deadline is an ISO-8601 date-time with an offset, or null. */
export const UpdateMatchingSettingsBody = z
  .strictObject({
    registrationDeadline: z.iso.datetime({ offset: true }).nullable(),
    heatMinutes: MatchingSettings.shape.heatMinutes,
    bufferBeforeMinutes: MatchingSettings.shape.bufferBeforeMinutes,
    bufferAfterMinutes: MatchingSettings.shape.bufferAfterMinutes,
    numberWindow: MatchingSettings.shape.numberWindow,
    maxRecordingsPerRecorder: MatchingSettings.shape.maxRecordingsPerRecorder,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one setting' });
export type UpdateMatchingSettingsBody = z.infer<typeof UpdateMatchingSettingsBody>;

const Name = trimmed(1, 100);

/** One heat of the sheet, naming its division, type and round. */
export const HeatInput = z.strictObject({
  division: Name,
  type: Name,
  round: Name,
  number: z.number().int().min(1).max(9999),
  /** Scheduled start, ISO-8601 with an offset; null or left out when not scheduled. */
  startsAt: z.iso.datetime({ offset: true }).nullish(),
});
export type HeatInput = z.infer<typeof HeatInput>;

/**
 * The whole heat sheet, replacing the stored one. `divisions`, `types` and `rounds` give the
 * order to show them in (Newcomer before Novice …); when left out, the order of first use in
 * `heats`. Every name a heat uses must be in the list when a list is given.
 */
export const HeatSheetJson = z.strictObject({
  divisions: z.array(Name).max(100).optional(),
  types: z.array(Name).max(100).optional(),
  rounds: z.array(Name).max(100).optional(),
  heats: z.array(HeatInput).max(HEATS_MAX),
});
export type HeatSheetJson = z.infer<typeof HeatSheetJson>;

/**
 * The same as CSV text (also accepted as the raw body with `Content-Type: text/csv`): a header
 * row `division,type,round,heat,start`, then one heat per row; `start` is empty or ISO-8601
 * with an offset. Quotes as in RFC 4180.
 */
export const HeatSheetCsv = z.strictObject({ csv: z.string().min(1).max(HEAT_SHEET_CSV_MAX) });

export const PutHeatsBody = z.union([HeatSheetJson, HeatSheetCsv]);
export type PutHeatsBody = z.infer<typeof PutHeatsBody>;

export const Named = z.object({ id: Id, name: z.string(), position: z.number().int() });
export type Named = z.infer<typeof Named>;

export const Heat = z.object({
  id: Id,
  divisionId: Id,
  typeId: Id,
  roundId: Id,
  number: z.number().int(),
  startsAt: Timestamp.nullable(),
  /** "Novice · Jack & Jill · Prelims · Heat 3". */
  label: z.string(),
});
export type Heat = z.infer<typeof Heat>;

export const HeatSheet = z.object({
  eventId: Id,
  settings: MatchingSettings,
  divisions: z.array(Named),
  types: z.array(Named),
  rounds: z.array(Named),
  /** In division, type, round and number order. */
  heats: z.array(Heat),
});
export type HeatSheet = z.infer<typeof HeatSheet>;

/** A dancer's own entry for an event: their heats with their role, bib, and recording opt-in. */
export const PutMyHeatsBody = z.strictObject({
  bib: trimmed(1, 20).nullable(),
  willingToRecord: z.boolean(),
  heats: z
    .array(z.strictObject({ heatId: Id, role: HeatRole }))
    .max(50)
    .refine((list) => new Set(list.map((h) => h.heatId)).size === list.length, {
      message: 'A heat may be listed once',
    }),
});
export type PutMyHeatsBody = z.infer<typeof PutMyHeatsBody>;

export const MyHeats = z.object({
  eventId: Id,
  bib: z.string().nullable(),
  willingToRecord: z.boolean(),
  /** In time order, then sheet order. */
  heats: z.array(z.object({ heat: Heat, role: HeatRole })),
});
export type MyHeats = z.infer<typeof MyHeats>;

export const MATCHING_TRIGGERS = ['manual', 'deadline'] as const;

/** One matching run, as its log keeps it. */
export const MatchingRun = z.object({
  id: Id,
  eventId: Id,
  trigger: z.enum(MATCHING_TRIGGERS),
  /** Who started it; null for the deadline job. */
  startedBy: Id.nullable(),
  algorithm: z.string(),
  createdAt: Timestamp,
  /** What went in. */
  inputs: z.object({
    heats: z.number().int(),
    dancers: z.number().int(),
    recorders: z.number().int(),
    /** (dancer, heat) pairs to film. */
    demands: z.number().int(),
    kept: z.number().int(),
    declined: z.number().int(),
    /** After the event started, only dancers who checked in take part. */
    checkedInOnly: z.boolean(),
  }),
  /** Demands with a recorder after the run (kept ones included). */
  covered: z.number().int(),
  /** Demands that have at least one recorder free for them. */
  upperBound: z.number().int(),
  /** New suggestions made, and open suggestions withdrawn. */
  created: z.number().int(),
  withdrawn: z.number().int(),
  fairnessSpread: z.number(),
  durationMs: z.number().int(),
});
export type MatchingRun = z.infer<typeof MatchingRun>;

export const MatchingRuns = z.object({
  /** Newest first, at most 50. */
  runs: z.array(MatchingRun),
  /** Now: declared (dancer, heat) pairs, those with a suggested or accepted recorder, accepted. */
  coverage: z.object({
    declared: z.number().int(),
    covered: z.number().int(),
    accepted: z.number().int(),
  }),
});
export type MatchingRuns = z.infer<typeof MatchingRuns>;

export const heatsEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/heats',
    auth: 'user',
    tag: 'heats',
    summary: "The event's heat sheet and matching settings",
    params: IdParams,
    response: HeatSheet,
    errors: ['not_found'],
  }),
  put: defineEndpoint({
    method: 'PUT',
    path: '/api/events/:id/heats',
    auth: 'user',
    tag: 'heats',
    summary:
      'Replace the heat sheet, JSON or CSV (organisers and admins); heats kept by division, type, round and number keep their id; a heat dancers declared cannot be removed',
    params: IdParams,
    body: PutHeatsBody,
    response: HeatSheet,
    errors: ['forbidden', 'not_found', 'invalid_heat_sheet', 'heat_in_use'],
  }),
  updateSettings: defineEndpoint({
    method: 'PATCH',
    path: '/api/events/:id/matching/settings',
    auth: 'user',
    tag: 'heats',
    summary:
      'Change the matching settings (organisers and admins); a new deadline re-schedules the run',
    params: IdParams,
    body: UpdateMatchingSettingsBody,
    response: MatchingSettings,
    errors: ['forbidden', 'not_found'],
  }),
  getMine: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/my-heats',
    auth: 'user',
    tag: 'heats',
    summary: "The signed-in dancer's heats, bib and recording opt-in at the event",
    params: IdParams,
    response: MyHeats,
    errors: ['not_found', 'not_participant'],
  }),
  putMine: defineEndpoint({
    method: 'PUT',
    path: '/api/events/:id/my-heats',
    auth: 'user',
    tag: 'heats',
    summary:
      'Declare my heats, roles, bib and whether I record (participants); dropping a heat withdraws its recordings',
    params: IdParams,
    body: PutMyHeatsBody,
    response: MyHeats,
    errors: ['not_found', 'not_participant', 'unknown_heat', 'email_not_verified'],
  }),
  run: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/matching/run',
    auth: 'user',
    tag: 'heats',
    summary: 'Run recorder matching now (organisers and admins); accepted recordings are kept',
    params: IdParams,
    response: MatchingRun,
    status: 201,
    errors: ['forbidden', 'not_found'],
  }),
  runs: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/matching/runs',
    auth: 'user',
    tag: 'heats',
    summary: 'The log of matching runs and the coverage now (organisers and admins)',
    params: IdParams,
    response: MatchingRuns,
    errors: ['forbidden', 'not_found'],
  }),
} as const;
