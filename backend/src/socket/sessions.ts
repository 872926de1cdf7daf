/**
 * A socket lives no longer than its session: it is closed, after a `session_ended`, when the
 * session is revoked (logout, log out everywhere) on any node, or when it expires.
 */
import type { ServerPayload } from '@spotlight/contracts';
import { rooms, type IoServer, type IoSocket, type RealtimeDeps } from './types';

type Reason = ServerPayload<'session_ended'>['reason'];

// setTimeout takes at most 2^31-1 ms (~24.8 days); longer sessions re-arm the timer.
const MAX_TIMEOUT = 2_147_483_647;

/** Tells a socket why, then closes its connection (the client does not reconnect by itself). */
export function endSession(
  socket: {
    emit(event: 'session_ended', payload: { reason: Reason }): unknown;
    disconnect(close: boolean): unknown;
  },
  reason: Reason,
) {
  socket.emit('session_ended', { reason });
  socket.disconnect(true);
}

async function endLocalSessions(io: IoServer, sessionIds: string[], reason: Reason) {
  if (sessionIds.length === 0) return;
  const sockets = await io.local.in(sessionIds.map(rooms.session)).fetchSockets();
  for (const socket of sockets) endSession(socket, reason);
}

export function watchSessions({ io, ctx, services }: RealtimeDeps) {
  const expiries = new Map<string, NodeJS.Timeout>();

  // This node closes its own sockets and tells the others to close theirs. One message on the
  // adapter's request channel keeps `session_ended` ahead of the disconnect on every node.
  const offRevoked = ctx.bus.on('sessions.revoked', async ({ sessionIds, reason }) => {
    if (ctx.redis) io.serverSideEmit('sessions_ended', { sessionIds, reason });
    await endLocalSessions(io, sessionIds, reason);
  });
  io.on('sessions_ended', ({ sessionIds, reason }) => {
    endLocalSessions(io, sessionIds, reason).catch((error: unknown) =>
      ctx.logger.error({ err: error }, 'closing revoked sockets failed'),
    );
  });

  const arm = (socket: IoSocket) => {
    const left = socket.data.user.expiresAt.getTime() - Date.now();
    const timer = setTimeout(
      () => (left > MAX_TIMEOUT ? arm(socket) : endSession(socket, 'expired')),
      Math.max(0, Math.min(left, MAX_TIMEOUT)),
    );
    timer.unref();
    expiries.set(socket.id, timer);
  };

  return {
    /**
     * Starts watching a newly connected socket. The handshake read the session before the
     * socket joined the session's room: a revocation in between closed the room without it.
     * So the session is read again after the join. A revocation that commits later finds the
     * socket in the room (on any node, since the other nodes close their rooms after the
     * commit); one that committed earlier is seen by this read, and the socket is closed.
     * Client events wait for the answer (socket.data.live).
     */
    track(socket: IoSocket) {
      const { user } = socket.data;
      socket.join([rooms.user(user.id), rooms.session(user.sessionId)]);
      arm(socket);
      socket.on('disconnect', () => {
        clearTimeout(expiries.get(socket.id));
        expiries.delete(socket.id);
      });
      socket.data.live = services.auth.isLive(user.sessionId).then(
        (live) => {
          if (!live) endSession(socket, 'revoked');
          return live;
        },
        (error: unknown) => {
          // Unknown is not live: the client reconnects, and its handshake reads again.
          ctx.logger.warn({ err: error }, 'session check after connect failed');
          socket.disconnect(true);
          return false;
        },
      );
    },
    close() {
      offRevoked();
      for (const timer of expiries.values()) clearTimeout(timer);
      expiries.clear();
    },
  };
}
