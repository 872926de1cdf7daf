/**
 * At most SOCKETS_PER_USER_MAX sockets per user. The handshake that would go beyond refuses with
 * `too_many_sockets` (a Socket.IO client does not retry a refused handshake by itself), and the
 * sockets already open stay: refusing the oldest instead would make two over-full devices close
 * each other's sockets in turn.
 *
 * This node counts its own sockets exactly, including handshakes admitted but not yet connected,
 * so that a burst of parallel handshakes cannot pass the check together. With Redis, the other
 * nodes' sockets are counted through the adapter (the user's personal room); a handshake racing
 * one on another node may not see it yet, so during such a race a user can hold up to the limit
 * on each node, never more.
 */
import { AppError } from '../errors';
import type { AppContext } from '../http/context';
import { connectError } from './handshake';
import { toAckError } from './handler';
import { rooms, type IoServer, type IoSocket } from './types';

export function socketQuota(io: IoServer, ctx: AppContext) {
  const { config, logger, redis } = ctx;
  const max = config.SOCKETS_PER_USER_MAX;
  /** Sockets of each user on this node: admitted by this check and not yet closed. */
  const held = new Map<number, number>();

  const release = (userId: number) => {
    const left = (held.get(userId) ?? 1) - 1;
    if (left > 0) held.set(userId, left);
    else held.delete(userId);
  };

  /** Sockets of the user on the other nodes; 0 when they cannot be asked (this node's cap holds). */
  const elsewhere = async (userId: number) => {
    if (!redis) return 0;
    const room = rooms.user(userId);
    try {
      const all = await io.in(room).fetchSockets();
      return all.length - (io.of('/').adapter.rooms.get(room)?.size ?? 0);
    } catch (error) {
      logger.warn({ err: error }, 'counting sockets on other nodes failed');
      return 0;
    }
  };

  return (socket: IoSocket, next: (error?: Error) => void) => {
    const userId = socket.data.user.id;
    elsewhere(userId).then((remote) => {
      // From here on synchronous: the check and the reservation cannot interleave.
      if (socket.conn.readyState !== 'open') return next(new Error('connection closed'));
      if (remote + (held.get(userId) ?? 0) >= max) {
        const refusal = new AppError(
          'too_many_sockets',
          `At most ${max} connections per account; close a tab or device`,
        );
        return next(connectError(toAckError(refusal, logger, 'handshake')));
      }
      held.set(userId, (held.get(userId) ?? 0) + 1);
      let open = true;
      const close = () => {
        if (open) release(userId);
        open = false;
      };
      // A socket that never connects (its client left mid-handshake) has no disconnect.
      socket.on('disconnect', close);
      socket.conn.once('close', close);
      next();
    });
  };
}
