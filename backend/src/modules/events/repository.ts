import type { EventImportRow, ListEventsQuery } from '@spotlight/contracts';
import { and, asc, count, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  chatRooms,
  eventParticipants,
  events,
  matches,
  ratings,
  userBlocks,
  users,
} from '../../db/schema';

export type EventRow = typeof events.$inferSelect;

/** Escapes LIKE wildcards so that a search for `50%` finds "50%", not everything. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const joinedBy = (userId: number) =>
  sql<boolean>`exists (select 1 from ${eventParticipants} ep where ep.event_id = ${events.id} and ep.user_id = ${userId})`;
const checkedInBy = (userId: number) =>
  sql<boolean>`exists (select 1 from ${eventParticipants} ep where ep.event_id = ${events.id} and ep.user_id = ${userId} and ep.checked_in_at is not null)`;

const eventColumns = (userId: number) => ({
  id: events.id,
  name: events.name,
  location: events.location,
  startDate: events.startDate,
  endDate: events.endDate,
  worldsdcId: events.worldsdcId,
  participantsCount: events.participantsCount,
  description: events.description,
  requireVerifiedEmail: events.requireVerifiedEmail,
  joined: joinedBy(userId),
  checkedIn: checkedInBy(userId),
});

export type EventWithJoined = EventRow & { joined: boolean; checkedIn: boolean };

export async function listEvents(db: Executor, userId: number, query: ListEventsQuery) {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(events.name, pattern), ilike(events.location, pattern))!);
  }
  if (query.when === 'upcoming') conditions.push(gte(events.endDate, sql`current_date`));
  if (query.when === 'past') conditions.push(lt(events.endDate, sql`current_date`));
  if (query.from) conditions.push(gte(events.endDate, query.from));
  if (query.to) conditions.push(lte(events.startDate, query.to));
  if (query.joined !== undefined) {
    conditions.push(query.joined ? joinedBy(userId) : sql`not ${joinedBy(userId)}`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order =
    query.when === 'past'
      ? [desc(events.startDate), desc(events.id)]
      : [asc(events.startDate), asc(events.id)];

  // One round trip: the total rides on every row. Only a page past the end needs a count.
  const rows = await db
    .select({ ...eventColumns(userId), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(events)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
  const items = rows.map(({ total: _total, ...event }) => event);
  if (rows.length > 0) return { items, total: rows[0]!.total };
  if (query.page === 1) return { items, total: 0 };
  const [counted] = await db.select({ value: count() }).from(events).where(where);
  return { items, total: counted?.value ?? 0 };
}

export const findEvent = async (db: Executor, userId: number, id: number) =>
  (await db.select(eventColumns(userId)).from(events).where(eq(events.id, id)).limit(1))[0];

/** True when the event asks for a verified e-mail address and the user's is not verified. */
export const lacksVerifiedEmail = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .select({ id: events.id })
      .from(events)
      .innerJoin(users, eq(users.id, userId))
      .where(
        and(
          eq(events.id, eventId),
          eq(events.requireVerifiedEmail, true),
          sql`${users.emailVerifiedAt} is null`,
        ),
      )
      .limit(1)
  ).length > 0;

export const eventExists = async (db: Executor, id: number) =>
  (await db.select({ id: events.id }).from(events).where(eq(events.id, id)).limit(1)).length > 0;

export const isParticipant = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .select({ userId: eventParticipants.userId })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.userId, userId)))
      .limit(1)
  ).length > 0;

/** Adds a participant; true when the row is new. */
/** Every participant's user id (the audience of an announcement). */
export const participantIds = async (db: Executor, eventId: number) =>
  (
    await db
      .select({ userId: eventParticipants.userId })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, eventId))
  ).map((row) => row.userId);

export const addParticipant = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .insert(eventParticipants)
      .values({ eventId, userId })
      .onConflictDoNothing()
      .returning({ userId: eventParticipants.userId })
  ).length > 0;

/**
 * Checks a dancer in, joining them first if they had not; the first check-in time stays.
 * `joined` is true when the participant row is new (the count moves with it).
 */
export async function checkIn(db: Executor, eventId: number, userId: number) {
  const [row] = await db
    .insert(eventParticipants)
    .values({ eventId, userId, checkedInAt: sql`now()` })
    .onConflictDoUpdate({
      target: [eventParticipants.eventId, eventParticipants.userId],
      set: { checkedInAt: sql`coalesce(${eventParticipants.checkedInAt}, now())` },
    })
    .returning({
      checkedInAt: eventParticipants.checkedInAt,
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      joined: sql<boolean>`(xmax = 0)`,
    });
  return { checkedInAt: row!.checkedInAt!, joined: row!.joined };
}

/** Whether the event's last day is before today. */
export const hasEnded = async (db: Executor, eventId: number) =>
  (
    await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, eventId), lt(events.endDate, sql`current_date`)))
  ).length > 0;

/** Removes a participant; true when a row was there. */
export const removeParticipant = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.userId, userId)))
      .returning({ userId: eventParticipants.userId })
  ).length > 0;

export const adjustParticipantsCount = (db: Executor, eventId: number, delta: 1 | -1) =>
  db
    .update(events)
    .set({ participantsCount: sql`${events.participantsCount} + ${delta}` })
    .where(eq(events.id, eventId));

