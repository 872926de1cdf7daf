/**
 * Socket.IO helpers for tests: a real socket.io-client, typed from the contracts, plus a few
 * ways to wait for what a user would see. Waiting has a generous ceiling so that a missing
 * event fails the test instead of hanging it; no assertion depends on how long anything took.
 */
import {
  SOCKET_PATH,
  type Ack,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from './harness';
import { eventWithDancers, moveMatch, requestMatch } from './helpers';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const WAIT_MS = 15_000;

export interface ConnectOptions {
  /** Sent as `auth.token`. */
  token?: string;
  /** Sent as the Cookie header. */
  cookie?: string;
  /** Sent as the Origin header, as a browser would. */
  origin?: string;
  /** Any other headers of the handshake request. */
  headers?: Record<string, string>;
  /** Reconnect by itself after a drop (off by default, so that tests decide). */
  reconnection?: boolean;
}

/** A socket that starts connecting at once (websocket only, as phones use it). */
export function openSocket(url: string, options: ConnectOptions = {}): ClientSocket {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  return io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: headers,
  });
}

/** The error body a refused handshake carries. */
export interface ConnectRefusal {
  message: string;
  data?: { code: string; message: string };
}

/** Connects; resolves once connected, rejects with the server's refusal. */
export function connectSocket(url: string, options: ConnectOptions = {}): Promise<ClientSocket> {
  const socket = openSocket(url, options);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect: no answer')), WAIT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: ConnectRefusal['data'] }) => {
      clearTimeout(timer);
      socket.close();
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
  });
}

/** Tries to connect and returns the refusal; fails when the server lets the socket in. */
export async function refusal(url: string, options: ConnectOptions = {}): Promise<ConnectRefusal> {
  try {
    const socket = await connectSocket(url, options);
    socket.close();
  } catch (error) {
    return error as ConnectRefusal;
  }
  throw new Error('the handshake was accepted');
}

/** Emits a client event and resolves with its acknowledgement. */
export function emitAck<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<Ack<ClientResult<E>>> {
  return rawEmit(socket, event, payload) as Promise<Ack<ClientResult<E>>>;
}

/** Emits anything at all (for payloads the contract would not let through). */
export function rawEmit(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return (socket as unknown as Socket).timeout(WAIT_MS).emitWithAck(event, ...args);
}

/** The success fields of an acknowledgement; throws with the error when it failed. */
export async function ok<T>(pending: Promise<Ack<T>>): Promise<T> {
  const ack = await pending;
  if (!ack.ok) throw new Error(`ack failed: ${ack.error.code}: ${ack.error.message}`);
  return ack;
}

/** The error code of a failed acknowledgement; throws when it succeeded. */
export async function errorCode(pending: Promise<unknown>): Promise<string> {
  const ack = (await pending) as Ack<unknown>;
  if (ack.ok) throw new Error('expected the acknowledgement to fail');
  return ack.error.code;
}

/** The next `event` that matches `accept`. */
export function nextEvent<E extends ServerEventName>(
  socket: ClientSocket,
  event: E,
  accept: (payload: ServerPayload<E>) => boolean = () => true,
): Promise<ServerPayload<E>> {
  const untyped = socket as unknown as Socket;
  const name: string = event;
  return new Promise((resolve, reject) => {
    const listener = (payload: ServerPayload<E>) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      untyped.off(name, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      untyped.off(name, listener);
      reject(new Error(`no ${event} arrived`));
    }, WAIT_MS);
    untyped.on(name, listener);
  });
}

/** Every `event` the socket receives from now on, in order. */
export function collect<E extends ServerEventName>(
  socket: ClientSocket,
  event: E,
): ServerPayload<E>[] {
  const received: ServerPayload<E>[] = [];
  const name: string = event;
  (socket as unknown as Socket).on(name, (payload: ServerPayload<E>) => received.push(payload));
  return received;
}

/** Resolves when the socket is closed by the server, with Socket.IO's reason. */
export function disconnection(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve('already disconnected');
    const timer = setTimeout(() => reject(new Error('still connected')), WAIT_MS);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Dancers registered and checked in to one new event. */
export async function dancersAt(
  t: TestServer,
  count: number,
): Promise<{ eventId: number; users: TestUser[] }> {
  const { event, users } = await eventWithDancers(t, count);
  return { eventId: event.id, users };
}

/** Closes every socket given, ignoring ones already closed. */
export function closeAll(sockets: Iterable<ClientSocket>) {
  for (const socket of sockets) socket.close();
}

/**
 * A test file's server, started before its tests and closed after them with every socket
 * `connect` opened. `onStart` receives the server (the file keeps it as `t`).
 */
export function useSocketServer(
  env: Record<string, string>,
  onStart: (server: TestServer) => void,
): (token: string) => Promise<ClientSocket> {
  let server: TestServer | undefined;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer(env);
    onStart(server);
  });
  afterAll(async () => {
    closeAll(sockets);
    await server?.close();
  });
  return async (token) => {
    if (!server) throw new Error('the server has not started');
    const socket = await connectSocket(server.url, { token });
    sockets.push(socket);
    return socket;
  };
}

/** A match asked for by `requester` (REST), accepted by `target` unless told to stay pending. */
export async function matchBetween(
  t: TestServer,
  requester: TestUser,
  target: TestUser,
  eventId: number,
  accept = true,
): Promise<number> {
  const match = await requestMatch(t, requester, target, eventId);
  if (accept) await moveMatch(t, target, match.id, 'accepted');
  return match.id;
}
