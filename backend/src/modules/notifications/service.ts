/**
 * The notification centre and the decision to push. A notification is stored (so that it
 * follows the user across devices), sent to the user's open sockets, and pushed to their
 * devices unless one of their clients is focused on that very screen, the type is turned off,
 * or the event is paused.
 */
import {
  DEFAULT_NOTIFICATION_TYPES,
  type MarkReadBody,
  type Notification,
  type NotificationCheck,
  type NotificationPreferences,
  type NotificationType,
  type PushPayload,
} from '@spotlight/contracts';
import { notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { EventsService } from '../events/service';
import type { MatchesService } from '../matches/service';
import type { PushService } from '../push/service';
import * as repo from './repository';
import { NOTIFICATION_TEXTS } from './texts';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** Asks a user's open clients whether one of them is focused on the screen of a notification. */
export type ClientProbe = (userId: number, check: NotificationCheck) => Promise<boolean>;

export interface NotificationInput {
  type: NotificationType;
  title: string;
  body: string;
  url: string;
  tag: string;
  matchId?: number;
  eventId?: number;
}

export interface NotifyOptions {
  /**
   * Store nothing when a focused client shows that screen (a chat message the user is reading);
   * otherwise the centre keeps it and only the push is skipped.
   */
  dropWhenShowing?: boolean;
  /** Push only a new notification, not one that replaced an unread one (repeated video offers). */
  pushOnlyNew?: boolean;
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export const toNotification = (row: repo.NotificationRow): Notification => ({
  id: row.id,
  type: row.type,
  title: row.title,
  body: row.body,
  url: row.url,
  tag: row.tag,
  matchId: row.matchId,
  eventId: row.eventId,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export function createNotificationsService(
  { db, bus, logger }: AppContext,
  deps: { push: PushService; events: EventsService; matches: MatchesService },
) {
  let probe: ClientProbe = async () => false;

  const preferences = async (userId: number): Promise<NotificationPreferences> => {
    const [muted, pausedEventIds] = await Promise.all([
      repo.mutedTypes(db, userId),
      repo.pausedEventIds(db, userId),
    ]);
    const types = { ...DEFAULT_NOTIFICATION_TYPES };
    for (const type of muted) types[type] = false;
    return { types, pausedEventIds };
  };

  const isShowing = async (userId: number, input: NotificationInput) => {
    try {
      return await probe(userId, {
        type: input.type,
        ...(input.matchId ? { matchId: input.matchId } : {}),
        ...(input.eventId ? { eventId: input.eventId } : {}),
      });
    } catch (error) {
      logger.warn({ err: error }, 'asking the open clients failed; pushing');
      return false;
    }
  };

  return {
    /** The texts of a notification to `userId`, in their account's language. */
    async textsFor(userId: number) {
      return NOTIFICATION_TEXTS[(await repo.userLanguage(db, userId)) ?? 'en'];
    },

    /** Set once by the socket layer: how to ask a user's open clients. */
    useClientProbe(next: ClientProbe) {
      probe = next;
    },

    /** Stores, tells the open sockets and, unless a focused client shows it, pushes. */
    async notify(userId: number, input: NotificationInput, options: NotifyOptions = {}) {
      const showing = await isShowing(userId, input);
      if (showing && options.dropWhenShowing) return { stored: false, pushed: 0 };
      const { notification, created } = await repo.upsertNotification(db, {
        userId,
        type: input.type,
        title: clip(input.title, 200),
        body: clip(input.body, 500),
        url: input.url,
        tag: input.tag,
        matchId: input.matchId ?? null,
        eventId: input.eventId ?? null,
      });
      const unread = await repo.unreadCount(db, userId);
      bus.emit('notification.created', {
        userId,
        notification: toNotification(notification),
        unread,
      });
      if (showing || (options.pushOnlyNew && !created)) return { stored: true, pushed: 0 };
      const prefs = await preferences(userId);
      if (!prefs.types[input.type]) return { stored: true, pushed: 0 };
      if (input.eventId && prefs.pausedEventIds.includes(input.eventId)) {
        return { stored: true, pushed: 0 };
      }
      const payload: PushPayload = {
        type: input.type,
        title: notification.title,
        body: notification.body,
        url: input.url,
        tag: input.tag,
        ...(input.matchId ? { matchId: input.matchId } : {}),
        ...(input.eventId ? { eventId: input.eventId } : {}),
      };
      return { stored: true, pushed: await deps.push.sendToUser(userId, payload) };
    },

    async list(userId: number, query: { before?: number; limit: number }) {
      const rows = await repo.listNotifications(db, userId, query.before, query.limit + 1);
      return {
        items: rows.slice(0, query.limit).map(toNotification),
        hasMore: rows.length > query.limit,
        unread: await repo.unreadCount(db, userId),
      };
    },

    async markRead(userId: number, body: MarkReadBody) {
      await repo.markRead(db, userId, 'all' in body ? 'all' : body.ids);
      return { unread: await repo.unreadCount(db, userId) };
    },

    async unread(userId: number) {
      const [notifications, chats] = await Promise.all([
        repo.unreadCount(db, userId),
        repo.unreadChats(db, userId),
      ]);
      return {
        notifications,
        messages: chats.reduce((sum, chat) => sum + chat.unread, 0),
        chats,
      };
    },

    preferences,

    async updatePreferences(
      userId: number,
      types: Partial<Record<NotificationType, boolean>>,
    ): Promise<NotificationPreferences> {
      await repo.setMuted(db, userId, types);
      return preferences(userId);
    },

    async pauseEvent(userId: number, eventId: number, paused: boolean) {
      await deps.events.assertParticipant(eventId, userId);
      await repo.setEventPaused(db, userId, eventId, paused);
      return preferences(userId);
    },

    /** Marks a match chat read up to a message (default: all of it), and its notifications. */
    async matchRead(userId: number, matchId: number, lastMessageId?: number) {
      const match = await deps.matches.findForParticipant(userId, matchId);
      if (!match) throw notFound('Match');
      if (match.roomId) {
        const newest = await repo.newestMessageId(db, match.roomId);
        const upTo = Math.min(lastMessageId ?? newest, newest);
        if (upTo > 0) await repo.markMatchRead(db, matchId, userId, upTo);
      }
      await repo.markMatchNotificationsRead(db, userId, matchId);
      const [chat] = await repo.unreadChats(db, userId, matchId);
      return { matchId, unread: chat?.unread ?? 0 };
    },
  };
}
