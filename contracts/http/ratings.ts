import { z } from 'zod';
import { Id, IdParams, PageQuery, paged, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary } from './users';

export const RATING_COMMENT_MAX = 1000;

export const CreateRatingBody = z.strictObject({
  matchId: Id,
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
  wouldCollaborateAgain: z.boolean().default(false),
});
export type CreateRatingBody = z.infer<typeof CreateRatingBody>;

export const Rating = z.object({
  id: Id,
  matchId: Id,
  rater: UserSummary,
  ratedId: Id,
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  wouldCollaborateAgain: z.boolean(),
  event: z.object({ id: Id, name: z.string() }),
  createdAt: Timestamp,
});
export type Rating = z.infer<typeof Rating>;

export const RatingPage = paged(Rating);

export const RatingStats = z.object({
  userId: Id,
  count: z.number().int(),
  /** Mean score, 1–5, rounded to two decimals; null without ratings. */
  average: z.number().nullable(),
  /** Share (0–1) of raters who would collaborate again; null without ratings. */
  wouldCollaborateAgainShare: z.number().nullable(),
  /** How many ratings gave each score, 1 to 5. */
  distribution: z.object({
    1: z.number(),
    2: z.number(),
    3: z.number(),
    4: z.number(),
    5: z.number(),
  }),
});
export type RatingStats = z.infer<typeof RatingStats>;

export const ratingsEndpoints = {
  create: defineEndpoint({
    method: 'POST',
    path: '/api/ratings',
    auth: 'user',
    tag: 'ratings',
    summary: 'Rate the partner of a completed match (once)',
    body: CreateRatingBody,
    response: Rating,
    status: 201,
    errors: ['not_found', 'match_not_completed', 'already_rated'],
  }),
  byUser: defineEndpoint({
    method: 'GET',
    path: '/api/ratings/user/:id',
    auth: 'user',
    tag: 'ratings',
    summary: 'Ratings a dancer received, newest first',
    params: IdParams,
    query: PageQuery,
    response: RatingPage,
    errors: ['not_found'],
  }),
  stats: defineEndpoint({
    method: 'GET',
    path: '/api/ratings/stats/:id',
    auth: 'user',
    tag: 'ratings',
    summary: "A dancer's rating statistics",
    params: IdParams,
    response: RatingStats,
    errors: ['not_found'],
  }),
} as const;
