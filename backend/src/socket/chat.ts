/**
 * Event chat and private (match) chat. Storage, authorisation and abuse limits live in the chat
 * service; this file decides who hears what.
 */
import { HISTORY_PAGE_MAX, HISTORY_PAGE_SIZE } from '@spotlight/contracts';
import { rateLimited } from '../errors';
import { consume } from '../limits';
import { handle } from './handler';
import { rooms, type IoSocket, type RealtimeDeps } from './types';

/** A first join's ack holds one page of history; a rejoin with `afterId` gets up to HISTORY_PAGE_MAX. */
/** How long a retried send may still reach the whole audience (see `toHearers`). */
const RETRY_FANOUT_MS = 2 * 60_000;

/**
 * The messages whose retry this node already sent to the whole audience: each goes out to the
 * room at most once more per node, however often its clientId is replayed.
 */
export function createRetryFanout(now = Date.now) {
  const sent = new Map<number, number>();
  return {
    /** True the first time `messageId`, stored at `createdAt`, is retried within the window. */
    claim(messageId: number, createdAt: string) {
      const time = now();
      for (const [id, until] of sent) {
        if (until > time) break;
        sent.delete(id);
      }
      if (time - Date.parse(createdAt) >= RETRY_FANOUT_MS || sent.has(messageId)) return false;
      sent.set(messageId, time + RETRY_FANOUT_MS);
      return true;
    },
  };
}
export type RetryFanout = ReturnType<typeof createRetryFanout>;

const historyQuery = (afterId: number | undefined) =>
  afterId === undefined
    ? { limit: HISTORY_PAGE_SIZE }
    : { after: afterId, limit: HISTORY_PAGE_MAX };

export function registerChat(
  socket: IoSocket,
  { ctx, services, presence, chatRetries: retries }: RealtimeDeps,
) {
  const { user } = socket.data;
  const logger = ctx.logger;

  /** Joins per user (every socket and node together): each one reads the database. */
  const admitJoin = async () => {
    const wait = await consume(ctx.limits.roomJoinUser, String(user.id));
    if (wait > 0) throw rateLimited(wait, 'You are joining rooms too fast; wait a moment');
  };

  /**
   * Who hears a sent message. A new one goes to `audience`. So does the first retry of a message
   * stored in the last RETRY_FANOUT_MS: its first broadcast may have died with the process that
   * stored it (killed between the commit and the broadcast), and a listener who stayed
   * connected to another node would never catch up. Clients keep one copy per id. Any other
   * retry goes only to the sender's other sockets, so that replaying a clientId never keeps
   * fanning out to a room.
   */
  const toHearers = (fansOut: boolean, audience: string | string[]) =>
    socket.to(fansOut ? audience : rooms.user(user.id));
  const fansOut = (created: boolean, message: { id: number; createdAt: string }) =>
    created || retries.claim(message.id, message.createdAt);

  handle(socket, logger, 'join_event_room', async ({ eventId, afterId }) => {
    await admitJoin();
    await services.events.assertParticipant(eventId, user.id);
    const room = rooms.event(eventId);
    // Join before reading the history: a message stored meanwhile is then in the history, or
    // broadcast to this socket, or both (clients keep one copy per id); never in neither.
    await socket.join(room);
    try {
      const page = await services.chat.eventHistory(user.id, eventId, historyQuery(afterId));
      return { messages: page.items, hasMore: page.hasMore, activeUsers: presence.list(eventId) };
    } catch (error) {
      await socket.leave(room);
      throw error;
    }
  });

  handle(socket, logger, 'leave_event_room', async ({ eventId }) => {
    await socket.leave(rooms.event(eventId));
    return {};
  });

  handle(socket, logger, 'send_event_message', async ({ eventId, content, clientId }, afterAck) => {
    const { message, created } = await services.chat.sendEventMessage(
      user.id,
      eventId,
      { content, type: 'text', clientId },
      { enforceLimits: true },
    );
    const heard = fansOut(created, message);
    // Dancers who blocked the sender do not see their messages, on any node.
    const blockers = heard ? await services.blockPolicy.blockersOf(user.id) : [];
    afterAck(() =>
      toHearers(heard, rooms.event(eventId))
        .except(blockers.map(rooms.user))
        .emit('event_message', message),
    );
    return { message };
  });

  handle(socket, logger, 'join_private_room', async ({ matchId, afterId }) => {
    await admitJoin();
    const match = await services.matches.get(user.id, matchId);
    const room = rooms.match(matchId);
    await socket.join(room);
    try {
      const page = await services.chat.matchHistory(user.id, matchId, historyQuery(afterId));
      return { messages: page.items, hasMore: page.hasMore, match };
    } catch (error) {
      await socket.leave(room);
      throw error;
    }
  });

  handle(socket, logger, 'leave_private_room', async ({ matchId }) => {
    await socket.leave(rooms.match(matchId));
    return {};
  });

  handle(socket, logger, 'send_private_message', async (payload, afterAck) => {
    const { matchId, content, type, clientId } = payload;
    const { message, match, created } = await services.chat.sendPrivateMessage(
      user.id,
      matchId,
      { content, type, clientId },
      { enforceLimits: true },
    );
    const partnerId = match.user1Id === user.id ? match.user2Id : match.user1Id;
    // The partner hears it on every device, in the room or not; the sender's other tabs only
    // in the room.
    afterAck(() =>
      toHearers(fansOut(created, message), [rooms.match(matchId), rooms.user(partnerId)]).emit(
        'private_message',
        message,
      ),
    );
    return { message };
  });
}

/**
 * Domain events of chat rooms: a user who leaves an event leaves its room on every node; the
 * room hears announcements and the participants count.
 */
export function watchEventMembership({ io, ctx, presence }: RealtimeDeps) {
  const offLeft = ctx.bus.on('event.left', ({ eventId, userId }) => {
    io.in(rooms.user(userId)).socketsLeave(rooms.event(eventId));
    presence.forget(eventId, userId);
  });
  // Every node's sockets in the event's room hear it (the adapter carries it across nodes).
  const offAnnounced = ctx.bus.on('announcement.changed', (payload) => {
    io.to(rooms.event(payload.eventId)).emit('announcement', payload);
  });
  const offCount = ctx.bus.on('event.participants_count', (payload) => {
    io.to(rooms.event(payload.eventId)).emit('participants_count', payload);
  });
  return () => {
    offLeft();
    offAnnounced();
    offCount();
  };
}
