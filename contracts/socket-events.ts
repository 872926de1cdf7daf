import { z } from 'zod';
import { Id } from './common';
import type { ErrorBody } from './errors';
import {
  contentForType,
  EventMessage,
  MessageContent,
  MessageType,
  PrivateMessage,
} from './http/chat';
import { Announcement } from './http/announcements';
import { Match } from './http/matches';
import {
  Notification,
  type NotificationCheck,
  type NotificationCheckAnswer,
} from './http/notifications';
import { Recording } from './http/recordings';
import { PublicUser, UserSummary } from './http/users';

/** Socket.IO's path, which nginx and the Vite proxy forward too. */
export const SOCKET_PATH = '/socket.io';

export const SDP_MAX = 32 * 1024;
export const CANDIDATE_MAX = 1024;

/** The idempotency key of a message: a retry with the same key is stored once. */
export const ClientId = z.uuid();

export const JoinEventRoom = z.strictObject({
  eventId: Id,
  /** The last message id this client saw; the ack then holds only what came after it. */
  afterId: z.number().int().min(0).max(2_147_483_647).optional(),
});
export const LeaveEventRoom = z.strictObject({ eventId: Id });
export const SendEventMessage = z.strictObject({
  eventId: Id,
  content: MessageContent,
  clientId: ClientId.optional(),
});
export const JoinPrivateRoom = z.strictObject({
  matchId: Id,
  afterId: z.number().int().min(0).max(2_147_483_647).optional(),
});
export const LeavePrivateRoom = z.strictObject({ matchId: Id });
export const SendPrivateMessage = z
  .strictObject({
    matchId: Id,
    /** For `text`, 1–2,000 characters; for `link`, an http(s) URL; for `video`, a JSON VideoRecord. */
    content: z.string().max(4096),
    type: MessageType.default('text'),
    clientId: ClientId.optional(),
  })
  .superRefine((message, ctx) => {
    const checked = contentForType(message.type, message.content);
    if (checked.success) return;
    ctx.addIssue({
      code: 'custom',
      path: ['content'],
      message:
        message.type === 'link'
          ? 'A link must be an http or https URL'
          : (checked.error.issues[0]?.message ?? 'Invalid message content'),
    });
  });
export const SendMatchRequest = z.strictObject({ targetUserId: Id, eventId: Id });
export const MatchAction = z.strictObject({ matchId: Id });

export const SessionDescription = <T extends 'offer' | 'answer'>(type: T) =>
  z.strictObject({ type: z.literal(type), sdp: z.string().min(1).max(SDP_MAX) });

