/**
 * Competition heats and recorder matching (issue 11): an event's divisions, competition types,
 * rounds and heats; each dancer's entry (bib, recording opt-in) and heats; the matcher's
 * recording suggestions, and the log of its runs.
 */
import type { RECORDING_ANSWERS } from '@spotlight/contracts';
import { HEAT_ROLES, MATCHING_TRIGGERS, RECORDING_STATUSES } from '@spotlight/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, oneOf, type OneOf } from './columns';
import { events } from './events';
import { matches } from './matches';
import { users } from './people';

const eventCascade = (name = 'event_id') =>
  integer(name)
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' });
const userCascade = (name: string) =>
  integer(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** The matching settings of an event; an event without a row uses the contract's defaults. */
export const eventMatchingSettings = pgTable(
  'event_matching_settings',
  {
    eventId: eventCascade().primaryKey(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
    heatMinutes: integer('heat_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull(),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull(),
    numberWindow: integer('number_window').notNull(),
    maxRecordingsPerRecorder: integer('max_recordings_per_recorder').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'event_matching_settings_ranges',
      sql`${t.heatMinutes} > 0 and ${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0 and ${t.numberWindow} >= 0 and ${t.maxRecordingsPerRecorder} > 0`,
    ),
  ],
);

/** Divisions, competition types and rounds share one shape: a name and a place in the list. */
const namedList = (table: string) =>
  pgTable(
    table,
    {
      id: serial('id').primaryKey(),
      eventId: eventCascade(),
      name: varchar('name', { length: 100 }).notNull(),
      position: integer('position').notNull(),
    },
    (t) => [unique(`${table}_event_name_key`).on(t.eventId, t.name)],
  );

export const heatDivisions = namedList('heat_divisions');
export const heatTypes = namedList('heat_types');
export const heatRounds = namedList('heat_rounds');

export const heats = pgTable(
  'heats',
  {
    id: serial('id').primaryKey(),
    eventId: eventCascade(),
    divisionId: integer('division_id')
      .notNull()
      .references(() => heatDivisions.id),
    typeId: integer('type_id')
      .notNull()
      .references(() => heatTypes.id),
    roundId: integer('round_id')
      .notNull()
      .references(() => heatRounds.id),
    number: integer('number').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    /** When its dancers were reminded; cleared when the heat moves. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    unique('heats_event_slot_key').on(t.eventId, t.divisionId, t.typeId, t.roundId, t.number),
    check('heats_number', sql`${t.number} > 0`),
    // The reminder job's scan: heats with a time that nobody was reminded of yet.
    index('idx_heats_due')
      .on(t.startsAt)
      .where(sql`${t.remindedAt} IS NULL`),
  ],
);

/** A dancer's entry at an event: their bib, and whether they film others. */
export const dancerEntries = pgTable(
  'dancer_entries',
  {
    eventId: eventCascade(),
    userId: userCascade('user_id'),
    bib: varchar('bib', { length: 20 }),
    willingToRecord: boolean('willing_to_record').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index('idx_dancer_entries_user_id').on(t.userId),
  ],
);

/** The heats a dancer dances, with their role in each. A declared heat cannot be deleted. */
export const dancerHeats = pgTable(
  'dancer_heats',
  {
    eventId: eventCascade(),
    userId: userCascade('user_id'),
    heatId: integer('heat_id')
      .notNull()
      .references(() => heats.id),
    role: varchar('role', { length: 10 }).$type<OneOf<typeof HEAT_ROLES>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.heatId] }),
    index('idx_dancer_heats_heat_id').on(t.heatId),
    index('idx_dancer_heats_event_id').on(t.eventId),
    check('dancer_heats_role', oneOf('role', HEAT_ROLES)),
  ],
);

export const matchingRuns = pgTable(
  'matching_runs',
  {
    id: serial('id').primaryKey(),
    eventId: eventCascade(),
    trigger: varchar('trigger', { length: 10 }).$type<OneOf<typeof MATCHING_TRIGGERS>>().notNull(),
    startedBy: integer('started_by').references(() => users.id, { onDelete: 'set null' }),
    algorithm: varchar('algorithm', { length: 20 }).notNull(),
    /** Counts of what went in: heats, dancers, recorders, demands, kept, declined. */
    inputs: jsonb('inputs').notNull(),
    covered: integer('covered').notNull(),
    upperBound: integer('upper_bound').notNull(),
    created: integer('created').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    fairnessSpread: doublePrecision('fairness_spread').notNull(),
    durationMs: integer('duration_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_matching_runs_event_id').on(t.eventId, t.id),
    check('matching_runs_trigger', oneOf('trigger', MATCHING_TRIGGERS)),
  ],
);

/** One recorder filming one dancer's heat: suggested by a run, then answered by both. */
export const recordings = pgTable(
  'recordings',
  {
    id: serial('id').primaryKey(),
    eventId: eventCascade(),
    heatId: integer('heat_id')
      .notNull()
      .references(() => heats.id, { onDelete: 'cascade' }),
    dancerId: userCascade('dancer_id'),
    recorderId: userCascade('recorder_id'),
    status: varchar('status', { length: 10 })
      .$type<OneOf<typeof RECORDING_STATUSES>>()
      .notNull()
      .default('suggested'),
    dancerAnswer: varchar('dancer_answer', { length: 10 }).$type<OneOf<typeof RECORDING_ANSWERS>>(),
    recorderAnswer: varchar('recorder_answer', { length: 10 }).$type<
      OneOf<typeof RECORDING_ANSWERS>
    >(),
    explanation: text('explanation').notNull(),
    matchId: integer('match_id').references(() => matches.id, { onDelete: 'set null' }),
    runId: integer('run_id').references(() => matchingRuns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open (suggested or accepted) recorder per dancer and heat.
    uniqueIndex('recordings_open_key')
      .on(t.heatId, t.dancerId)
      .where(sql`status <> 'declined'`),
    index('idx_recordings_event_id').on(t.eventId),
    index('idx_recordings_dancer_id').on(t.dancerId),
    index('idx_recordings_recorder_id').on(t.recorderId),
    check('recordings_not_self', sql`${t.dancerId} <> ${t.recorderId}`),
    check('recordings_status', oneOf('status', RECORDING_STATUSES)),
    check(
      'recordings_answers',
      sql`coalesce(dancer_answer, 'accepted') in ('accepted', 'declined') and coalesce(recorder_answer, 'accepted') in ('accepted', 'declined')`,
    ),
  ],
);
