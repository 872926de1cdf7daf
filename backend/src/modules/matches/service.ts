import {
  canTransition,
  findTransition,
  type CreateMatchBody,
  type Match,
  type MatchStatus,
} from '@spotlight/contracts';
import { isUniqueViolation } from '../../db/client';
import { AppError, conflict, forbidden, notFound, notParticipant } from '../../errors';
import type { AppContext } from '../../http/context';
import type { BlocksPolicy } from '../blocks/service';
import type { EventsService } from '../events/service';
import { toMatch } from './presenter';
import * as repo from './repository';

export type MatchesService = ReturnType<typeof createMatchesService>;

const TRANSITION_REFUSALS: Record<MatchStatus, string> = {
  accepted: 'Only the dancer who received the request can accept it',
  rejected: 'Only the dancer who received the request can decline it',
  cancelled: 'Only the dancer who sent the request can withdraw it',
  completed: 'Only a participant can complete the match',
  pending: 'A match cannot go back to pending',
};

type MatchRow = NonNullable<Awaited<ReturnType<typeof repo.findMatch>>>;

/** A match as one of its two dancers sees it: their role, and the other dancer. */
export interface Participation {
  match: MatchRow;
  role: 'requester' | 'target';
  partnerId: number;
}

/** How `userId` takes part in the match, or undefined when they are not one of its two dancers. */
export function participation(
  match: MatchRow | undefined,
  userId: number,
): Participation | undefined {
  if (!match || (match.user1Id !== userId && match.user2Id !== userId)) return undefined;
  const requester = match.user1Id === userId;
  return {
    match,
    role: requester ? 'requester' : 'target',
    partnerId: requester ? match.user2Id : match.user1Id,
  };
}

/**
 * The rules of matches, in one place for REST and Socket.IO: both dancers in the event, never
 * oneself, once per pair and event, and status moves only along MATCH_TRANSITIONS.
 */
export function createMatchesService(
  { db, bus, metrics }: AppContext,
  deps: { events: EventsService; blocks: BlocksPolicy },
) {
  const { events, blocks } = deps;
  const get = async (viewerId: number, id: number): Promise<Match> => {
    const view = await repo.findMatchForViewer(db, viewerId, id);
    if (!view) throw notFound('Match');
    return toMatch(view, viewerId);
  };

  /** The match as `userId` takes part in it; undefined for anyone but its two dancers. */
  const findParticipation = async (userId: number, id: number) =>
    participation(await repo.findMatch(db, id), userId);

  /** The match row, if `userId` is one of its two participants. */
  const findForParticipant = async (userId: number, id: number) =>
    (await findParticipation(userId, id))?.match;

  return {
    get,

    async list(
      viewerId: number,
      filters: { status?: MatchStatus; eventId?: number; page: number; limit: number },
    ) {
      const { items, total } = await repo.listMatchesForViewer(db, viewerId, filters);
      return {
        items: items.map((view) => toMatch(view, viewerId)),
        total,
        page: filters.page,
        limit: filters.limit,
      };
    },

    async create(requesterId: number, { targetUserId, eventId }: CreateMatchBody): Promise<Match> {
      if (targetUserId === requesterId) {
        throw new AppError('self_action', 'You cannot be your own recording partner');
      }
      await events.assertExists(eventId);
      await blocks.assertReachable(requesterId, targetUserId);
      if (!(await events.isParticipant(eventId, requesterId))) {
        throw notParticipant('Join the event before asking for a recording partner');
      }
      await events.assertMayTakePart(eventId, requesterId);
      if (!(await events.isParticipant(eventId, targetUserId))) {
        throw notParticipant('That dancer has not joined this event');
      }
      try {
        const match = await repo.insertMatch(db, {
          user1Id: requesterId,
          user2Id: targetUserId,
          eventId,
        });
        metrics.matchRequests.inc();
        bus.emit('match.created', {
          matchId: match.id,
          requesterId,
          targetId: targetUserId,
        });
        return await get(requesterId, match.id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('already_matched', 'You two already have a match at this event');
        }
        throw error;
      }
    },

    /** Moves a match to a new status, if the rules allow it for this participant. */
    async transition(userId: number, id: number, to: MatchStatus): Promise<Match> {
      const changed = await db.transaction(async (tx) => {
        const taking = participation(await repo.lockMatch(tx, id), userId);
        if (!taking) throw notFound('Match');
        const { match, role } = taking;
        const from = match.status;
        if (!findTransition(from, to)) {
          throw conflict('invalid_transition', `A ${from} match cannot become ${to}`);
        }
        if (!canTransition(from, to, role)) throw forbidden(TRANSITION_REFUSALS[to]);
        const roomId =
          to === 'accepted' && !match.roomId
            ? await repo.createPrivateRoom(tx, match.eventId)
            : match.roomId;
        await repo.updateMatch(tx, id, { status: to, roomId });
        return match;
      });
      bus.emit('match.updated', {
        matchId: id,
        status: to,
        byUserId: userId,
        requesterId: changed.user1Id,
        targetId: changed.user2Id,
      });
      return get(userId, id);
    },

    /**
     * A recording both people accepted is a match: the one between them at the event, made
     * accepted (with its private room), or a new accepted one with the recorder as requester.
     * A completed match stays completed. Returns the match id; tells both, as any accept does.
     */
    async acceptForRecording(eventId: number, recorderId: number, dancerId: number) {
      const { match, changed } = await db.transaction(async (tx) => {
        const found = await repo.lockMatchBetween(tx, recorderId, dancerId, eventId);
        if (found && (found.status === 'accepted' || found.status === 'completed')) {
          return { match: found, changed: false };
        }
        const roomId = found?.roomId ?? (await repo.createPrivateRoom(tx, eventId));
        if (found) {
          await repo.updateMatch(tx, found.id, { status: 'accepted', roomId });
          return { match: found, changed: true };
        }
        const row = await repo.insertMatch(tx, {
          user1Id: recorderId,
          user2Id: dancerId,
          eventId,
          status: 'accepted',
          roomId,
        });
        return { match: row, changed: true };
      });
      if (changed) {
        bus.emit('match.updated', {
          matchId: match.id,
          status: 'accepted',
          byUserId: dancerId,
          requesterId: match.user1Id,
          targetId: match.user2Id,
        });
      }
      return match.id;
    },

    findForParticipant,
    findParticipation,

    /** Closes the open matches between two dancers (one blocked the other), telling both. */
    async closeBetween(byUserId: number, otherId: number) {
      for (const match of await repo.cancelOpenMatchesBetween(db, byUserId, otherId)) {
        bus.emit('match.updated', {
          matchId: match.id,
          status: 'cancelled',
          byUserId,
          requesterId: match.user1Id,
          targetId: match.user2Id,
        });
      }
    },

    /**
     * Throws unless `userId` may send WebRTC signals in this match: one of its participants
     * (404 for anyone else), while the match is accepted or completed (403 otherwise): marking a
     * match as done must not strand a video transfer that is still running, or reconnecting.
     */
    async assertCanSignal(userId: number, id: number): Promise<void> {
      const taking = await findParticipation(userId, id);
      if (!taking) throw notFound('Match');
      const { match } = taking;
      await blocks.assertReachable(userId, taking.partnerId);
      if (match.status !== 'accepted' && match.status !== 'completed') {
        throw forbidden('Signaling is open only while the match is accepted or completed');
      }
    },
  };
}
