import { count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events, matches, ratings, users } from '../../db/schema';

/** Ratings with their rater and the event of their match. */
const selectRatings = (db: Executor) =>
  db
    .select({
      rating: ratings,
      rater: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        avatar: users.avatar,
      },
      event: { id: events.id, name: events.name },
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.raterId))
    .innerJoin(matches, eq(matches.id, ratings.matchId))
    .innerJoin(events, eq(events.id, matches.eventId));

export type RatingView = Awaited<ReturnType<ReturnType<typeof selectRatings>['execute']>>[number];

export const insertRating = async (db: Executor, values: typeof ratings.$inferInsert) =>
  (await db.insert(ratings).values(values).returning({ id: ratings.id }))[0]!.id;

export const findRatingView = async (db: Executor, id: number) =>
  (await selectRatings(db).where(eq(ratings.id, id)).limit(1))[0];

/** A page of the ratings a user received, newest first, and their total. */
export async function listRatingsReceived(
  db: Executor,
  userId: number,
  page: number,
  limit: number,
) {
  const where = eq(ratings.ratedId, userId);
  const [items, [total]] = await Promise.all([
    selectRatings(db)
      .where(where)
      .orderBy(desc(ratings.createdAt), desc(ratings.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ value: count() }).from(ratings).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** Per score, how many ratings a user received and how many would collaborate again. */
export const ratingCountsByScore = (db: Executor, userId: number) =>
  db
    .select({
      score: ratings.score,
      count: sql<number>`count(*)::int`,
      again: sql<number>`count(*) filter (where ${ratings.wouldCollaborateAgain})::int`,
    })
    .from(ratings)
    .where(eq(ratings.ratedId, userId))
    .groupBy(ratings.score);
