import type { Event, ListEventsQuery, Participant } from '@spotlight/contracts';
import { AppError, emailNotVerified, notFound, notParticipant } from '../../errors';
import type { AppContext } from '../../http/context';
import type { RolesService } from '../roles/service';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type EventsService = ReturnType<typeof createEventsService>;

export const toEvent = (
  row: repo.EventWithJoined | Omit<repo.EventWithJoined, 'createdAt'>,
): Event => ({
  id: row.id,
  name: row.name,
  location: row.location,
  startDate: row.startDate,
  endDate: row.endDate,
  worldsdcId: row.worldsdcId,
  participantsCount: row.participantsCount,
  description: row.description,
  requireVerifiedEmail: row.requireVerifiedEmail,
  joined: row.joined,
  checkedIn: row.checkedIn,
});

/** Whether a user is in an event's room right now; the socket layer's presence answers. */
export type PresenceProbe = (eventId: number, userId: number) => boolean;

type ParticipantRow = Awaited<ReturnType<typeof repo.listParticipants>>['items'][number];

const toParticipant = (row: ParticipantRow, viewerId: number, online: boolean): Participant => ({
  ...toUserSummary(row),
  country: row.country,
  joinedAt: row.joinedAt.toISOString(),
  checkedInAt: row.checkedInAt?.toISOString() ?? null,
  danceRole: row.danceRole,
  division: row.division,
  rating: { average: row.ratingAverage, count: row.ratingCount },
  online,
  match:
    row.matchId === null || row.matchStatus === null
      ? null
      : {
          id: row.matchId,
          status: row.matchStatus,
          role: row.matchRequesterId === viewerId ? 'requester' : 'target',
        },
});

export function createEventsService({ db, bus }: AppContext, deps: { roles: RolesService }) {
  // Without a socket layer (the CLI, a process that serves no sockets) nobody is online.
  let isPresent: PresenceProbe = () => false;

  const get = async (userId: number, id: number): Promise<Event> => {
    const row = await repo.findEvent(db, userId, id);
    if (!row) throw notFound('Event');
    return toEvent(row);
  };
  /** Everyone in the event's room sees the new count (backend/src/socket/chat.ts). */
  const countChanged = (event: Event) =>
    bus.emit('event.participants_count', {
      eventId: event.id,
      participantsCount: event.participantsCount,
    });

  /** Throws 404 for a missing event and 403 unless the user joined it. */
  const assertParticipant = async (eventId: number, userId: number): Promise<void> => {
    if (await repo.isParticipant(db, eventId, userId)) return;
    if (!(await repo.eventExists(db, eventId))) throw notFound('Event');
    throw notParticipant();
  };

  /**
   * The organiser's verified-address rule, in one place for every way of taking part: joining,
   * checking in, asking for a match (REST and socket), declaring heats and accepting a
   * recording. Sending to the event chat checks the same rule inside its sender query.
   */
  const assertMayTakePart = async (eventId: number, userId: number): Promise<void> => {
    if (await repo.lacksVerifiedEmail(db, eventId, userId)) throw emailNotVerified();
  };

  return {
    get,
    assertParticipant,
    assertMayTakePart,

    /** The user ids of every participant. */
    participantIds: (eventId: number) => repo.participantIds(db, eventId),

    /** Throws 404 unless the event exists. */
    async assertExists(eventId: number): Promise<void> {
      if (!(await repo.eventExists(db, eventId))) throw notFound('Event');
    },

    /** The id of the event's chat room (created on first use). */
    roomId: (eventId: number) => repo.eventRoomId(db, eventId),

    async list(userId: number, query: ListEventsQuery) {
      const { items, total } = await repo.listEvents(db, userId, query);
      return { items: items.map(toEvent), total, page: query.page, limit: query.limit };
    },

    /**
     * Joins an event that has not ended; the count moves in the same transaction as the row,
     * and only once.
     */
    async join(userId: number, id: number): Promise<{ event: Event }> {
      await assertMayTakePart(id, userId);
      const joined = await db.transaction(async (tx) => {
        if (!(await repo.eventExists(tx, id))) throw notFound('Event');
        if (await repo.hasEnded(tx, id)) {
          throw new AppError('event_ended', 'This event is over; it can no longer be joined');
        }
        const added = await repo.addParticipant(tx, id, userId);
        if (added) await repo.adjustParticipantsCount(tx, id, 1);
        return added;
      });
      const event = await get(userId, id);
      if (joined) countChanged(event);
      return { event };
    },

    async leave(userId: number, id: number): Promise<{ event: Event }> {
      const left = await db.transaction(async (tx) => {
        if (!(await repo.eventExists(tx, id))) throw notFound('Event');
        const removed = await repo.removeParticipant(tx, id, userId);
        if (removed) await repo.adjustParticipantsCount(tx, id, -1);
        return removed;
      });
      if (left) bus.emit('event.left', { eventId: id, userId });
      const event = await get(userId, id);
      if (left) countChanged(event);
      return { event };
    },

    isParticipant: (eventId: number, userId: number) => repo.isParticipant(db, eventId, userId),

    /** The socket layer tells who is in an event's room (backend/src/socket/index.ts). */
    usePresence(probe: PresenceProbe) {
      isPresent = probe;
    },

    /**
     * The dancers of an event, for its participants, organisers and admins (404 for a missing
     * event, 403 `not_participant` for anyone else).
     */
    async participants(userId: number, eventId: number, page: number, limit: number) {
      if (!(await repo.isParticipant(db, eventId, userId))) {
        if (!(await repo.eventExists(db, eventId))) throw notFound('Event');
        if (!(await deps.roles.canManageEvent(userId, eventId))) throw notParticipant();
      }
      const { items, total } = await repo.listParticipants(db, eventId, userId, page, limit);
      return {
        items: items.map((row) => toParticipant(row, userId, isPresent(eventId, row.id))),
        total,
        page,
        limit,
      };
    },
  };
}
