import {
  SOCKET_PATH,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { Backoff } from './backoff';
import type { Emitter } from './emitter';
import { browserNetwork } from './network';
import type {
  AckChannel,
  AckResult,
  ConnectionStatus,
  NetworkMonitor,
  SessionEndReason,
  SocketClientEvents,
} from './types';

type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** socket.io's typed `timeout().emit` does not take a generic event name; this shape does. */
type LooseEmitter = {
  emit(name: string, payload: unknown, ack: (error: Error | null, response: unknown) => void): void;
};

const AUTH_FAILURES = new Set(['unauthorized', 'session_expired']);

export interface ConnectionOptions {
  /** Server origin; undefined connects to the page's own origin. */
  url?: string;
  /** Handshake `auth` (e.g. `{ token }` outside a browser, where there is no cookie). */
  auth?: Record<string, unknown>;
  /** Handshake headers (Node only; browsers send the cookie instead). */
  extraHeaders?: Record<string, string>;
  network?: NetworkMonitor;
  ackTimeoutMs?: number;
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  /** Extra socket.io-client options (tests pick the transport). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** What the connection tells its owner, besides the `status` event. */
export interface ConnectionHandlers {
  connected(generation: number): void;
  disconnected(): void;
  /** The server ended the session (or refused it at the handshake): the owner stops. */
  sessionEnded(reason: SessionEndReason): void;
}

/**
 * The Socket.IO connection itself: the handshake, reconnects with backoff (none while the
 * device is offline, at once on `online` and within the window of a `server_shutdown`),
 * the connection status, and acknowledged emits.
 */
export class SocketConnection implements AckChannel {
  /** Shared with the outbox, whose resends back off on the same schedule. */
  readonly backoff: Backoff;
  private socket: TypedSocket | undefined;
  private readonly network: NetworkMonitor | undefined;
  private readonly serverHandlers = new Map<string, Set<(payload: unknown) => void>>();
  private statusValue: ConnectionStatus = 'idle';
  private everConnected = false;
  private generationValue = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private shutdownReconnectMs: number | undefined;
  private unsubscribeNetwork: (() => void) | undefined;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly events: Emitter<SocketClientEvents>,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.network = options.network ?? browserNetwork();
    this.backoff = new Backoff(
      options.reconnectDelayMs ?? 500,
      options.reconnectDelayMaxMs ?? 10_000,
    );
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  get generation(): number {
    return this.generationValue;
  }

  /** Whether a socket exists (started and not stopped). */
  get started(): boolean {
    return this.socket !== undefined;
  }

  start() {
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

  stop() {
    clearTimeout(this.retryTimer);
    this.unsubscribeNetwork?.();
    this.unsubscribeNetwork = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.setStatus('idle');
  }

  /** A raw server event, on this and later sockets. */
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

  private attach(socket: TypedSocket) {
    socket.on('connect', () => this.handleConnect(socket));
    socket.on('disconnect', (reason) => this.handleDisconnect(socket, reason));
    socket.on('connect_error', (error) => this.handleConnectError(socket, error));
    socket.on('session_ended', ({ reason }) => this.handlers.sessionEnded(reason));
    socket.on('server_shutdown', ({ reconnectInMs }) => {
      this.shutdownReconnectMs = reconnectInMs;
    });
    for (const [name, handlers] of this.serverHandlers) {
      for (const handler of handlers) (socket as Socket).on(name, handler);
    }
  }

  private handleConnect(socket: TypedSocket) {
    if (socket !== this.socket) return;
    this.generationValue += 1;
    this.everConnected = true;
    this.shutdownReconnectMs = undefined;
    this.backoff.reset();
    this.setStatus('online');
    this.handlers.connected(this.generationValue);
  }

  private handleDisconnect(socket: TypedSocket, reason: Socket.DisconnectReason) {
    if (socket !== this.socket) return;
    this.handlers.disconnected();
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
      this.handlers.sessionEnded('expired');
      return;
    }
    this.scheduleReconnect(this.backoff.next());
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
    this.events.emit('status', status);
  }
}
