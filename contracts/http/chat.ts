import { z } from 'zod';
import { HttpUrl, Id, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';

export const MESSAGE_MAX = 2000;
export const MESSAGE_TYPES = ['text', 'link', 'video'] as const;
/** A chat room is an event's room, or a match's private one. */
export const CHAT_ROOM_TYPES = ['event', 'private'] as const;
export const MessageType = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof MessageType>;

/** Chat text: trimmed, then 1 to 2,000 characters. */
export const MessageContent = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(MESSAGE_MAX, `At most ${MESSAGE_MAX} characters`);

/** The record a `video` message carries: what was sent, never the content. */
export const VideoRecord = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().max(100).optional(),
});
export type VideoRecord = z.infer<typeof VideoRecord>;

const MessageBase = z.object({
  id: Id,
  roomId: Id,
  userId: Id,
  username: z.string(),
  displayName: z.string().nullable(),
  avatar: z.string().nullable(),
  content: z.string(),
  type: MessageType,
  /** The sender's idempotency key, so that an optimistic copy can be matched. */
  clientId: z.string().nullable(),
  createdAt: Timestamp,
});

/** The seed's `event_message` payload, plus type, clientId and eventId. */
export const EventMessage = MessageBase.extend({ eventId: Id });
export type EventMessage = z.infer<typeof EventMessage>;

/** The seed's `private_message` payload, plus type, clientId, roomId and avatar. */
export const PrivateMessage = MessageBase.extend({ matchId: Id });
export type PrivateMessage = z.infer<typeof PrivateMessage>;

/** Messages in one page of history (and in the ack of a first join), and the most a client may ask for. */
export const HISTORY_PAGE_SIZE = 50;
export const HISTORY_PAGE_MAX = 100;

/**
 * A cursor page of history. With `after`: the oldest `limit` messages newer than it (catch-up).
 * With `before`, or no cursor: the newest `limit` messages older than it. Items are oldest first.
 */
export const HistoryQuery = z
  .object({
    before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_SIZE),
  })
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'Give before or after, not both',
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

const historyPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** More messages exist beyond this page, in the direction that was asked. */
    hasMore: z.boolean(),
  });

export const EventHistory = historyPage(EventMessage);
export const PrivateHistory = historyPage(PrivateMessage);

/** Validates the content of a message by its type, for both the socket and the history. */
export const contentForType = (type: MessageType, content: string) => {
  if (type === 'link') return HttpUrl.safeParse(content);
  if (type === 'video') {
    try {
      return VideoRecord.safeParse(JSON.parse(content));
    } catch {
      return VideoRecord.safeParse(undefined);
    }
  }
  return MessageContent.safeParse(content);
};

export const chatEndpoints = {
  eventHistory: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/messages',
    auth: 'user',
    tag: 'chat',
    summary: "Event chat history by cursor (the event's participants only)",
    params: IdParams,
    query: HistoryQuery,
    response: EventHistory,
    errors: ['not_found', 'not_participant'],
  }),
  matchHistory: defineEndpoint({
    method: 'GET',
    path: '/api/matches/:id/messages',
    auth: 'user',
    tag: 'chat',
    summary: "A match's private chat history by cursor (its two participants only)",
    params: IdParams,
    query: HistoryQuery,
    response: PrivateHistory,
    errors: ['not_found'],
  }),
} as const;
