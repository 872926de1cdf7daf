import {
  contentForType,
  type EventMessage,
  type HistoryQuery,
  type MessageType,
  type PrivateMessage,
} from '@spotlight/contracts';
import { createHash, randomUUID } from 'node:crypto';
import {
  AppError,
  badRequest,
  conflict,
  emailNotVerified,
  forbidden,
  notFound,
  notParticipant,
  rateLimited,
} from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import type { BlocksPolicy } from '../blocks/service';
import type { EventsService } from '../events/service';
import type { MatchesService } from '../matches/service';
import * as repo from './repository';

export type ChatService = ReturnType<typeof createChatService>;

const base = ({ message, sender }: repo.MessageView) => ({
  id: message.id,
  roomId: message.roomId,
  userId: sender.id,
  username: sender.username,
  displayName: sender.displayName,
  avatar: sender.avatar,
  content: message.content,
  type: message.type,
  clientId: message.clientId,
  createdAt: message.createdAt.toISOString(),
});

export const toEventMessage = (view: repo.MessageView, eventId: number): EventMessage => ({
  ...base(view),
  eventId,
});
export const toPrivateMessage = (view: repo.MessageView, matchId: number): PrivateMessage => ({
  ...base(view),
  matchId,
});

export interface SendInput {
  content: string;
  type: MessageType;
  clientId?: string;
}

export interface SendOptions {
  /**
   * Apply the per-user abuse limits (rate, duplicate content). On for everything a user sends
   * (the socket handlers); off for code that writes history itself (seeds, tests).
   */
  enforceLimits?: boolean;
}

/**
 * Chat storage and history for event rooms and private match rooms. Authorisation and the
 * abuse limits are checked here, so that every transport shares them.
 */
