import {
  NotificationCheck,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type MessageType,
  type NotificationCheckAnswer,
  type ServerEventName,
  type ServerPayload,
} from '@spotlight/contracts';
import type { ApiCall } from '../api/client';
import { SocketConnection, type ConnectionOptions } from './connection';
import { Emitter } from './emitter';
import { Outbox } from './outbox';
import { OutboxSender } from './outbox-sender';
import { RoomSync } from './rooms';
import type {
  AckResult,
  ConnectionStatus,
  OutboxEntry,
  OutboxStorage,
  RoomRef,
  SessionEndReason,
  SocketClientEvents,
} from './types';

export interface SocketClientOptions extends ConnectionOptions {
  /** REST calls for the catch-up beyond what a join acknowledgement holds. */
  api: ApiCall;
  storage?: OutboxStorage;
  /** Rows per REST catch-up page. */
  catchUpPageSize?: number;
}

/**
 * The one Socket.IO connection of the app, outside React, in three parts: the connection
 * (handshake, backoff, acknowledged emits: connection.ts), room sync (join, catch-up, each
 * message once: rooms.ts, over the room table in room-kinds.ts) and the outbox (outbox.ts,
 * outbox-sender.ts). This class wires them and reports everything through typed events that
 * the query cache and the UI subscribe to.
 */
export class SocketClient {
  private readonly events = new Emitter<SocketClientEvents>();
  private readonly connection: SocketConnection;
  private readonly rooms: RoomSync;
  private readonly outbox: Outbox;
  private readonly sender: OutboxSender;
  private userId: number | undefined;
  /** Rooms are rejoined after a connect; the outbox waits for that, so catch-up reconciles first. */
  private ready = false;

  constructor(options: SocketClientOptions) {
    this.connection = new SocketConnection(options, this.events, {
      connected: (generation) => void this.handleConnected(generation),
      disconnected: () => {
        this.ready = false;
        this.rooms.markUnjoined();
      },
      sessionEnded: (reason) => this.handleSessionEnded(reason),
    });
    this.outbox = new Outbox(options.storage, (entries) => this.events.emit('outbox', entries));
    this.rooms = new RoomSync(this.connection, this.events, {
      api: options.api,
      catchUpPageSize: options.catchUpPageSize,
      onOwnMessage: (clientId) => this.outbox.remove(clientId),
    });
    this.sender = new OutboxSender(this.outbox, this.connection, {
      isReady: () => this.ready,
      onSent: (room, message) => this.rooms.deliverLive(room, message),
      retryDelay: () => this.connection.backoff.next(),
    });
    const { events, connection } = this;
    connection.onServerEvent('active_users', (payload) => events.emit('activeUsers', payload));
    connection.onServerEvent('match_request_received', (payload) =>
      events.emit('matchRequestReceived', payload),
    );
    connection.onServerEvent('match_accepted', (payload) => events.emit('matchAccepted', payload));
    connection.onServerEvent('match_updated', (payload) => events.emit('matchUpdated', payload));
    connection.onServerEvent('participants_count', (payload) =>
      events.emit('participantsCount', payload),
    );
    connection.onServerEvent('notification', (payload) => events.emit('notification', payload));
  }

  /**
   * Answers the server's `notification_check`: whether this client is focused on the screen a
   * notification is about (then the server does not push it to the user's phone).
   */
  answerNotificationChecks(isShowing: (check: NotificationCheck) => boolean): () => void {
    const handler = (payload: unknown, ack?: (answer: NotificationCheckAnswer) => void) => {
      const check = NotificationCheck.safeParse(payload);
      ack?.({ showing: check.success && isShowing(check.data) });
    };
    // Socket.IO hands the acknowledgement to the listener as its second argument.
    return this.connection.onServerEvent(
      'notification_check' as 'notification',
      handler as unknown as (payload: unknown) => void,
    );
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  /** Whether the socket is connected right now. */
  get connected(): boolean {
    return this.connection.connected;
  }

  /** Connects as this user (the session is the cookie, or `auth`); loads their outbox. */
  start(userId: number) {
    if (this.connection.started && this.userId === userId) return;
    if (this.connection.started) this.stop();
    this.userId = userId;
    this.outbox.load(userId);
    this.connection.start();
  }

  /** Drops a user's stored unsent messages (on logout: they are not sent later). */
  discardOutbox(userId: number) {
    this.outbox.clear(userId);
  }

  /** Disconnects. `clearOutbox` on logout: queued messages of this user are dropped. */
  stop({ clearOutbox = false }: { clearOutbox?: boolean } = {}) {
    this.rooms.markUnjoined();
    if (clearOutbox && this.userId !== undefined) this.outbox.clear(this.userId);
    this.outbox.unload();
    this.userId = undefined;
    this.ready = false;
    this.connection.stop();
  }

  on<K extends keyof SocketClientEvents>(
    name: K,
    listener: (payload: SocketClientEvents[K]) => void,
  ): () => void {
    return this.events.on(name, listener);
  }

  /** A raw server event (e.g. WebRTC signals for the transfer), on this and later sockets. */
  onServerEvent<E extends ServerEventName>(
    name: E,
    handler: (payload: ServerPayload<E>) => void,
  ): () => void {
    return this.connection.onServerEvent(name, handler);
  }

  /** Emits a client event and waits for its acknowledgement (or a timeout). */
  emitWithAck<E extends ClientEventName>(
    name: E,
    payload: ClientPayload<E>,
    timeoutMs?: number,
  ): Promise<AckResult<ClientResult<E>>> {
    return this.connection.emitWithAck(name, payload, timeoutMs);
  }

  /**
   * Keeps this client in a room while the returned function has not been called. `afterId` is
   * the newest message id the caller already has; the join (and every rejoin after a drop)
   * asks only for what came after it.
   */
  joinRoom(room: RoomRef, afterId = 0): () => void {
    return this.rooms.joinRoom(room, afterId);
  }

  /** The id the next rejoin of a room would ask from (for tests and diagnostics). */
  lastSeenId(room: RoomRef): number | undefined {
    return this.rooms.lastSeenId(room);
  }

  /** Messages not yet acknowledged, oldest first. The array changes identity on every change. */
  getOutbox(): readonly OutboxEntry[] {
    return this.outbox.entries;
  }

  /**
   * Queues a message and sends it as soon as the connection allows, once: retries carry the
   * same clientId, which the server stores only once. Returns that clientId.
   */
  send(room: RoomRef, content: string, type: MessageType = 'text'): string {
    return this.sender.send(room, content, type);
  }

  /** Puts a failed message back in the queue. */
  retry(clientId: string) {
    this.sender.retry(clientId);
  }

  /** Drops a message from the queue (the user gave up on it). */
  discard(clientId: string) {
    this.outbox.remove(clientId);
  }

  private async handleConnected(generation: number) {
    this.ready = false;
    await this.rooms.rejoinAll(generation);
    if (generation !== this.connection.generation) return;
    this.ready = true;
    await this.sender.flush();
  }

  private handleSessionEnded(reason: SessionEndReason) {
    // Keep the outbox: it is sent when this user signs in again.
    this.stop();
    this.events.emit('sessionEnded', { reason });
  }
}
