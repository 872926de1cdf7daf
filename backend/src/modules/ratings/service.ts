import type { CreateRatingBody, Rating, RatingStats } from '@spotlight/contracts';
import { isUniqueViolation } from '../../db/client';
import { AppError, conflict, notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { MatchesService } from '../matches/service';
import type { UsersService } from '../users/service';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type RatingsService = ReturnType<typeof createRatingsService>;

const toRating = ({ rating, rater, event }: repo.RatingView): Rating => ({
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

export function createRatingsService(
  { db }: AppContext,
  deps: { matches: MatchesService; users: UsersService },
) {
  const assertUser = deps.users.assertExists;

  return {
    /** Rates the other participant of a completed match, once. */
    async create(raterId: number, body: CreateRatingBody): Promise<Rating> {
      const taking = await deps.matches.findParticipation(raterId, body.matchId);
      if (!taking) throw notFound('Match');
      const { match, partnerId: ratedId } = taking;
      if (match.status !== 'completed') {
        throw new AppError('match_not_completed', 'Rate your partner once the match is completed');
      }
      try {
        const id = await repo.insertRating(db, {
          matchId: match.id,
          raterId,
          ratedId,
          score: body.score,
          comment: body.comment || null,
          wouldCollaborateAgain: body.wouldCollaborateAgain,
        });
        return toRating((await repo.findRatingView(db, id))!);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('already_rated', 'You already rated this partner');
        }
        throw error;
      }
    },

    async byUser(userId: number, page: number, limit: number) {
      await assertUser(userId);
      const { items, total } = await repo.listRatingsReceived(db, userId, page, limit);
      return { items: items.map(toRating), total, page, limit };
    },

    async stats(userId: number): Promise<RatingStats> {
      await assertUser(userId);
      const rows = await repo.ratingCountsByScore(db, userId);
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