export const IceCandidate = z.strictObject({
  candidate: z.string().max(CANDIDATE_MAX),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(255).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

export const WebrtcOffer = z.strictObject({ matchId: Id, offer: SessionDescription('offer') });
export const WebrtcAnswer = z.strictObject({ matchId: Id, answer: SessionDescription('answer') });
/** `candidate: null` is the end-of-candidates signal. */
export const WebrtcIceCandidate = z.strictObject({
  matchId: Id,
  candidate: IceCandidate.nullable(),
});

const Empty = z.object({});
const RoomJoined = <T extends z.ZodType>(message: T) =>
  z.object({ messages: z.array(message), hasMore: z.boolean() });

/**
 * Client → server events: the seed's names, each with its payload schema and the fields of a
 * successful acknowledgement.
 */
export const clientEvents = {
  join_event_room: {
    payload: JoinEventRoom,
    result: RoomJoined(EventMessage).extend({ activeUsers: z.array(UserSummary) }),
  },
  leave_event_room: { payload: LeaveEventRoom, result: Empty },
  send_event_message: { payload: SendEventMessage, result: z.object({ message: EventMessage }) },
  join_private_room: {
    payload: JoinPrivateRoom,
    result: RoomJoined(PrivateMessage).extend({ match: Match }),
  },
  leave_private_room: { payload: LeavePrivateRoom, result: Empty },
  send_private_message: {
    payload: SendPrivateMessage,
    result: z.object({ message: PrivateMessage }),
  },
  send_match_request: { payload: SendMatchRequest, result: z.object({ match: Match }) },
  accept_match_request: { payload: MatchAction, result: z.object({ match: Match }) },
  reject_match_request: { payload: MatchAction, result: z.object({ match: Match }) },
  cancel_match_request: { payload: MatchAction, result: z.object({ match: Match }) },
  webrtc_offer: { payload: WebrtcOffer, result: Empty },
  webrtc_answer: { payload: WebrtcAnswer, result: Empty },
  webrtc_ice_candidate: { payload: WebrtcIceCandidate, result: Empty },
} as const;

export type ClientEventName = keyof typeof clientEvents;
export const CLIENT_EVENT_NAMES = Object.keys(clientEvents) as ClientEventName[];

/** An acknowledgement: `{ ok: true, ...result }` or `{ ok: false, error }`. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['payload']>;
export type ParsedClientPayload<E extends ClientEventName> = z.infer<
  (typeof clientEvents)[E]['payload']
>;
export type ClientResult<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['result']>;

export type ClientToServerEvents = {
  [E in ClientEventName]: (
    payload: ClientPayload<E>,
    ack: (res: Ack<ClientResult<E>>) => void,
  ) => void;
};

export const ActiveUsers = z.object({ eventId: Id, users: z.array(UserSummary) });
export type ActiveUsers = z.infer<typeof ActiveUsers>;

export const MatchRequestReceived = z.object({
  matchId: Id,
  eventId: Id,
  fromUser: PublicUser,
  match: Match,
});
export const MatchAccepted = z.object({ matchId: Id, partner: PublicUser, match: Match });
/** Any other status change (rejected, cancelled, completed), to both participants. */
export const MatchUpdated = z.object({ matchId: Id, match: Match });

const Relayed = { matchId: Id, fromUserId: Id };
export const RelayedOffer = z.object({ ...Relayed, offer: SessionDescription('offer') });
export const RelayedAnswer = z.object({ ...Relayed, answer: SessionDescription('answer') });
export const RelayedCandidate = z.object({ ...Relayed, candidate: IceCandidate.nullable() });

export const SESSION_END_REASONS = ['logout', 'expired', 'revoked', 'suspended'] as const;

/** Server → client events: the seed's names and payloads, plus match_updated and session_ended. */
export const serverEvents = {
  event_message: EventMessage,
  active_users: ActiveUsers,
  private_message: PrivateMessage,
  match_request_received: MatchRequestReceived,
  match_accepted: MatchAccepted,
  match_updated: MatchUpdated,
  /**
   * To the dancer and the recorder, each seeing it from their side: a matching run suggested
   * a recording, or it changed (an answer, accepted, declined). `removed`: withdrawn (the
   * dancer dropped the heat, or a new run found a better recorder for an open suggestion).
   */
  recording_updated: z.object({ recording: Recording, removed: z.boolean() }),
  webrtc_offer: RelayedOffer,
  webrtc_answer: RelayedAnswer,
  webrtc_ice_candidate: RelayedCandidate,
  /** To an event's room: an organiser posted an announcement, or withdrew one (`removed`). */
  announcement: z.object({ eventId: Id, announcement: Announcement, removed: z.boolean() }),
  /** To an event's room: someone joined or left the event; its participants count now. */
  participants_count: z.object({ eventId: Id, participantsCount: z.number().int().min(0) }),
  /** Sent just before the server closes a socket whose session ended. */
  session_ended: z.object({ reason: z.enum(SESSION_END_REASONS) }),
  /**
   * This node is shutting down and closes the connection next: reconnect (to another node) at
   * a random moment within `reconnectInMs`, to spread the load, then catch up.
   */
  server_shutdown: z.object({ reconnectInMs: z.number().int().min(0) }),
  /** To every socket of the user: a new (or replaced) notification, and the unread count. */
  notification: z.object({ notification: Notification, unread: z.number().int() }),
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
} & {
  /**
   * The server asks the user's sockets, with an acknowledgement and a short timeout, whether
   * one of them is focused on the screen this notification is about; none: it pushes.
   */
  notification_check: (
    payload: NotificationCheck,
    ack: (answer: NotificationCheckAnswer) => void,
  ) => void;
};
