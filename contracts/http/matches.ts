import { z } from 'zod';
import { Id, IdParams, PageQuery, paged, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary } from './users';

export const MATCH_STATUSES = [
  'pending',
  'accepted',
  'completed',
  'rejected',
  'cancelled',
] as const;
export const MatchStatus = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof MatchStatus>;

/**
 * The only status moves. `who` says which participant may make each move: the `target`
 * (user2, who received the request), the `requester` (user1), or `either`.
 */
export const MATCH_TRANSITIONS = [
  { from: 'pending', to: 'accepted', who: 'target' },
  { from: 'pending', to: 'rejected', who: 'target' },
  { from: 'pending', to: 'cancelled', who: 'requester' },
  { from: 'accepted', to: 'completed', who: 'either' },
  { from: 'accepted', to: 'cancelled', who: 'either' },
] as const satisfies readonly {
  from: MatchStatus;
  to: MatchStatus;
  who: 'target' | 'requester' | 'either';
}[];

export type MatchRole = 'requester' | 'target';

/** The transition for a move, or undefined when the move is not allowed at all. */
export const findTransition = (from: MatchStatus, to: MatchStatus) =>
  MATCH_TRANSITIONS.find((t) => t.from === from && t.to === to);

/** Whether a participant in `role` may move a match from `from` to `to`. */
export const canTransition = (from: MatchStatus, to: MatchStatus, role: MatchRole) => {
  const transition = findTransition(from, to);
  return transition !== undefined && (transition.who === 'either' || transition.who === role);
};

export const MatchRating = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  wouldCollaborateAgain: z.boolean(),
  createdAt: Timestamp,
});

export const Match = z.object({
  id: Id,
  status: MatchStatus,
  event: z.object({
    id: Id,
    name: z.string(),
    location: z.string(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  requester: UserSummary,
  target: UserSummary,
  /** The other participant, seen from the signed-in user. */
  partner: UserSummary,
  /** The signed-in user's side of the match. */
  role: z.enum(['requester', 'target']),
  /** The private chat room; it exists once the match is accepted. */
  roomId: Id.nullable(),
  /** The rating the signed-in user gave the partner, if any. */
  myRating: MatchRating.nullable(),
  /** The rating the partner gave the signed-in user, if any. */
  partnerRating: MatchRating.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Match = z.infer<typeof Match>;

export const CreateMatchBody = z.strictObject({ targetUserId: Id, eventId: Id });
export type CreateMatchBody = z.infer<typeof CreateMatchBody>;

export const UpdateMatchBody = z.strictObject({
  status: z.enum(['accepted', 'rejected', 'cancelled', 'completed']),
});
export type UpdateMatchBody = z.infer<typeof UpdateMatchBody>;

export const ListMatchesQuery = PageQuery.extend({
  status: MatchStatus.optional(),
  eventId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const MatchPage = paged(Match);

export const matchesEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/matches',
    auth: 'user',
    tag: 'matches',
    summary: "The signed-in user's matches, newest first",
    query: ListMatchesQuery,
    response: MatchPage,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/matches',
    auth: 'user',
    tag: 'matches',
    summary: 'Ask another participant of an event to be your recording partner',
    body: CreateMatchBody,
    response: Match,
    status: 201,
    errors: ['not_found', 'not_participant', 'self_action', 'already_matched'],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/matches/:id',
    auth: 'user',
    tag: 'matches',
    summary: 'One match (its participants only)',
    params: IdParams,
    response: Match,
    errors: ['not_found'],
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/matches/:id',
    auth: 'user',
    tag: 'matches',
    summary: 'Accept, reject, cancel or complete a match',
    params: IdParams,
    body: UpdateMatchBody,
    response: Match,
    errors: ['not_found', 'invalid_transition', 'forbidden'],
  }),
} as const;
