import type { ClientToServerEvents, ServerToClientEvents, UserSummary } from '@spotlight/contracts';
import type { RemoteSocket, Server, Socket } from 'socket.io';
import type { AppContext, AuthUser } from '../http/context';
import type { Services } from '../services';
import type { Presence, PresenceMessage } from './presence';
import type { RetryFanout } from './chat';

/** What the handshake attaches to every socket. */
export interface SocketData {
  user: AuthUser;
  profile: UserSummary;
  /**
   * Whether the session was still live when read again after the socket joined its session
   * room (see watchSessions). Every client event waits for it.
   */
  live: Promise<boolean>;
}

/** Messages between backend processes, through the Redis adapter (serverSideEmit). */
export interface InterServerEvents {
  presence: (message: PresenceMessage) => void;
  sessions_ended: (message: {
    sessionIds: string[];
    reason: 'logout' | 'revoked' | 'suspended';
  }) => void;
}

export type IoServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type IoSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type IoRemoteSocket = RemoteSocket<ServerToClientEvents, SocketData>;

/** Room names: one place, so that no handler spells them by hand. */
export const rooms = {
  event: (eventId: number) => `event:${eventId}`,
  match: (matchId: number) => `match:${matchId}`,
  /** Every socket of one user, on every device and node. */
  user: (userId: number) => `user:${userId}`,
  /** Every socket opened with one session (login). */
  session: (sessionId: string) => `session:${sessionId}`,
};

/** The event id of an `event:<id>` room, or undefined for any other room. */
export const eventIdOfRoom = (room: string): number | undefined => {
  const match = /^event:(\d+)$/.exec(room);
  return match ? Number(match[1]) : undefined;
};

/** What the socket modules share: the server, the services, and this process's presence. */
export interface RealtimeDeps {
  io: IoServer;
  ctx: AppContext;
  services: Services;
  presence: Presence;
  /** Retried chat sends this node already re-broadcast (chat.ts). */
  chatRetries: RetryFanout;
}
