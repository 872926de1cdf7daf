/**
 * The notification centre: what the server told a user, stored so that it follows them across
 * devices, with read state; unread counts of match chats; and per-type preferences.
 */
import { z } from 'zod';
import { Id, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { NOTIFICATION_TYPES, NotificationType } from './push';

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const NOTIFICATIONS_PAGE_MAX = 50;
export const READ_IDS_MAX = 100;

export const Notification = z.object({
  id: Id,
  type: NotificationType,
  title: z.string(),
  body: z.string(),
  url: z.string(),
  tag: z.string(),
  matchId: Id.nullable(),
  eventId: Id.nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.object({
  /** Older than this id (the last one of the previous page). */
  before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(NOTIFICATIONS_PAGE_MAX)
    .default(NOTIFICATIONS_PAGE_SIZE),
});

export const NotificationList = z.object({
  items: z.array(Notification),
  hasMore: z.boolean(),
  /** Unread notifications in all (not only this page). */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkReadBody = z.union([
  z.strictObject({ ids: z.array(Id).min(1).max(READ_IDS_MAX) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const UnreadCount = z.object({ unread: z.number().int() });

export const ChatUnread = z.object({ matchId: Id, unread: z.number().int() });
export const UnreadSummary = z.object({
  /** Unread notifications. */
  notifications: z.number().int(),
  /** Unread private messages, all matches together. */
  messages: z.number().int(),
  /** Matches with unread messages only. */
  chats: z.array(ChatUnread),
});
export type UnreadSummary = z.infer<typeof UnreadSummary>;

export const MatchReadBody = z.strictObject({
  /** The newest message the user saw; default: everything so far. */
  lastMessageId: Id.optional(),
});

/** Per-type switches (true: push this type) and the events whose pushes are paused. */
export const NotificationPreferences = z.object({
  types: z.record(NotificationType, z.boolean()),
  pausedEventIds: z.array(Id),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdatePreferencesBody = z.strictObject({
  types: z.partialRecord(NotificationType, z.boolean()),
});

export const PauseEventBody = z.strictObject({ paused: z.boolean() });

export const DEFAULT_NOTIFICATION_TYPES = Object.fromEntries(
  NOTIFICATION_TYPES.map((type) => [type, true]),
) as Record<NotificationType, boolean>;

/** A socket's answer when the server asks whether it shows this screen, focused. */
export const NotificationCheck = z.object({
  type: NotificationType,
  matchId: Id.optional(),
  eventId: Id.optional(),
});
export type NotificationCheck = z.infer<typeof NotificationCheck>;
export const NotificationCheckAnswer = z.object({ showing: z.boolean() });
export type NotificationCheckAnswer = z.infer<typeof NotificationCheckAnswer>;

export const notificationsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/notifications',
    auth: 'user',
    tag: 'notifications',
    summary: "The user's notifications, newest first, with the unread count",
    query: NotificationsQuery,
    response: NotificationList,
    errors: ['validation_error'],
  }),
  markRead: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/read',
    auth: 'user',
    tag: 'notifications',
    summary: 'Marks notifications read: `{ ids }` or `{ all: true }`',
    body: MarkReadBody,
    response: UnreadCount,
    errors: ['validation_error'],
  }),
  unread: defineEndpoint({
    method: 'GET',
    path: '/api/notifications/unread',
    auth: 'user',
    tag: 'notifications',
    summary: 'Unread notifications, and unread private messages per match chat',
    response: UnreadSummary,
  }),
  preferences: defineEndpoint({
    method: 'GET',
    path: '/api/notifications/preferences',
    auth: 'user',
    tag: 'notifications',
    summary: 'Which notification types are pushed, and the events whose pushes are paused',
    response: NotificationPreferences,
  }),
  updatePreferences: defineEndpoint({
    method: 'PATCH',
    path: '/api/notifications/preferences',
    auth: 'user',
    tag: 'notifications',
    summary: 'Turns pushes of notification types on or off',
    body: UpdatePreferencesBody,
    response: NotificationPreferences,
    errors: ['validation_error'],
  }),
  pauseEvent: defineEndpoint({
    method: 'PATCH',
    path: '/api/events/:id/notifications',
    auth: 'user',
    tag: 'notifications',
    summary: 'Pauses (or resumes) pushes about one event (participants)',
    params: IdParams,
    body: PauseEventBody,
    response: NotificationPreferences,
    errors: ['validation_error', 'not_found', 'not_participant'],
  }),
  matchRead: defineEndpoint({
    method: 'POST',
    path: '/api/matches/:id/read',
    auth: 'user',
    tag: 'notifications',
    summary: "Marks a match chat read up to a message (participants); answers the chat's unread",
    params: IdParams,
    body: MatchReadBody,
    response: ChatUnread,
    errors: ['validation_error', 'not_found'],
  }),
} as const;
