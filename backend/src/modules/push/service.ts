/**
 * Web Push: the browsers' subscriptions of each signed-in device, and a durable job per
 * subscription and notification that encrypts the payload (aes128gcm, RFC 8291), signs a VAPID
 * JWT (RFC 8292) and posts it to the push service, retried with backoff. A 404 or 410 means
 * the browser dropped the subscription: it is deleted.
 */
import type { PushPayload, PushSubscriptionBody } from '@spotlight/contracts';
import webpush from 'web-push';
import { forbidden } from '../../errors';
import type { AppContext, AuthUser } from '../../http/context';
import { isAllowedPushEndpoint } from './hosts';
import * as repo from './repository';

export type PushService = ReturnType<typeof createPushService>;

/** A push that cannot reach the phone within a day is no longer worth showing. */
const PUSH_TTL_SECONDS = 24 * 3600;
const PUSH_TIMEOUT_MS = 10_000;

export function createPushService(ctx: AppContext) {
  const { config, db, jobs, logger, bus } = ctx;
  const vapidDetails = {
    subject: config.VAPID_SUBJECT,
    publicKey: config.VAPID_PUBLIC_KEY,
    privateKey: config.VAPID_PRIVATE_KEY,
  };

  const deliver = async ({
    subscriptionId,
    payload,
  }: {
    subscriptionId: number;
    payload: PushPayload;
  }) => {
    const subscription = await repo.findSubscription(db, subscriptionId);
    // Unsubscribed or signed out meanwhile.
    if (!subscription) return;
    if (!isAllowedPushEndpoint(subscription.endpoint, config.PUSH_ALLOWED_HOSTS)) {
      await repo.deleteSubscriptionById(db, subscriptionId);
      return;
    }
    const request = webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      JSON.stringify(payload),
      {
        vapidDetails,
        TTL: PUSH_TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: payload.type === 'announcement' ? 'normal' : 'high',
      },
    );
    // Never follow a redirect: the allow-list names the only hosts the server talks to.
    const response = await fetch(request.endpoint, {
      method: 'POST',
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) {
      await repo.deleteSubscriptionById(db, subscriptionId);
      logger.info({ subscriptionId, status: response.status }, 'push subscription gone');
      return;
    }
    if (response.status < 200 || response.status >= 300) {
      // The job fails and pg-boss retries it with backoff.
      throw new Error(`push service answered ${response.status}`);
    }
  };

  jobs.define('push.send', deliver, {
    retryLimit: 5,
    retryDelaySeconds: config.PUSH_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: 60,
    concurrency: 4,
  });

  // A device that signs out gets no more pushes for that account.
  bus.on('sessions.revoked', async ({ sessionIds }) => {
    await repo.deleteSessionSubscriptions(db, sessionIds);
  });

  return {
    vapidPublicKey: () => ({ publicKey: config.VAPID_PUBLIC_KEY }),

    /** Saves the subscription for this user and session; a repeat of the endpoint updates it. */
    async subscribe(user: AuthUser, body: PushSubscriptionBody) {
      if (!isAllowedPushEndpoint(body.endpoint, config.PUSH_ALLOWED_HOSTS)) {
        throw forbidden('This push service is not one this server sends to');
      }
      const { created } = await repo.upsertSubscription(db, {
        userId: user.id,
        sessionId: user.sessionId,
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        expiresAt: body.expirationTime ? new Date(body.expirationTime) : null,
      });
      return { endpoint: body.endpoint, created };
    },

    async unsubscribe(userId: number, endpoint: string) {
      return { removed: await repo.deleteSubscription(db, userId, endpoint) };
    },

    /** Queues the payload for every device of the user; each is sent once, with retries. */
    async sendToUser(userId: number, payload: PushPayload) {
      const ids = await repo.userSubscriptionIds(db, userId);
      await Promise.all(
        ids.map((subscriptionId) => jobs.send('push.send', { subscriptionId, payload })),
      );
      return ids.length;
    },
  };
}
