import type {
  ClientEventName,
  ClientPayload,
  ClientResult,
  ErrorBody,
  EventMessage,
  MessageType,
  PrivateMessage,
  ServerEventName,
  ServerPayload,
  UserSummary,
} from '@spotlight/contracts';
import type { ClientErrorCode } from '../api/client';

/** A chat room the client can be in: an event's public chat or a match's private chat. */
export type RoomRef = { kind: 'event'; id: number } | { kind: 'match'; id: number };

export type ChatMessage = EventMessage | PrivateMessage;

export const roomKey = (room: RoomRef) => `${room.kind}:${room.id}`;

/**
 * - `idle`: not started (signed out);
 * - `connecting`: the first connection of this session is being made;
 * - `online`: connected, rooms joined or joining;
 * - `reconnecting`: the connection dropped and is being retried with backoff;
 * - `offline`: the device says it has no network; retried as soon as it has.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Errors an acknowledgement can carry, plus the client's own: no answer in time, or no socket. */
export interface SocketError {
  code: ClientErrorCode | 'timeout' | 'disconnected';
  message: string;
}

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: SocketError | ErrorBody };

export type SessionEndReason = ServerPayload<'session_ended'>['reason'];

/** Acknowledged emits and server events: what room sync and the outbox need of a connection. */
export interface AckChannel {
  readonly connected: boolean;
  /** Increases on every connect, so that answers from an older connection are ignored. */
  readonly generation: number;
  emitWithAck<E extends ClientEventName>(
    name: E,
    payload: ClientPayload<E>,
  ): Promise<AckResult<ClientResult<E>>>;
  onServerEvent<E extends ServerEventName>(
    name: E,
    handler: (payload: ServerPayload<E>) => void,
  ): () => void;
}

export type OutboxStatus = 'queued' | 'sending' | 'failed';

/** A message the user sent that the server has not acknowledged yet. */
export interface OutboxEntry {
  clientId: string;
  room: RoomRef;
  content: string;
  type: MessageType;
  status: OutboxStatus;
  error?: SocketError;
  createdAt: string;
}

/** Where queued messages survive a reload (localStorage in the browser). */
export interface OutboxStorage {
  load(userId: number): OutboxEntry[];
  save(userId: number, entries: readonly OutboxEntry[]): void;
  clear(userId: number): void;
}

/** Whether the device has a network, and changes to it (window online/offline). */
export interface NetworkMonitor {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

/** A join acknowledged: the event room's active users, or the match as it is now. */
export type JoinedResult =
  | { kind: 'event'; id: number; result: ClientResult<'join_event_room'> }
  | { kind: 'match'; id: number; result: ClientResult<'join_private_room'> };

/** What the socket client tells the app. */
export interface SocketClientEvents {
  status: ConnectionStatus;
  /** Messages of a room, from a live event, a send ack, or a catch-up; any order, may repeat. */
  messages: { room: RoomRef; messages: ChatMessage[] };
  joined: JoinedResult;
  roomError: { room: RoomRef; error: SocketError | ErrorBody };
  activeUsers: { eventId: number; users: UserSummary[] };
  matchRequestReceived: ServerPayload<'match_request_received'>;
  matchAccepted: ServerPayload<'match_accepted'>;
  matchUpdated: ServerPayload<'match_updated'>;
  notification: ServerPayload<'notification'>;
  participantsCount: ServerPayload<'participants_count'>;
  sessionEnded: { reason: SessionEndReason };
  outbox: readonly OutboxEntry[];
}
