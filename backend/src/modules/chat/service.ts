import {
  contentForType,
  type EventMessage,
  type HistoryQuery,
  type MessageType,
  type PrivateMessage,
} from '@spotlight/contracts';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import * as eventsRepo from '../events/repository';
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
  type: message.type as MessageType,
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

/**
 * Chat storage and history for event rooms and private match rooms. Authorisation is checked
 * here, so that REST history and Socket.IO share it.
 */
export function createChatService(
  { db, metrics }: AppContext,
  deps: { events: EventsService; matches: MatchesService },
) {
  /** The private room of a match the user takes part in; 404 for anyone else. */
  const matchRoom = async (userId: number, matchId: number) => {
    const match = await deps.matches.findForParticipant(userId, matchId);
    if (!match) throw notFound('Match');
    return match;
  };

  const store = async (roomId: number, userId: number, input: SendInput) => {
    const checked = contentForType(input.type, input.content);
    if (!checked.success) {
      throw badRequest(
        input.type === 'link' ? 'A link must be an http or https URL' : 'Invalid message content',
      );
    }
    const content = input.type === 'text' ? (checked.data as string) : input.content.trim();
    const { message, created } = await repo.insertMessageOnce(db, {
      roomId,
      userId,
      content,
      type: input.type,
      clientId: input.clientId,
    });
    if (message.roomId !== roomId) {
      throw conflict('conflict', 'This clientId was already used for another message');
    }
    if (created) metrics.messagesStored.inc({ room: input.type === 'text' ? 'chat' : input.type });
    const view = await repo.findMessageView(db, message.id);
    return { view: view!, created };
  };

  return {
    matchRoom,

    async eventHistory(userId: number, eventId: number, query: HistoryQuery) {
      await deps.events.assertParticipant(eventId, userId);
      const roomId = await eventsRepo.eventRoomId(db, eventId);
      const page = await repo.roomHistory(db, roomId, query);
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
    async sendEventMessage(userId: number, eventId: number, input: SendInput) {
      await deps.events.assertParticipant(eventId, userId);
      const roomId = await eventsRepo.eventRoomId(db, eventId);
      const { view, created } = await store(roomId, userId, input);
      return { message: toEventMessage(view, eventId), created };
    },

    /** Stores a private message (the match's two participants, once accepted). */
    async sendPrivateMessage(userId: number, matchId: number, input: SendInput) {
      const match = await matchRoom(userId, matchId);
      if (!match.roomId || (match.status !== 'accepted' && match.status !== 'completed')) {
        throw forbidden('The private chat opens once the request is accepted');
      }
      const { view, created } = await store(match.roomId, userId, input);
      return { message: toPrivateMessage(view, matchId), created, match };
    },
  };
}
