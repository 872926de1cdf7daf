import { EventEmitter } from 'node:events';
import type { Announcement, MatchStatus, Notification, Recording } from '@spotlight/contracts';

/**
 * Domain events that services emit. The socket layer decides which rooms hear them; services
 * and routes never touch Socket.IO.
 */
export interface DomainEvents {
  /** Sessions that ended (logout, log out everywhere); their sockets must close now. */
  'sessions.revoked': {
    userId: number;
    sessionIds: string[];
    reason: 'logout' | 'revoked' | 'suspended';
  };
  'match.created': { matchId: number; requesterId: number; targetId: number };
  'match.updated': {
    matchId: number;
    status: MatchStatus;
    byUserId: number;
    requesterId: number;
    targetId: number;
  };
  'event.left': { eventId: number; userId: number };
  /** A join or a leave moved an event's participants count. */
  'event.participants_count': { eventId: number; participantsCount: number };
  /** A dancer scanned the code at the door; `joined` when that also made them a participant. */
  'event.checked_in': { eventId: number; userId: number; joined: boolean };
  /** An organiser posted an announcement, or withdrew one. */
  'announcement.changed': { eventId: number; announcement: Announcement; removed: boolean };
  /** A new private message was stored (not a retry). */
  'chat.private_message': { matchId: number; senderId: number; recipientId: number };
  /** A notification was stored for a user; their sockets hear it. */
  'notification.created': { userId: number; notification: Notification; unread: number };
  /** A recording suggestion was made, answered or withdrawn; one per person, seen from their side. */
  'recording.changed': {
    userId: number;
    recording: Recording;
    removed: boolean;
    /** A new suggestion from a matching run (not an answer to one, nor a moved heat). */
    created: boolean;
  };
  /** A dancer's heat starts soon (the reminder job, once per heat and time). */
  'heat.starting': {
    userId: number;
    eventId: number;
    heatId: number;
    heatLabel: string;
    minutes: number;
    /** Who films them, when someone does. */
    filmedBy?: string;
  };
}

export interface DomainBus {
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void;
  on<K extends keyof DomainEvents>(
    name: K,
    listener: (payload: DomainEvents[K]) => void | Promise<void>,
  ): () => void;
}

export function createBus(onListenerError: (error: unknown) => void): DomainBus {
  const emitter = new EventEmitter();
  return {
    emit(name, payload) {
      emitter.emit(name, payload);
    },
    on(name, listener) {
      // A failing listener must not break the request that emitted the event.
      const safe = (payload: DomainEvents[typeof name]) => {
        try {
          const result = listener(payload);
          if (result instanceof Promise) result.catch(onListenerError);
        } catch (error) {
          onListenerError(error);
        }
      };
      emitter.on(name, safe);
      return () => emitter.off(name, safe);
    },
  };
}
