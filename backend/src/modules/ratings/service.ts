import type { CreateRatingBody, Rating, RatingStats } from '@spotlight/contracts';
import { count, desc, eq, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/client';
import { events, matches, ratings, users } from '../../db/schema';
import { AppError, conflict, notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import { toUserSummary } from '../users/presenter';

export type RatingsService = ReturnType<typeof createRatingsService>;

export function createRatingsService({ db }: AppContext) {
  const selectRatings = () =>
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

  type RatingView = Awaited<ReturnType<ReturnType<typeof selectRatings>['execute']>>[number];
  const toRating = ({ rating, rater, event }: RatingView): Rating => ({
    id: rating.id,
    matchId: rating.matchId,
    rater: toUserSummary(rater),
    ratedId: rating.ratedId,
    score: rating.score,
    comment: rating.comment,
    wouldCollaborateAgain: rating.wouldCollaborateAgain,
    event,
    createdAt: rating.createdAt.toISOString(),
  });

  const assertUser = async (id: number) => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
    if (!row) throw notFound('User');
  };

  return {
    /** Rates the other participant of a completed match, once. */
    async create(raterId: number, body: CreateRatingBody): Promise<Rating> {
      const [match] = await db.select().from(matches).where(eq(matches.id, body.matchId)).limit(1);
      if (!match || (match.user1Id !== raterId && match.user2Id !== raterId)) {
        throw notFound('Match');
      }
      if (match.status !== 'completed') {
        throw new AppError(
          'match_not_completed',
          409,
          'Rate your partner once the match is completed',
        );
      }
      const ratedId = match.user1Id === raterId ? match.user2Id : match.user1Id;
      try {
        const [created] = await db
          .insert(ratings)
          .values({
            matchId: match.id,
            raterId,
            ratedId,
            score: body.score,
            comment: body.comment || null,
            wouldCollaborateAgain: body.wouldCollaborateAgain,
          })
          .returning({ id: ratings.id });
        const [view] = await selectRatings().where(eq(ratings.id, created!.id));
        return toRating(view!);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('already_rated', 'You already rated this partner');
        throw error;
      }
    },

    async byUser(userId: number, page: number, limit: number) {
      await assertUser(userId);
      const where = eq(ratings.ratedId, userId);
      const [items, [total]] = await Promise.all([
        selectRatings()
          .where(where)
          .orderBy(desc(ratings.createdAt), desc(ratings.id))
          .limit(limit)
          .offset((page - 1) * limit),
        db.select({ value: count() }).from(ratings).where(where),
      ]);
      return { items: items.map(toRating), total: total?.value ?? 0, page, limit };
    },

    async stats(userId: number): Promise<RatingStats> {
      await assertUser(userId);
      const rows = await db
        .select({
          score: ratings.score,
          count: sql<number>`count(*)::int`,
          again: sql<number>`count(*) filter (where ${ratings.wouldCollaborateAgain})::int`,
        })
        .from(ratings)
        .where(eq(ratings.ratedId, userId))
        .groupBy(ratings.score);
      const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      let total = 0;
      let sum = 0;
      let again = 0;
      for (const row of rows) {
        distribution[row.score as 1 | 2 | 3 | 4 | 5] = row.count;
        total += row.count;
        sum += row.score * row.count;
        again += row.again;
      }
      return {
        userId,
        count: total,
        average: total ? Math.round((sum / total) * 100) / 100 : null,
        wouldCollaborateAgainShare: total ? Math.round((again / total) * 1000) / 1000 : null,
        distribution,
      };
    },
  };
}
