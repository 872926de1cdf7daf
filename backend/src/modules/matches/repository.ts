import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatchStatus } from '@spotlight/contracts';
import type { Executor } from '../../db/client';
import { chatRooms, events, matches, ratings, users } from '../../db/schema';

export type MatchRow = typeof matches.$inferSelect;

const requester = alias(users, 'requester');
const target = alias(users, 'target');
const myRating = alias(ratings, 'my_rating');
const partnerRating = alias(ratings, 'partner_rating');

const summary = (table: typeof requester | typeof target) => ({
  id: table.id,
  username: table.username,
  displayName: table.displayName,
  avatar: table.avatar,
});

const ratingColumns = (table: typeof myRating | typeof partnerRating) => ({
  score: table.score,
  comment: table.comment,
  wouldCollaborateAgain: table.wouldCollaborateAgain,
  createdAt: table.createdAt,
});

/** Matches as one participant sees them: both people, the event, and both ratings. */
function selectForViewer(db: Executor, viewerId: number) {
  return db
    .select({
      match: matches,
      event: {
        id: events.id,
        name: events.name,
        location: events.location,
        startDate: events.startDate,
        endDate: events.endDate,
      },
      requester: summary(requester),
      target: summary(target),
      myRating: ratingColumns(myRating),
      partnerRating: ratingColumns(partnerRating),
    })
    .from(matches)
    .innerJoin(events, eq(events.id, matches.eventId))
    .innerJoin(requester, eq(requester.id, matches.user1Id))
    .innerJoin(target, eq(target.id, matches.user2Id))
    .leftJoin(myRating, and(eq(myRating.matchId, matches.id), eq(myRating.raterId, viewerId)))
    .leftJoin(
      partnerRating,
      and(eq(partnerRating.matchId, matches.id), eq(partnerRating.ratedId, viewerId)),
    );
}

export type MatchView = Awaited<ReturnType<ReturnType<typeof selectForViewer>['execute']>>[number];

const involves = (userId: number) => or(eq(matches.user1Id, userId), eq(matches.user2Id, userId))!;

/** A match seen by one of its participants; undefined for anyone else. */
export const findMatchForViewer = async (db: Executor, viewerId: number, id: number) =>
  (
    await selectForViewer(db, viewerId)
      .where(and(eq(matches.id, id), involves(viewerId)))
      .limit(1)
  )[0];

export async function listMatchesForViewer(
  db: Executor,
  viewerId: number,
  filters: { status?: MatchStatus; eventId?: number; page: number; limit: number },
) {
  const conditions: SQL[] = [involves(viewerId)];
  if (filters.status) conditions.push(eq(matches.status, filters.status));
  if (filters.eventId) conditions.push(eq(matches.eventId, filters.eventId));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    selectForViewer(db, viewerId)
      .where(where)
      .orderBy(desc(matches.createdAt), desc(matches.id))
      .limit(filters.limit)
      .offset((filters.page - 1) * filters.limit),
    db
      .select({ value: sql<number>`count(*)::int` })
      .from(matches)
      .where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export const insertMatch = async (db: Executor, values: typeof matches.$inferInsert) =>
  (await db.insert(matches).values(values).returning())[0]!;

/** The match row, locked until the transaction ends. */
export const lockMatch = async (db: Executor, id: number) =>
  (await db.select().from(matches).where(eq(matches.id, id)).for('update').limit(1))[0];

export const findMatch = async (db: Executor, id: number) =>
  (await db.select().from(matches).where(eq(matches.id, id)).limit(1))[0];

export const updateMatch = async (
  db: Executor,
  id: number,
  changes: Partial<typeof matches.$inferInsert>,
) =>
  db
    .update(matches)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(matches.id, id));

/** Cancels every pending or accepted match between the two dancers; returns the rows. */
export const cancelOpenMatchesBetween = (db: Executor, a: number, b: number) =>
  db
    .update(matches)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(
      and(
        inArray(matches.status, ['pending', 'accepted']),
        or(
          and(eq(matches.user1Id, a), eq(matches.user2Id, b)),
          and(eq(matches.user1Id, b), eq(matches.user2Id, a)),
        ),
      ),
    )
    .returning();

export const createPrivateRoom = async (db: Executor, eventId: number) =>
  (
    await db.insert(chatRooms).values({ eventId, type: 'private' }).returning({ id: chatRooms.id })
  )[0]!.id;

/** The match of two dancers at an event, whichever of them asked; locked. */
export const lockMatchBetween = async (db: Executor, a: number, b: number, eventId: number) =>
  (
    await db
      .select()
      .from(matches)
      .where(
        and(
          eq(matches.eventId, eventId),
          or(
            and(eq(matches.user1Id, a), eq(matches.user2Id, b)),
            and(eq(matches.user1Id, b), eq(matches.user2Id, a)),
          ),
        ),
      )
      .for('update')
      .limit(1)
  )[0];
