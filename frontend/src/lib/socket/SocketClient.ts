import {
  api,
  SOCKET_PATH,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type MessageType,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { isApiError, type ApiCall } from '../api/client';
import { Backoff } from './backoff';
import { Outbox } from './outbox';
import {
  roomKey,
  type AckResult,
  type ChatMessage,
  type ConnectionStatus,
  type NetworkMonitor,
  type OutboxEntry,
  type OutboxStorage,
  type RoomRef,
  type SocketClientEvents,
  type SocketError,
} from './types';

type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How many ids before the last one seen a rejoin asks from (see join()). */
const REJOIN_OVERLAP = 20;
/** socket.io's typed `timeout().emit` does not take a generic event name; this shape does. */
type LooseEmitter = {
  emit(name: string, payload: unknown, ack: (error: Error | null, response: unknown) => void): void;
};

export interface SocketClientOptions {
  /** REST calls for the catch-up beyond what a join acknowledgement holds. */
  api: ApiCall;
  /** Server origin; undefined connects to the page's own origin. */
  url?: string;
  /** Handshake `auth` (e.g. `{ token }` outside a browser, where there is no cookie). */
  auth?: Record<string, unknown>;
  /** Handshake headers (Node only; browsers send the cookie instead). */
  extraHeaders?: Record<string, string>;
  network?: NetworkMonitor;
  storage?: OutboxStorage;
  ackTimeoutMs?: number;
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  /** Rows per REST catch-up page. */
  catchUpPageSize?: number;
  /** Extra socket.io-client options (tests pick the transport). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

interface RoomState {
  room: RoomRef;
  refs: number;
  /** Highest id up to which this client has every message: the `afterId` of the next join. */
  lastSeenId: number;
  /** Highest id delivered at all, live messages included. */
  maxDelivered: number;
  /** A join or REST catch-up is running; live ids must not move lastSeenId past a gap. */
  catchingUp: boolean;
  joined: boolean;
  /** Ids delivered lately (the rejoin overlap's worth and more), so none is delivered twice. */
  recentIds: Set<number>;
}

/** Transient failures: the send is tried again; anything else marks the message failed. */
const RETRYABLE = new Set([
  'timeout',
  'disconnected',
  'network_error',
  'rate_limited',
  'service_unavailable',
]);

const AUTH_FAILURES = new Set(['unauthorized', 'session_expired']);

const browserNetwork = (): NetworkMonitor | undefined => {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return undefined;
  return {
    isOnline: () => navigator.onLine,
    subscribe(listener) {
      const handleOnline = () => listener(true);
      const handleOffline = () => listener(false);
      window.addEventListener('online', handleOnline);
      window.addEventListener('offline', handleOffline);
      return () => {
        window.removeEventListener('online', handleOnline);
        window.removeEventListener('offline', handleOffline);
      };
    },
  };
};

const maxId = (messages: readonly ChatMessage[]) =>
  messages.reduce((max, m) => (m.id > max ? m.id : max), 0);

/**
 * The one Socket.IO connection of the app, outside React. It reconnects with backoff, rejoins
 * the rooms in use with the last id seen (the ack then carries what was missed, and REST
 * history the rest), keeps an outbox of messages to send with their clientId, and reports
 * everything through typed events that the query cache and the UI subscribe to.
 */
export class SocketClient {
  private socket: TypedSocket | undefined;
  private readonly options: SocketClientOptions;
  private readonly network: NetworkMonitor | undefined;
  private readonly listeners = new Map<keyof SocketClientEvents, Set<(payload: never) => void>>();
  private readonly serverHandlers = new Map<string, Set<(payload: unknown) => void>>();
  private readonly rooms = new Map<string, RoomState>();
  private readonly outbox: Outbox;
  private readonly backoff: Backoff;
  private statusValue: ConnectionStatus = 'idle';
  private userId: number | undefined;
  private everConnected = false;
  /** Increases on every connect, so that answers from an older connection are ignored. */
  private generation = 0;
  /** Rooms are rejoined after a connect; the outbox waits for that, so catch-up reconciles first. */
  private ready = false;
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private shutdownReconnectMs: number | undefined;
  private unsubscribeNetwork: (() => void) | undefined;

  constructor(options: SocketClientOptions) {
    this.options = options;
    this.network = options.network ?? browserNetwork();
    this.backoff = new Backoff(
      options.reconnectDelayMs ?? 500,
      options.reconnectDelayMaxMs ?? 10_000,
    );
    this.outbox = new Outbox(options.storage, (entries) => this.emit('outbox', entries));
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  /** Whether the socket is connected right now. */
  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Connects as this user (the session is the cookie, or `auth`); loads their outbox. */
  start(userId: number) {
    if (this.socket && this.userId === userId) return;
    if (this.socket) this.stop();
    this.userId = userId;
    this.outbox.load(userId);
    this.everConnected = false;
    const socket: TypedSocket = io(this.options.url ?? '', {
      path: SOCKET_PATH,
      autoConnect: false,
      // This client owns its connection: never share a manager with another client.
      forceNew: true,
      withCredentials: true,
      reconnectionDelay: this.options.reconnectDelayMs ?? 500,
      reconnectionDelayMax: this.options.reconnectDelayMaxMs ?? 10_000,
      randomizationFactor: 0.5,
      ...(this.options.auth ? { auth: this.options.auth } : {}),
      ...(this.options.extraHeaders ? { extraHeaders: this.options.extraHeaders } : {}),
      ...this.options.socketOptions,
    });
    this.socket = socket;
    this.attach(socket);
    this.unsubscribeNetwork = this.network?.subscribe((online) => this.handleNetwork(online));
    if (this.network?.isOnline() === false) {
      this.setStatus('offline'); // connects on the 'online' event
      return;
    }
    this.setStatus('connecting');
    socket.connect();
  }

  /** Drops a user's stored unsent messages (on logout: they are not sent later). */
  discardOutbox(userId: number) {
    this.outbox.clear(userId);
  }

  /** Disconnects. `clearOutbox` on logout: queued messages of this user are dropped. */
  stop({ clearOutbox = false }: { clearOutbox?: boolean } = {}) {
    clearTimeout(this.retryTimer);
    this.unsubscribeNetwork?.();
    this.unsubscribeNetwork = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    for (const state of this.rooms.values()) state.joined = false;
    if (clearOutbox && this.userId !== undefined) this.outbox.clear(this.userId);
    this.outbox.unload();
    this.userId = undefined;
    this.ready = false;
    this.setStatus('idle');
  }

  on<K extends keyof SocketClientEvents>(
    name: K,
    listener: (payload: SocketClientEvents[K]) => void,
  ): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** A raw server event (e.g. WebRTC signals for the transfer), on this and later sockets. */
  onServerEvent<E extends ServerEventName>(
    name: E,
    handler: (payload: ServerPayload<E>) => void,
  ): () => void {
    let set = this.serverHandlers.get(name);
    if (!set) this.serverHandlers.set(name, (set = new Set()));
    const loose = handler as (payload: unknown) => void;
    set.add(loose);
    (this.socket as Socket | undefined)?.on(name as string, loose);
    return () => {
      set.delete(loose);
      (this.socket as Socket | undefined)?.off(name as string, loose);
    };
  }

  /** Emits a client event and waits for its acknowledgement (or a timeout). */
  emitWithAck<E extends ClientEventName>(
    name: E,
    payload: ClientPayload<E>,
    timeoutMs = this.options.ackTimeoutMs ?? 10_000,
  ): Promise<AckResult<ClientResult<E>>> {
    const socket = this.socket;
    if (!socket?.connected) {
      return Promise.resolve({
        ok: false,
        error: { code: 'disconnected', message: 'Not connected' },
      });
    }
    return new Promise((resolve) => {
      (socket.timeout(timeoutMs) as unknown as LooseEmitter).emit(name, payload, (error, res) => {
        if (error) {
          const disconnected = /disconnected/.test(error.message);
          resolve({
            ok: false,
            error: disconnected
              ? { code: 'disconnected', message: 'The connection dropped' }
              : { code: 'timeout', message: 'The server did not answer in time' },
          });
          return;
        }
        if (typeof res !== 'object' || res === null || !('ok' in res)) {
          resolve({ ok: false, error: { code: 'bad_response', message: 'Unreadable answer' } });
          return;
        }
        resolve(res as AckResult<ClientResult<E>>);
      });
    });
  }

  // ---- rooms -------------------------------------------------------------------------------

  /**
   * Keeps this client in a room while the returned function has not been called. `afterId` is
   * the newest message id the caller already has; the join (and every rejoin after a drop)
   * asks only for what came after it.
   */
  joinRoom(room: RoomRef, afterId = 0): () => void {
    const key = roomKey(room);
    let state = this.rooms.get(key);
    if (state) {
      state.refs += 1;
      if (afterId > state.lastSeenId && !state.catchingUp) state.lastSeenId = afterId;
    } else {
      state = {
        room,
        refs: 1,
        lastSeenId: afterId,
        maxDelivered: afterId,
        catchingUp: false,
        joined: false,
        recentIds: new Set(),
      };
      this.rooms.set(key, state);
      if (this.socket?.connected) void this.join(state, this.generation);
    }
    const current = state;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      current.refs -= 1;
      if (current.refs > 0) return;
      this.rooms.delete(key);
      // Not joined yet: join() leaves when its ack comes back and finds the room released.
      if (current.joined) this.leave(room);
    };
  }

  private leave(room: RoomRef) {
    if (!this.socket?.connected) return;
    if (room.kind === 'event') void this.emitWithAck('leave_event_room', { eventId: room.id });
    else void this.emitWithAck('leave_private_room', { matchId: room.id });
  }

  /** The id the next rejoin of a room would ask from (for tests and diagnostics). */
  lastSeenId(room: RoomRef): number | undefined {
    return this.rooms.get(roomKey(room))?.lastSeenId;
  }

  private async join(state: RoomState, generation: number) {
    const { room } = state;
    state.catchingUp = true;
    // Two messages sent at the same moment can commit in the opposite order of their ids, so
    // a live message may arrive before a lower id that is still being stored. Rejoining a few
    // ids back picks such a straggler up; the cache keeps each id once.
    const afterId = Math.max(0, state.lastSeenId - REJOIN_OVERLAP);
    try {
      const ack =
        room.kind === 'event'
          ? await this.emitWithAck('join_event_room', { eventId: room.id, afterId })
          : await this.emitWithAck('join_private_room', { matchId: room.id, afterId });
      if (generation !== this.generation) return;
      if (this.rooms.get(roomKey(room)) !== state) {
        // Released while the join was on its way: leave again, unless the room is wanted
        // anew (that newer subscription sent its own join).
        if (ack.ok && !this.rooms.has(roomKey(room))) this.leave(room);
        return;
      }
      if (!ack.ok) {
        this.emit('roomError', { room, error: ack.error });
        return;
      }
      state.joined = true;
      if (room.kind === 'event') {
        const result = ack as ClientResult<'join_event_room'>;
        this.emit('joined', { kind: 'event', id: room.id, result });
        this.emit('activeUsers', { eventId: room.id, users: result.activeUsers });
      } else {
        const result = ack as ClientResult<'join_private_room'>;
        this.emit('joined', { kind: 'match', id: room.id, result });
      }
      this.deliverCatchUp(state, ack.messages);
      if (ack.hasMore) await this.catchUpFromHistory(state, generation);
    } finally {
      if (this.rooms.get(roomKey(room)) === state && generation === this.generation) {
        state.catchingUp = false;
        state.lastSeenId = Math.max(state.lastSeenId, state.maxDelivered);
      }
    }
  }

  /** Pages through REST history after the ack, until nothing is missing. */
  private async catchUpFromHistory(state: RoomState, generation: number) {
    const pageSize = this.options.catchUpPageSize ?? 100;
    for (let failures = 0; ;) {
      if (generation !== this.generation || this.rooms.get(roomKey(state.room)) !== state) return;
      const query = { after: state.lastSeenId, limit: pageSize };
      try {
        const page =
          state.room.kind === 'event'
            ? await this.options.api(api.chat.eventHistory, {
                params: { id: state.room.id },
                query,
              })
            : await this.options.api(api.chat.matchHistory, {
                params: { id: state.room.id },
                query,
              });
        this.deliverCatchUp(state, page.items);
        if (!page.hasMore || page.items.length === 0) return;
      } catch (error) {
        failures += 1;
        if (isApiError(error) && !RETRYABLE.has(error.code)) {
          this.emit('roomError', {
            room: state.room,
            error: { code: error.code, message: error.message },
          });
          return;
        }
        // The next reconnect resumes from lastSeenId; meanwhile try a few more times.
        if (failures >= 3) return;
        await new Promise((resolve) => setTimeout(resolve, 500 * failures));
      }
    }
  }

  private deliverCatchUp(state: RoomState, messages: ChatMessage[]) {
    if (messages.length === 0) return;
    // Catch-up pages are contiguous: everything up to their last id is now known.
    state.lastSeenId = Math.max(state.lastSeenId, maxId(messages));
    state.maxDelivered = Math.max(state.maxDelivered, state.lastSeenId);
    this.deliver(state.room, messages);
  }

  private deliverLive(room: RoomRef, message: ChatMessage) {
    const state = this.rooms.get(roomKey(room));
    if (state) {
      state.maxDelivered = Math.max(state.maxDelivered, message.id);
      if (!state.catchingUp) state.lastSeenId = Math.max(state.lastSeenId, message.id);
    }
    this.deliver(room, [message]);
  }

  private deliver(room: RoomRef, messages: ChatMessage[]) {
    const state = this.rooms.get(roomKey(room));
    const fresh = state ? messages.filter((m) => !state.recentIds.has(m.id)) : messages;
    if (state) {
      for (const message of fresh) state.recentIds.add(message.id);
      // Keep what a rejoin could send again, and drop the rest.
      const floor = state.lastSeenId - 4 * REJOIN_OVERLAP;
      if (state.recentIds.size > 8 * REJOIN_OVERLAP) {
        for (const id of state.recentIds) if (id < floor) state.recentIds.delete(id);
      }
    }
    for (const message of messages) {
      if (message.clientId) this.outbox.remove(message.clientId);
    }
    if (fresh.length > 0) this.emit('messages', { room, messages: fresh });
  }

  // ---- outbox ------------------------------------------------------------------------------

  /** Messages not yet acknowledged, oldest first. The array changes identity on every change. */
  getOutbox(): readonly OutboxEntry[] {
    return this.outbox.entries;
  }

  /**
   * Queues a message and sends it as soon as the connection allows, once: retries carry the
   * same clientId, which the server stores only once. Returns that clientId.
   */
  send(room: RoomRef, content: string, type: MessageType = 'text'): string {
    const clientId = crypto.randomUUID();
    this.outbox.add({
      clientId,
      room,
      content,
      type,
      status: 'queued',
      createdAt: new Date().toISOString(),
    });
    void this.flush();
    return clientId;
  }

  /** Puts a failed message back in the queue. */
  retry(clientId: string) {
    this.outbox.update(clientId, { status: 'queued', error: undefined });
    void this.flush();
  }

  /** Drops a message from the queue (the user gave up on it). */
  discard(clientId: string) {
    this.outbox.remove(clientId);
  }

  private async flush() {
    if (this.flushing || !this.ready) return;
    this.flushing = true;
    const generation = this.generation;
    try {
      for (;;) {
        if (!this.socket?.connected || generation !== this.generation) return;
        const entry = this.outbox.entries.find((e) => e.status === 'queued');
        if (!entry) return;
        this.outbox.update(entry.clientId, { status: 'sending' });
        const ack =
          entry.room.kind === 'event'
            ? await this.emitWithAck('send_event_message', {
                eventId: entry.room.id,
                content: entry.content,
                clientId: entry.clientId,
              })
            : await this.emitWithAck('send_private_message', {
                matchId: entry.room.id,
                content: entry.content,
                type: entry.type,
                clientId: entry.clientId,
              });
        if (ack.ok) {
          this.deliverLive(entry.room, ack.message);
          continue;
        }
        // A catch-up may already have delivered it and removed the entry.
        if (!this.outbox.has(entry.clientId)) continue;
        if (RETRYABLE.has(ack.error.code)) {
          this.outbox.update(entry.clientId, { status: 'queued' });
          if (ack.error.code === 'disconnected') return;
          await new Promise((resolve) => setTimeout(resolve, this.backoff.next()));
          continue;
        }
        this.outbox.update(entry.clientId, { status: 'failed', error: ack.error as SocketError });
      }
    } finally {
      this.flushing = false;
    }
  }

  // ---- connection --------------------------------------------------------------------------

  private attach(socket: TypedSocket) {
    socket.on('connect', () => void this.handleConnect(socket));
    socket.on('disconnect', (reason) => this.handleDisconnect(socket, reason));
    socket.on('connect_error', (error) => this.handleConnectError(socket, error));

    socket.on('event_message', (message) =>
      this.deliverLive({ kind: 'event', id: message.eventId }, message),
    );
    socket.on('private_message', (message) =>
      this.deliverLive({ kind: 'match', id: message.matchId }, message),
    );
    socket.on('active_users', (payload) => this.emit('activeUsers', payload));
    socket.on('match_request_received', (payload) => this.emit('matchRequestReceived', payload));
    socket.on('match_accepted', (payload) => this.emit('matchAccepted', payload));
    socket.on('match_updated', (payload) => this.emit('matchUpdated', payload));
    socket.on('session_ended', ({ reason }) => this.handleSessionEnded(reason));
    socket.on('server_shutdown', ({ reconnectInMs }) => {
      this.shutdownReconnectMs = reconnectInMs;
    });

    for (const [name, handlers] of this.serverHandlers) {
      for (const handler of handlers) (socket as Socket).on(name, handler);
    }
  }

  private async handleConnect(socket: TypedSocket) {
    if (socket !== this.socket) return;
    this.generation += 1;
    const generation = this.generation;
    this.everConnected = true;
    this.shutdownReconnectMs = undefined;
    this.backoff.reset();
    this.ready = false;
    this.setStatus('online');
    for (const state of this.rooms.values()) state.joined = false;
    await Promise.allSettled([...this.rooms.values()].map((state) => this.join(state, generation)));
    if (generation !== this.generation) return;
    this.ready = true;
    await this.flush();
  }

  private handleDisconnect(socket: TypedSocket, reason: Socket.DisconnectReason) {
    if (socket !== this.socket) return;
    this.ready = false;
    for (const state of this.rooms.values()) state.joined = false;
    this.setStatus(this.offlineStatus());
    if (reason === 'io client disconnect') return;
    if (this.shutdownReconnectMs !== undefined) {
      // The node is going away: reconnect (to another one) now rather than after a backoff,
      // at a random moment within the window the server gave, so that not all clients at once.
      const delay = Math.random() * this.shutdownReconnectMs;
      this.shutdownReconnectMs = undefined;
      this.scheduleReconnect(delay);
      return;
    }
    // A server-side close without a shutdown notice; socket.io does not retry it by itself.
    // (An ended session arrives as session_ended first, which has stopped this client.)
    if (reason === 'io server disconnect') this.scheduleReconnect(this.backoff.next());
  }

  private handleConnectError(socket: TypedSocket, error: Error & { data?: unknown }) {
    if (socket !== this.socket) return;
    this.setStatus(this.offlineStatus());
    if (socket.active) return; // socket.io retries by itself, with its backoff
    // The server refused the handshake: a dead session ends here; anything else is retried.
    const data = error.data as { code?: string } | undefined;
    const code = data?.code ?? error.message;
    if (AUTH_FAILURES.has(code)) {
      this.handleSessionEnded('expired');
      return;
    }
    this.scheduleReconnect(this.backoff.next());
  }

  private handleSessionEnded(reason: SocketClientEvents['sessionEnded']['reason']) {
    // Keep the outbox: it is sent when this user signs in again.
    this.stop();
    this.emit('sessionEnded', { reason });
  }

  private handleNetwork(online: boolean) {
    const socket = this.socket;
    if (!socket) return;
    if (!online) {
      this.setStatus('offline');
      // No retries while the device has no network (they would fail, and cost battery);
      // and the old transport is dead: close it now rather than after a ping timeout, so
      // that new sends queue at once.
      clearTimeout(this.retryTimer);
      socket.io.reconnection(false);
      if (socket.connected) socket.io.engine?.close();
      else socket.disconnect();
      return;
    }
    socket.io.reconnection(true);
    if (!socket.connected) {
      this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
      this.reconnectNow();
    }
  }

  private scheduleReconnect(delayMs: number) {
    clearTimeout(this.retryTimer);
    if (this.network?.isOnline() === false) return; // the 'online' event reconnects
    this.retryTimer = setTimeout(() => this.reconnectNow(), delayMs);
  }

  /** Skips whatever backoff wait is running and connects now. */
  private reconnectNow() {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    if (!socket || socket.connected) return;
    // disconnect() cancels the manager's pending backoff timer; connect() opens afresh.
    socket.disconnect();
    socket.connect();
  }

  private offlineStatus(): ConnectionStatus {
    if (this.network?.isOnline() === false) return 'offline';
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  private setStatus(status: ConnectionStatus) {
    if (status === this.statusValue) return;
    this.statusValue = status;
    this.emit('status', status);
  }

  private emit<K extends keyof SocketClientEvents>(name: K, payload: SocketClientEvents[K]) {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      (listener as (payload: SocketClientEvents[K]) => void)(payload);
    }
  }
}
