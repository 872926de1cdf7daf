/**
 * Socket.IO on the backend's HTTP server, typed end to end from `contracts/`. With REDIS_URL,
 * the Redis adapter carries rooms, personal rooms, presence and signaling across processes.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { SOCKET_PATH } from '@spotlight/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { catchPublishErrors, failFastOnceReady } from '../redis';
import { Server } from 'socket.io';
import type { AppContext } from '../http/context';
import type { Services } from '../services';
import { createRetryFanout, registerChat, watchEventMembership } from './chat';
import { handshake, type TrustProxy } from './handshake';
import { registerMatchmaking, watchMatches } from './matchmaking';
import { watchNotifications } from './notifications';
import { Presence } from './presence';
import { socketQuota } from './quota';
import { watchSessions } from './sessions';
import { eventIdOfRoom, rooms, type IoServer, type RealtimeDeps } from './types';
import { registerWebrtc } from './webrtc';

/**
 * A larger packet closes the connection. The largest payload is an SDP (32 KiB) in its
 * envelope; private messages are at most 4,096 characters (12 KiB of UTF-8).
 */
export const MAX_SOCKET_PAYLOAD = 64 * 1024;

/** Clients told `server_shutdown` reconnect at a random moment within this, to spread the load. */
const RECONNECT_SPREAD_MS = 1_000;

export interface Realtime {
  io: IoServer;
  /** Tells every client to reconnect elsewhere, closes the sockets, then the HTTP server. */
  close(): Promise<void>;
}

export async function attachRealtime(
  httpServer: http.Server,
  ctx: AppContext,
  services: Services,
  trust: TrustProxy,
): Promise<Realtime> {
  const { config, logger, metrics, redis } = ctx;
  const io: IoServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD,
    // A connection that has not passed the handshake within this is closed.
    connectTimeout: 10_000,
    cors: { origin: [...config.CORS_ORIGIN], credentials: true },
  });

  const pubsub: Redis[] = [];
  if (redis) {
    // The main connection may already fail fast (failFastOnceReady); these wait for their
    // first connection, as it did.
    const pub = redis.duplicate({ enableOfflineQueue: true });
    const sub = redis.duplicate({ enableOfflineQueue: true });
    pubsub.push(pub, sub);
    for (const client of pubsub) {
      let warned = false;
      client.on('error', (error) => {
        if (!warned) logger.warn({ err: error }, 'redis error (socket.io adapter)');
        warned = true;
      });
      client.on('ready', () => (warned = false));
      failFastOnceReady(client);
    }
    catchPublishErrors(pub, logger);
    const key = `${config.REDIS_KEY_PREFIX}:socket.io`;
    io.adapter(createAdapter(pub, sub, { key }));
    // Commands on one connection run in order: once this resolves, the adapter's own
    // subscriptions are active, and what other nodes answer to our first sync is not lost.
    await sub.subscribe(`${key}-ready`);
  }

  const pushes = new Map<number, NodeJS.Timeout>();
  /**
   * `active_users` goes to this node's sockets in the room, once per burst of changes; larger
   * rooms wait longer, so that 1,500 arrivals cost a few full lists rather than 1,500.
   */
  const scheduleActiveUsers = (eventId: number) => {
    if (pushes.has(eventId)) return;
    const delay = Math.min(2_000, 50 + presence.size(eventId));
    const timer = setTimeout(() => {
      pushes.delete(eventId);
      io.local
        .to(rooms.event(eventId))
        .emit('active_users', { eventId, users: presence.list(eventId) });
    }, delay);
    pushes.set(eventId, timer);
  };

  const presence = new Presence({
    nodeId: `${config.NODE_ID}-${randomUUID().slice(0, 8)}`,
    graceMs: config.PRESENCE_GRACE_SECONDS * 1000,
    publish: redis ? (message) => io.serverSideEmit('presence', message) : undefined,
    onChange: scheduleActiveUsers,
  });
  io.on('presence', (message) => presence.receive(message));
  presence.start();
  // The REST list of an event's dancers shows who is here now from the same merged view.
  services.events.usePresence((eventId, userId) => presence.has(eventId, userId));

  // Presence follows room membership itself, whatever moved it: a join, a leave, a
  // disconnect, or a socketsLeave() sent by another node.
  const nsp = io.of('/');
  const inEventRoom = (room: string, id: string) => {
    const eventId = eventIdOfRoom(room);
    const socket = eventId === undefined ? undefined : nsp.sockets.get(id);
    return eventId !== undefined && socket ? { eventId, socket } : undefined;
  };
  nsp.adapter.on('join-room', (room: string, id: string) => {
    const found = inEventRoom(room, id);
    if (found) presence.join(found.eventId, id, found.socket.data.profile);
  });
  nsp.adapter.on('leave-room', (room: string, id: string) => {
    const found = inEventRoom(room, id);
    if (found) presence.leave(found.eventId, id, found.socket.data.user.id);
  });

  const deps: RealtimeDeps = { io, ctx, services, presence, chatRetries: createRetryFanout() };
  const sessions = watchSessions(deps);
  const unwatch = [watchMatches(deps), watchEventMembership(deps), watchNotifications(deps)];

  io.use(handshake(ctx, services, trust));
  io.use(socketQuota(io, ctx));
  io.on('connection', (socket) => {
    metrics.openSockets.inc();
    socket.on('disconnect', () => metrics.openSockets.dec());
    sessions.track(socket);
    registerChat(socket, deps);
    registerMatchmaking(socket, deps);
    registerWebrtc(socket, deps);
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      io.local.emit('server_shutdown', { reconnectInMs: RECONNECT_SPREAD_MS });
      presence.close();
      services.events.usePresence(() => false);
      sessions.close();
      for (const off of unwatch) off();
      for (const timer of pushes.values()) clearTimeout(timer);
      // Closes each connection without a disconnect packet, so that clients reconnect.
      await io.close();
      await Promise.all(pubsub.map((client) => client.quit().catch(() => client.disconnect())));
    })());

  return { io, close };
}
