import { api } from '@spotlight/contracts';
import type { ApiCall } from '../api/client';
import type { Emitter } from './emitter';
import type {
  AckChannel,
  AckResult,
  ChatMessage,
  OutboxEntry,
  RoomRef,
  SocketClientEvents,
} from './types';

/** A join acknowledged: the messages after `afterId`, and what to tell the app about it. */
export interface RoomJoined {
  messages: ChatMessage[];
  hasMore: boolean;
  announce(events: Emitter<SocketClientEvents>): void;
}

export interface HistoryPage {
  items: ChatMessage[];
  hasMore: boolean;
}

/** How one kind of room is joined, left, written to and read back. */
export interface RoomKind {
  join(channel: AckChannel, id: number, afterId: number): Promise<AckResult<RoomJoined>>;
  leave(channel: AckChannel, id: number): void;
  send(channel: AckChannel, entry: OutboxEntry): Promise<AckResult<{ message: ChatMessage }>>;
  history(
    call: ApiCall,
    id: number,
    query: { before?: number; after?: number; limit: number },
    signal?: AbortSignal,
  ): Promise<HistoryPage>;
  /** Live messages of every room of this kind. Returns the unsubscribe. */
  onLive(channel: AckChannel, deliver: (room: RoomRef, message: ChatMessage) => void): () => void;
}

/** The two kinds of chat room: an event's public chat and a match's private chat. */
export const ROOM_KINDS: Record<RoomRef['kind'], RoomKind> = {
  event: {
    async join(channel, eventId, afterId) {
      const ack = await channel.emitWithAck('join_event_room', { eventId, afterId });
      if (!ack.ok) return ack;
      return {
        ...ack,
        announce(events) {
          events.emit('joined', { kind: 'event', id: eventId, result: ack });
          events.emit('activeUsers', { eventId, users: ack.activeUsers });
        },
      };
    },
    leave: (channel, eventId) => void channel.emitWithAck('leave_event_room', { eventId }),
    send: (channel, { room, content, clientId }) =>
      channel.emitWithAck('send_event_message', { eventId: room.id, content, clientId }),
    history: (call, id, query, signal) =>
      call(api.chat.eventHistory, { params: { id }, query }, { signal }),
    onLive: (channel, deliver) =>
      channel.onServerEvent('event_message', (message) =>
        deliver({ kind: 'event', id: message.eventId }, message),
      ),
  },
  match: {
    async join(channel, matchId, afterId) {
      const ack = await channel.emitWithAck('join_private_room', { matchId, afterId });
      if (!ack.ok) return ack;
      return {
        ...ack,
        announce: (events) => events.emit('joined', { kind: 'match', id: matchId, result: ack }),
      };
    },
    leave: (channel, matchId) => void channel.emitWithAck('leave_private_room', { matchId }),
    send: (channel, { room, content, type, clientId }) =>
      channel.emitWithAck('send_private_message', { matchId: room.id, content, type, clientId }),
    history: (call, id, query, signal) =>
      call(api.chat.matchHistory, { params: { id }, query }, { signal }),
    onLive: (channel, deliver) =>
      channel.onServerEvent('private_message', (message) =>
        deliver({ kind: 'match', id: message.matchId }, message),
      ),
  },
};