/** Sets participants_count from the rows, for bulk loads that bypass join(). */
export const recountParticipants = (db: Executor, eventId: number) =>
  db
    .update(events)
    .set({
      participantsCount: sql`(select count(*)::int from ${eventParticipants} where ${eventParticipants.eventId} = ${eventId})`,
    })
    .where(eq(events.id, eventId));

/**
 * A page of an event's participants as `viewerId` sees them, newest first: neither side of a
 * block appears, and each row carries the dancer's rating and the viewer's match with them.
 */
export async function listParticipants(
  db: Executor,
  eventId: number,
  viewerId: number,
  page: number,
  limit: number,
) {
  const where = and(
    eq(eventParticipants.eventId, eventId),
    sql`not exists (select 1 from ${userBlocks} b where (b.blocker_id = ${viewerId} and b.blocked_id = ${eventParticipants.userId}) or (b.blocker_id = ${eventParticipants.userId} and b.blocked_id = ${viewerId}))`,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        avatar: users.avatar,
        country: users.country,
        danceRole: users.danceRole,
        division: users.division,
        joinedAt: eventParticipants.joinedAt,
        checkedInAt: eventParticipants.checkedInAt,
        ratingAverage: sql<
          number | null
        >`(select round(avg(r.score), 2)::float8 from ${ratings} r where r.rated_id = ${users.id})`,
        ratingCount: sql<number>`(select count(*)::int from ${ratings} r where r.rated_id = ${users.id})`,
        matchId: matches.id,
        matchStatus: matches.status,
        matchRequesterId: matches.user1Id,
      })
      .from(eventParticipants)
      .innerJoin(users, eq(users.id, eventParticipants.userId))
      // One match per pair and event at most (matches_pair_event_key).
      .leftJoin(
        matches,
        and(
          eq(matches.eventId, eventParticipants.eventId),
          or(
            and(eq(matches.user1Id, viewerId), eq(matches.user2Id, eventParticipants.userId)),
            and(eq(matches.user2Id, viewerId), eq(matches.user1Id, eventParticipants.userId)),
          ),
        ),
      )
      .where(where)
      .orderBy(desc(eventParticipants.joinedAt), desc(users.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ value: count() }).from(eventParticipants).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** The event-wide chat room of an event, created on first use. */
export async function eventRoomId(db: Executor, eventId: number): Promise<number> {
  const find = async () =>
    (
      await db
        .select({ id: chatRooms.id })
        .from(chatRooms)
        .where(and(eq(chatRooms.eventId, eventId), eq(chatRooms.type, 'event')))
        .limit(1)
    )[0]?.id;
  const existing = await find();
  if (existing) return existing;
  await db
    .insert(chatRooms)
    .values({ eventId, type: 'event' })
    .onConflictDoNothing({ target: chatRooms.eventId, where: sql`type = 'event'` });
  const created = await find();
  if (!created) throw new Error(`Could not create the chat room of event ${eventId}`);
  return created;
}

export type NewEvent = typeof events.$inferInsert;

/** An event as an import row or the API gives it, as a row to store. */
export const toNewEvent = (row: EventImportRow): NewEvent => ({
  name: row.name,
  location: row.location,
  startDate: row.startDate,
  endDate: row.endDate,
  worldsdcId: row.worldsdcId ?? null,
  description: row.description ?? null,
});

/**
 * Inserts events, or updates those that exist (same worldsdc_id, or same name and start date
 * without one); returns how many of each and the ids in the order given.
 */
export async function upsertEvents(db: Executor, rows: NewEvent[]) {
  let inserted = 0;
  let updated = 0;
  const ids: number[] = [];
  const insertedIds = new Set<number>();
  for (const row of rows) {
    const existing = row.worldsdcId
      ? (
          await db
            .select({ id: events.id })
            .from(events)
            .where(eq(events.worldsdcId, row.worldsdcId))
            .limit(1)
        )[0]
      : (
          await db
            .select({ id: events.id })
            .from(events)
            .where(and(eq(events.name, row.name), eq(events.startDate, row.startDate)))
            .limit(1)
        )[0];
    if (existing) {
      const { participantsCount: _ignored, ...changes } = row;
      await db.update(events).set(changes).where(eq(events.id, existing.id));
      ids.push(existing.id);
      updated++;
    } else {
      const id = await insertEvent(db, row);
      ids.push(id);
      insertedIds.add(id);
      inserted++;
    }
  }
  return { inserted, updated, ids, insertedIds };
}

/** Inserts one event with its chat room; returns its id. */
export async function insertEvent(db: Executor, row: NewEvent): Promise<number> {
  const [created] = await db.insert(events).values(row).returning({ id: events.id });
  await eventRoomId(db, created!.id);
  return created!.id;
}

/** The stored event, without the viewer's view of it. */
export const findEventRow = async (db: Executor, id: number) =>
  (await db.select().from(events).where(eq(events.id, id)).limit(1))[0];

export const updateEvent = (db: Executor, id: number, changes: Partial<NewEvent>) =>
  db.update(events).set(changes).where(eq(events.id, id));
