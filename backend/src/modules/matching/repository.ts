import { and, asc, eq, gt, inArray, isNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  dancerEntries,
  dancerHeats,
  eventMatchingSettings,
  eventParticipants,
  events,
  heatDivisions,
  heatRounds,
  heats,
  heatTypes,
  matchingRuns,
  recordings,
  users,
} from '../../db/schema';

export type HeatRow = typeof heats.$inferSelect;
export type RecordingRow = typeof recordings.$inferSelect;
export type SettingsRow = typeof eventMatchingSettings.$inferSelect;
export type NamedTable = typeof heatDivisions | typeof heatTypes | typeof heatRounds;
export const NAMED = { division: heatDivisions, type: heatTypes, round: heatRounds } as const;

export const findEventDates = async (db: Executor, eventId: number) =>
  (
    await db
      .select({ startDate: events.startDate, endDate: events.endDate })
      .from(events)
      .where(eq(events.id, eventId))
  )[0];

export const findSettings = async (db: Executor, eventId: number) =>
  (
    await db.select().from(eventMatchingSettings).where(eq(eventMatchingSettings.eventId, eventId))
  )[0];

export const saveSettings = async (db: Executor, row: typeof eventMatchingSettings.$inferInsert) =>
  (
    await db
      .insert(eventMatchingSettings)
      .values(row)
      .onConflictDoUpdate({
        target: eventMatchingSettings.eventId,
        set: { ...row, updatedAt: sql`now()` },
      })
      .returning()
  )[0]!;

/** Events whose deadline is still ahead, for re-scheduling their runs at start-up. */
export const settingsWithDeadlineAfter = (db: Executor, after: Date) =>
  db
    .select()
    .from(eventMatchingSettings)
    .where(sql`${eventMatchingSettings.registrationDeadline} > ${after.toISOString()}`);

export const listNamed = (db: Executor, table: NamedTable, eventId: number) =>
  db
    .select({ id: table.id, name: table.name, position: table.position })
    .from(table)
    .where(eq(table.eventId, eventId))
    .orderBy(asc(table.position), asc(table.id));

/** Sets the list to exactly these names, in this order; returns name → id. */
export async function replaceNamed(
  db: Executor,
  table: NamedTable,
  eventId: number,
  names: string[],
): Promise<Map<string, number>> {
  if (names.length) {
    await db
      .insert(table)
      .values(names.map((name, position) => ({ eventId, name, position })))
      .onConflictDoUpdate({
        target: [table.eventId, table.name],
        set: { position: sql`excluded.position` },
      });
  }
  const rows = await listNamed(db, table, eventId);
  return new Map(rows.map((row) => [row.name, row.id]));
}

export const deleteNamedExcept = (
  db: Executor,
  table: NamedTable,
  eventId: number,
  keep: number[],
) =>
  db
    .delete(table)
    .where(and(eq(table.eventId, eventId), keep.length ? notInArray(table.id, keep) : undefined));

export const listHeats = (db: Executor, eventId: number) =>
  db.select().from(heats).where(eq(heats.eventId, eventId));

/** Heats among `ids` that some dancer declared. */
export const declaredHeatIds = async (db: Executor, ids: number[]) =>
  ids.length
    ? (
        await db
          .selectDistinct({ heatId: dancerHeats.heatId })
          .from(dancerHeats)
          .where(inArray(dancerHeats.heatId, ids))
      ).map((row) => row.heatId)
    : [];

export const deleteHeats = (db: Executor, ids: number[]) =>
  ids.length ? db.delete(heats).where(inArray(heats.id, ids)) : Promise.resolve();

export const insertHeats = (db: Executor, rows: (typeof heats.$inferInsert)[]) =>
  rows.length ? db.insert(heats).values(rows) : Promise.resolve();

/** A heat that moves gets its reminder again, before its new time. */
export const setHeatStart = (db: Executor, id: number, startsAt: Date | null) =>
  db.update(heats).set({ startsAt, remindedAt: null }).where(eq(heats.id, id));

/**
 * Claims the heats that start between now and `until` and were not reminded of yet: one
 * UPDATE marks them, so two nodes (or a retried job) never remind of one heat twice.
 */
export const claimHeatsStartingBy = (db: Executor, until: Date) =>
  db
    .update(heats)
    .set({ remindedAt: sql`now()` })
    .where(
      and(isNull(heats.remindedAt), gt(heats.startsAt, sql`now()`), lte(heats.startsAt, until)),
    )
    .returning({ id: heats.id, eventId: heats.eventId, startsAt: heats.startsAt });

/** Who dances these heats, and who films each of them (a recording both accepted). */
export const dancersWithRecorders = (db: Executor, heatIds: number[]) =>
  heatIds.length
    ? db
        .select({
          heatId: dancerHeats.heatId,
          userId: dancerHeats.userId,
          recorderId: recordings.recorderId,
        })
        .from(dancerHeats)
        .leftJoin(
          recordings,
          and(
            eq(recordings.heatId, dancerHeats.heatId),
            eq(recordings.dancerId, dancerHeats.userId),
            eq(recordings.status, 'accepted'),
          ),
        )
        .where(inArray(dancerHeats.heatId, heatIds))
    : Promise.resolve([]);

export const findEntry = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .select()
      .from(dancerEntries)
      .where(and(eq(dancerEntries.eventId, eventId), eq(dancerEntries.userId, userId)))
  )[0];

export const saveEntry = (db: Executor, row: typeof dancerEntries.$inferInsert) =>
  db
    .insert(dancerEntries)
    .values(row)
    .onConflictDoUpdate({
      target: [dancerEntries.eventId, dancerEntries.userId],
      set: { bib: row.bib, willingToRecord: row.willingToRecord, updatedAt: sql`now()` },
    });

