import type { Match } from '@spotlight/contracts';
import type { MatchView } from './repository';

type RatingView = MatchView['myRating'];

// A left join yields either a whole rating or all-null columns.
const toRating = (rating: RatingView) =>
  rating?.score != null && rating.createdAt != null
    ? {
        score: rating.score,
        comment: rating.comment,
        wouldCollaborateAgain: rating.wouldCollaborateAgain ?? false,
        createdAt: rating.createdAt.toISOString(),
      }
    : null;

/** A match as `viewerId` (one of its participants) sees it. */
export function toMatch(view: MatchView, viewerId: number): Match {
  const role = view.match.user1Id === viewerId ? 'requester' : 'target';
  return {
    id: view.match.id,
    status: view.match.status,
    event: view.event,
    requester: view.requester,
    target: view.target,
    partner: role === 'requester' ? view.target : view.requester,
    role,
    roomId: view.match.roomId,
    myRating: toRating(view.myRating),
    partnerRating: toRating(view.partnerRating),
    createdAt: view.match.createdAt.toISOString(),
    updatedAt: view.match.updatedAt.toISOString(),
  };
}
