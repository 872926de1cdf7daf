/**
 * Web Push (RFC 8030, VAPID RFC 8292, aes128gcm payloads RFC 8291): the server's public
 * application key, and the browsers' push subscriptions of the signed-in user's devices.
 */
import { z } from 'zod';
import { defineEndpoint } from './endpoint';

/** Every kind of notification; the payload's `type` and the preference keys. */
export const NOTIFICATION_TYPES = [
  'match_request',
  'match_accepted',
  'private_message',
  'video_offer',
  'recording_assigned',
  'heat_reminder',
  'announcement',
] as const;
export const NotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationType>;

/** What the service worker receives, decrypted. No more personal data than the title needs. */
export const PushPayload = z.object({
  type: NotificationType,
  title: z.string(),
  body: z.string(),
  /** An app path (`/matches/12`), opened or focused on a tap. */
  url: z.string(),
  /** Notifications with the same tag replace each other on the device. */
  tag: z.string(),
  matchId: z.number().int().positive().optional(),
  eventId: z.number().int().positive().optional(),
});
export type PushPayload = z.infer<typeof PushPayload>;

/** Bytes that unpadded base64url text of this length decodes to. */
const decodedLength = (text: string) => Math.floor((text.replace(/=+$/, '').length * 3) / 4);

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .max(256)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((value) => decodedLength(value) === bytes, `${what} must be ${bytes} bytes`);

export const PUSH_ENDPOINT_MAX = 1024;

/** `PushSubscription.toJSON()` as the browser gives it. */
export const PushSubscriptionBody = z.object({
  endpoint: z
    .string()
    .max(PUSH_ENDPOINT_MAX)
    .pipe(z.url({ protocol: /^https?$/, message: 'Must be an https URL' })),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key, uncompressed (65 bytes). */
    // 0x04 first (uncompressed) is a leading "B" in base64url.
    p256dh: base64url(65, 'p256dh').refine(
      (value) => value.startsWith('B'),
      'p256dh must be an uncompressed P-256 point',
    ),
    /** The 16-byte authentication secret. */
    auth: base64url(16, 'auth'),
  }),
});
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const PushEndpointBody = z.strictObject({
  endpoint: z.string().min(1).max(PUSH_ENDPOINT_MAX),
});

export const VapidPublicKey = z.object({ publicKey: z.string() });
export const PushSubscriptionSaved = z.object({ endpoint: z.string(), created: z.boolean() });
export const PushSubscriptionRemoved = z.object({ removed: z.boolean() });

export const pushEndpoints = {
  vapidPublicKey: defineEndpoint({
    method: 'GET',
    path: '/api/push/vapid-public-key',
    auth: 'public',
    tag: 'push',
    summary: "The server's VAPID public key (applicationServerKey of pushManager.subscribe)",
    response: VapidPublicKey,
  }),
  subscribe: defineEndpoint({
    method: 'POST',
    path: '/api/push/subscriptions',
    auth: 'user',
    tag: 'push',
    summary:
      "Saves this device's push subscription for the signed-in session; idempotent per endpoint",
    body: PushSubscriptionBody,
    /** 201 when new, 200 when this endpoint was saved already. */
    response: PushSubscriptionSaved,
    errors: ['validation_error', 'forbidden'],
  }),
  unsubscribe: defineEndpoint({
    method: 'DELETE',
    path: '/api/push/subscriptions',
    auth: 'user',
    tag: 'push',
    summary: "Removes one of the user's push subscriptions",
    body: PushEndpointBody,
    response: PushSubscriptionRemoved,
    errors: ['validation_error'],
  }),
} as const;
