/**
 * Web Push subscriptions: the VAPID key, saving a browser's PushSubscription.toJSON() for the
 * signed-in session (idempotent per endpoint), removing it, logout removing it, the allowed
 * hosts, and delivery to a test push service that checks the VAPID JWT and decrypts the body.
 */
import { api, type PushPayload } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { expectError, expectValidationError, send } from '../helpers';
import { storedSubscriptions, subscribeDevice, usePushWorld } from '../support/push-world';

const world = usePushWorld();

const payload = (tag: string): PushPayload => ({
  type: 'announcement',
  title: 'Spotlight Open',
  body: 'Heat 12 moves to the small ballroom',
  url: '/events/1',
  tag,
  eventId: 1,
});

describe('the VAPID public key', () => {
  it('is public: an uncompressed P-256 point, base64url', async () => {
    const { t } = world();
    const res = await t.call(api.push.vapidPublicKey);
    expect(res.status).toBe(200);
    const key = Buffer.from(res.body.publicKey, 'base64url');
    expect(key).toHaveLength(65);
    expect(key[0]).toBe(4);
    expect(res.body.publicKey).toBe(t.config.VAPID_PUBLIC_KEY);
  });
});

describe('push subscriptions', () => {
  it('are saved once per endpoint: 201, then 200 for the same endpoint', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    const device = push.device();
    const first = await t.call(
      api.push.subscribe,
      { body: device.subscription },
      { token: user.token },
    );
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ endpoint: device.subscription.endpoint, created: true });
    const again = await t.call(
      api.push.subscribe,
      { body: device.subscription },
      { token: user.token },
    );
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(await storedSubscriptions(t, device.subscription.endpoint)).toBe(1);
  });

  it('refuse what is not a PushSubscription with 400 validation_error', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    const { subscription } = push.device();
    const bad = [
      [{ ...subscription, keys: undefined }, 'body.keys'],
      [{ ...subscription, keys: { ...subscription.keys, p256dh: 'AAAA' } }, 'body.keys.p256dh'],
      [
        { ...subscription, keys: { ...subscription.keys, auth: subscription.keys.p256dh } },
        'body.keys.auth',
      ],
      [{ ...subscription, endpoint: 'not a url' }, 'body.endpoint'],
      [{ ...subscription, endpoint: 'ftp://127.0.0.1/push/x' }, 'body.endpoint'],
      [
        { ...subscription, endpoint: `${subscription.endpoint}${'x'.repeat(1100)}` },
        'body.endpoint',
      ],
    ] as const;
    for (const [body, path] of bad) {
      expectValidationError(
        await send(t, api.push.subscribe, { body }, { token: user.token }),
        path,
      );
    }
  });

  it('refuse endpoints outside PUSH_ALLOWED_HOSTS with 403 forbidden', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    const { subscription } = push.device();
    const port = Number(new URL(push.origin).port);
    for (const endpoint of [
      'https://evil.example/push/1',
      'https://fcm.googleapis.com.evil.example/fcm/send/1',
      `http://127.0.0.1:${port + 1}/push/1`,
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/push',
    ]) {
      const res = await send(
        t,
        api.push.subscribe,
        { body: { ...subscription, endpoint } },
        { token: user.token },
      );
      expectError(res, 403, 'forbidden');
    }
    expectError(await send(t, api.push.subscribe, { body: subscription }), 401, 'unauthorized');
  });

  it('are removed by DELETE with { endpoint }, only for their owner', async () => {
    const { t, push } = world();
    const [owner, other] = [await t.registerUser(), await t.registerUser()];
    const device = await subscribeDevice(world(), owner);
    const { endpoint } = device.subscription;
    const byOther = await t.call(
      api.push.unsubscribe,
      { body: { endpoint } },
      { token: other.token },
    );
    expect(byOther.body).toEqual({ removed: false });
    expect(await storedSubscriptions(t, endpoint)).toBe(1);
    const removed = await t.call(
      api.push.unsubscribe,
      { body: { endpoint } },
      { token: owner.token },
    );
    expect(removed.body).toEqual({ removed: true });
    expect(await storedSubscriptions(t, endpoint)).toBe(0);
    expectValidationError(
      await send(t, api.push.unsubscribe, { body: {} }, { token: owner.token }),
      'body.endpoint',
    );
    expect(push.attempts(device.id)).toBe(0);
  });

  it('are removed when that device signs out, and get no pushes from then on', async () => {
    const { t } = world();
    const user = await t.registerUser();
    const device = await subscribeDevice(world(), user);
    expect(await t.server.services.push.sendToUser(user.id, payload('before'))).toBe(1);
    const logout = await t.call(api.auth.logout, undefined, { token: user.token });
    expect(logout.status).toBe(200);
    expect(await t.server.services.push.sendToUser(user.id, payload('after'))).toBe(0);
    await expect.poll(() => storedSubscriptions(t, device.subscription.endpoint)).toBe(0);
  });
});

describe('delivery', () => {
  it('reaches the device: a valid VAPID JWT and an aes128gcm body that decrypts to the payload', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    const device = await subscribeDevice(world(), user);
    await t.server.services.push.sendToUser(user.id, payload('deliver'));
    const received = await push.next(device.id);
    expect(received.payload).toEqual(payload('deliver'));
    expect(received.ttl).toBeGreaterThan(0);
  });

  it('deletes the subscription when the push service answers 410 Gone or 404', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    for (const status of [410, 404]) {
      const device = await subscribeDevice(world(), user);
      push.answerNext(device.id, status);
      await t.server.services.push.sendToUser(user.id, payload(`gone-${status}`));
      await expect
        .poll(() => storedSubscriptions(t, device.subscription.endpoint), { timeout: 15_000 })
        .toBe(0);
    }
  });

  it('retries other failures with backoff until the push gets through', async () => {
    const { t, push } = world();
    const user = await t.registerUser();
    const device = await subscribeDevice(world(), user);
    push.answerNext(device.id, 500, 503);
    await t.server.services.push.sendToUser(user.id, payload('retry'));
    const received = await push.next(device.id);
    expect(received.payload.tag).toBe('retry');
    expect(push.attempts(device.id)).toBe(3);
    expect(await storedSubscriptions(t, device.subscription.endpoint)).toBe(1);
  });
});