export const listDancerHeats = (db: Executor, eventId: number, userId?: number) =>
  db
    .select()
    .from(dancerHeats)
    .where(
      and(
        eq(dancerHeats.eventId, eventId),
        userId === undefined ? undefined : eq(dancerHeats.userId, userId),
      ),
    );

export async function replaceDancerHeats(
  db: Executor,
  eventId: number,
  userId: number,
  list: { heatId: number; role: 'leader' | 'follower' }[],
) {
  await db
    .delete(dancerHeats)
    .where(and(eq(dancerHeats.eventId, eventId), eq(dancerHeats.userId, userId)));
  if (list.length) {
    await db.insert(dancerHeats).values(list.map((h) => ({ eventId, userId, ...h })));
  }
}

/** Everyone with an entry or a declared heat at the event who is still a participant. */
export const listDancers = (db: Executor, eventId: number) =>
  db
    .select({
      user: users,
      checkedInAt: eventParticipants.checkedInAt,
      willingToRecord: sql<boolean>`coalesce(${dancerEntries.willingToRecord}, true)`,
      bib: dancerEntries.bib,
    })
    .from(eventParticipants)
    .innerJoin(users, eq(users.id, eventParticipants.userId))
    .leftJoin(
      dancerEntries,
      and(eq(dancerEntries.eventId, eventId), eq(dancerEntries.userId, eventParticipants.userId)),
    )
    .where(
      and(
        eq(eventParticipants.eventId, eventId),
        sql`${users.suspendedAt} is null`,
        sql`(${dancerEntries.userId} is not null or exists (select 1 from ${dancerHeats} where ${dancerHeats.eventId} = ${eventId} and ${dancerHeats.userId} = ${eventParticipants.userId}))`,
      ),
    );

/** Accepted recordings at other events, per user: done (filmed others) and received. */
export async function karmaCounts(db: Executor, eventId: number, userIds: number[]) {
  const counts = new Map<number, { done: number; received: number }>();
  if (!userIds.length) return counts;
  const of = (id: number) => counts.get(id) ?? counts.set(id, { done: 0, received: 0 }).get(id)!;
  const base = and(eq(recordings.status, 'accepted'), ne(recordings.eventId, eventId));
  const [done, received] = await Promise.all([
    db
      .select({ id: recordings.recorderId, n: sql<number>`count(*)::int` })
      .from(recordings)
      .where(and(base, inArray(recordings.recorderId, userIds)))
      .groupBy(recordings.recorderId),
    db
      .select({ id: recordings.dancerId, n: sql<number>`count(*)::int` })
      .from(recordings)
      .where(and(base, inArray(recordings.dancerId, userIds)))
      .groupBy(recordings.dancerId),
  ]);
  for (const row of done) of(row.id).done = row.n;
  for (const row of received) of(row.id).received = row.n;
  return counts;
}

export const listRecordings = (db: Executor, eventId: number) =>
  db.select().from(recordings).where(eq(recordings.eventId, eventId));

export const findRecording = async (db: Executor, id: number, lock = false) => {
  const query = db.select().from(recordings).where(eq(recordings.id, id));
  return (await (lock ? query.for('update') : query))[0];
};

export const insertRecordings = async (db: Executor, rows: (typeof recordings.$inferInsert)[]) =>
  rows.length ? db.insert(recordings).values(rows).returning() : [];

export const deleteRecordings = async (db: Executor, ids: number[]) =>
  ids.length ? db.delete(recordings).where(inArray(recordings.id, ids)).returning() : [];

export const updateRecording = async (
  db: Executor,
  id: number,
  changes: Partial<typeof recordings.$inferInsert>,
) =>
  (
    await db
      .update(recordings)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(recordings.id, id))
      .returning()
  )[0]!;

/** Recordings of one user at an event, as dancer or recorder. */
export const recordingsOf = (db: Executor, eventId: number, userId: number) =>
  db
    .select()
    .from(recordings)
    .where(
      and(
        eq(recordings.eventId, eventId),
        sql`(${recordings.dancerId} = ${userId} or ${recordings.recorderId} = ${userId})`,
      ),
    );

export const usersByIds = async (db: Executor, ids: number[]) =>
  ids.length ? db.select().from(users).where(inArray(users.id, ids)) : [];

export const insertRun = async (db: Executor, row: typeof matchingRuns.$inferInsert) =>
  (await db.insert(matchingRuns).values(row).returning())[0]!;

export const listRuns = (db: Executor, eventId: number) =>
  db
    .select()
    .from(matchingRuns)
    .where(eq(matchingRuns.eventId, eventId))
    .orderBy(sql`${matchingRuns.id} desc`)
    .limit(50);

export const setRunDuration = (db: Executor, id: number, durationMs: number) =>
  db.update(matchingRuns).set({ durationMs }).where(eq(matchingRuns.id, id));

export const listEntries = (db: Executor, eventId: number) =>
  db.select().from(dancerEntries).where(eq(dancerEntries.eventId, eventId));

export const hasDeadlineRunSince = async (db: Executor, eventId: number, since: Date) =>
  (
    await db
      .select({ id: matchingRuns.id })
      .from(matchingRuns)
      .where(
        and(
          eq(matchingRuns.eventId, eventId),
          eq(matchingRuns.trigger, 'deadline'),
          sql`${matchingRuns.createdAt} >= ${since.toISOString()}`,
        ),
      )
      .limit(1)
  ).length > 0;