export function createChatService(
  { db, metrics, limits, bus }: AppContext,
  deps: { events: EventsService; matches: MatchesService; blocks: BlocksPolicy },
) {
  /** The private room of a match the user takes part in; 404 for anyone else. */
  const matchRoom = async (userId: number, matchId: number) => {
    const match = await deps.matches.findForParticipant(userId, matchId);
    if (!match) throw notFound('Match');
    return match;
  };

  /**
   * The per-user rate (sustained, with a burst). Every send counts, a retry of a stored message
   * too: a replayed clientId is no way around it. Checked before any database work.
   */
  const throttle = async (userId: number, options: SendOptions) => {
    if (!options.enforceLimits) return;
    const wait = await consume(limits.chatUser, String(userId));
    if (wait > 0) throw rateLimited(wait, 'You are sending messages too fast; wait a moment');
  };

  /**
   * No identical content in one room within the duplicate window. Returns a release for the
   * claim, for when storing fails.
   */
  const admit = async (userId: number, roomId: number, content: string, clientId?: string) => {
    const digest = createHash('sha256').update(content).digest('base64url');
    const key = `${userId}:${roomId}:${digest}`;
    // A retry of the same clientId owns the claim already and passes.
    const owner = clientId ?? randomUUID();
    if (!(await limits.chatDuplicate.claim(key, owner))) {
      throw new AppError(
        'duplicate_content',
        'You just sent the same message here',
        undefined,
        limits.chatDuplicate.ttlSeconds,
      );
    }
    return () => limits.chatDuplicate.release(key, owner);
  };

  // An event's chat room never changes once it exists: one lookup per event and process.
  const eventRooms = new Map<number, number>();
  const eventRoom = async (eventId: number) => {
    let roomId = eventRooms.get(eventId);
    if (roomId === undefined) {
      roomId = await deps.events.roomId(eventId);
      eventRooms.set(eventId, roomId);
    }
    return roomId;
  };

  const store = async (
    roomId: number,
    { sender, stored }: repo.Sender,
    input: SendInput,
    options: SendOptions,
  ) => {
    const userId = sender.id;
    const checked = contentForType(input.type, input.content);
    if (!checked.success) {
      throw badRequest(
        input.type === 'link' ? 'A link must be an http or https URL' : 'Invalid message content',
      );
    }
    const content = input.type === 'text' ? (checked.data as string) : input.content.trim();
    if (stored) {
      // An idempotent retry: answer with the stored message (the rate limit counted it).
      if (stored.roomId !== roomId) {
        throw conflict('conflict', 'This clientId was already used for another message');
      }
      return { view: { message: stored, sender }, created: false };
    }
    const release = options.enforceLimits
      ? await admit(userId, roomId, content, input.clientId)
      : async () => {};
    let inserted: Awaited<ReturnType<typeof repo.insertMessageOnce>>;
    try {
      inserted = await repo.insertMessageOnce(db, {
        roomId,
        userId,
        content,
        type: input.type,
        clientId: input.clientId,
      });
    } catch (error) {
      await release();
      throw error;
    }
    const { message, created } = inserted;
    if (message.roomId !== roomId) {
      throw conflict('conflict', 'This clientId was already used for another message');
    }
    if (created) metrics.messagesStored.inc({ room: input.type === 'text' ? 'chat' : input.type });
    return { view: { message, sender }, created };
  };

  return {
    matchRoom,

    async eventHistory(userId: number, eventId: number, query: HistoryQuery) {
      await deps.events.assertParticipant(eventId, userId);
      // The messages of dancers this viewer blocked are not shown to them.
      const hidden = await deps.blocks.hiddenFor(userId);
      const page = await repo.roomHistory(db, await eventRoom(eventId), query, hidden);
      return {
        items: page.items.map((view) => toEventMessage(view, eventId)),
        hasMore: page.hasMore,
      };
    },

    async matchHistory(userId: number, matchId: number, query: HistoryQuery) {
      const match = await matchRoom(userId, matchId);
      if (!match.roomId) return { items: [], hasMore: false };
      const page = await repo.roomHistory(db, match.roomId, query);
      return {
        items: page.items.map((view) => toPrivateMessage(view, matchId)),
        hasMore: page.hasMore,
      };
    },

    /** Stores an event chat message (participants only); idempotent by clientId. */
    async sendEventMessage(
      userId: number,
      eventId: number,
      input: SendInput,
      options: SendOptions = {},
    ) {
      await throttle(userId, options);
      const sender = await repo.eventSender(db, eventId, userId, input.clientId);
      if (!sender) {
        // The events service says why: no such event, or not joined.
        await deps.events.assertParticipant(eventId, userId);
        throw notParticipant();
      }
      if (sender.mustVerifyEmail && !sender.stored) throw emailNotVerified();
      const mutedFor = (sender.mutedUntil?.getTime() ?? 0) - Date.now();
      if (mutedFor > 0 && !sender.stored) {
        throw new AppError(
          'muted',
          'A moderator muted you in event chats for a while',
          undefined,
          Math.ceil(mutedFor / 1000),
        );
      }
      const { view, created } = await store(await eventRoom(eventId), sender, input, options);
      return { message: toEventMessage(view, eventId), created };
    },

    /** Stores a private message (the match's two participants, once accepted). */
    async sendPrivateMessage(
      userId: number,
      matchId: number,
      input: SendInput,
      options: SendOptions = {},
    ) {
      await throttle(userId, options);
      const match = await matchRoom(userId, matchId);
      await deps.blocks.assertReachable(
        userId,
        match.user1Id === userId ? match.user2Id : match.user1Id,
      );
      if (!match.roomId || (match.status !== 'accepted' && match.status !== 'completed')) {
        throw forbidden('The private chat opens once the request is accepted');
      }
      const sender = await repo.findSender(db, userId, input.clientId);
      if (!sender) throw notFound('User');
      const { view, created } = await store(match.roomId, sender, input, options);
      if (created) {
        const recipientId = match.user1Id === userId ? match.user2Id : match.user1Id;
        bus.emit('chat.private_message', { matchId, senderId: userId, recipientId });
      }
      return { message: toPrivateMessage(view, matchId), created, match };
    },
  };
}
