/**
 * Web Push through the app's service worker (issue 12, part 5). Real: the backend decides to
 * push (Ana's private messages and video offer, an organiser's announcement while Ben is on
 * the events page), encrypts it with web-push and posts it to the test push service on
 * 127.0.0.1, which checks the VAPID JWT and decrypts it with the keys of Ben's subscription;
 * the decrypted payload goes to the app's service worker in Chromium through the DevTools
 * protocol (`ServiceWorker.deliverPushMessage`), which is how a push service's message would
 * arrive; the worker's push handler shows the notification, and its tap logic routes Ben's
 * open page. Simulated: the tap itself (nothing can click a notification from a script), by
 * running the worker's `openFromNotification` for the real notification it showed. The browser's
 * own subscription cannot reach a real push service here, so Ben's subscription is one this
 * test registers through the API, with keys it generated, pointing at the test push service.
 */
import { api, type PushPayload } from '@spotlight/contracts';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../backend/test/harness';
import {
  closeAll,
  connectSocket,
  emitAck,
  ok,
  type ClientSocket,
} from '../backend/test/socket-harness';
import { startTestPushService, type TestPushService } from '../backend/test/support/push-service';
import { launchChromium, phoneContext, startApp, WAIT, watchErrors } from './support/app';
import { deliveredMessage } from './support/flows';
import { createMatch } from './support/transfer';

const OFFER = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' };
const FIRST = 'Ready to film heat 4?';
const SECOND = 'I am by the DJ booth';

/** A notification as the page's `registration.getNotifications()` gives it. */
interface Shown {
  title: string;
  body: string;
  tag: string;
  timestamp: number;
  data: { url?: string; type?: string; matchId?: number };
}

/** A version of a service worker as `ServiceWorker.workerVersionUpdated` reports it. */
interface WorkerVersion {
  versionId: string;
  registrationId: string;
  scriptURL: string;
  status: string;
  runningStatus: string;
}

/** Polls `read` until `accept` holds, for at most WAIT; fails naming what was last seen. */
async function until<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`never: ${what}; last seen: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shownNotifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n): Shown => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      timestamp: (n as Notification & { timestamp: number }).timestamp,
      data: n.data as Shown['data'],
    }));
  });

describe('a push reaches the service worker, shows a notification, and a tap opens its page', () => {
  let t: TestServer;
  let push: TestPushService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  const errors: string[] = [];
  const sockets: ClientSocket[] = [];
  const versions = new Map<string, WorkerVersion>();
  let registrationId: string;
  let deviceId: string;
  let match: { matchId: number; a: TestUser; b: TestUser };
  let eventId: number;

  /** The next push the backend sent Ben, as the push service decrypted it, into his browser. */
  async function deliverNext(accept: (payload: PushPayload) => boolean) {
    const { payload } = await push.next(deviceId, (p) => accept(p.payload));
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: t.url,
      registrationId,
      data: JSON.stringify(payload),
    });
    return payload;
  }

  /** Waits until a notification with `tag` is shown for which `accept` holds. */
  const notificationWith = (tag: string, accept: (n: Shown) => boolean = () => true) =>
    until(
      `a notification tagged ${tag}`,
      () => shownNotifications(page),
      (shown) => shown.some((n) => n.tag === tag && accept(n)),
    ).then((shown) => shown.find((n) => n.tag === tag && accept(n))!);

  /** The app's service worker as Playwright sees it (Chromium keeps it running while attached). */
  const appWorker = async () =>
    context.serviceWorkers().find((w) => w.url() === `${t.url}/sw.js`) ??
    context.waitForEvent('serviceworker', { predicate: (w) => w.url() === `${t.url}/sw.js` });

  beforeAll(async () => {
    let serverKey = '';
    push = await startTestPushService(() => serverKey);
    t = await startApp({
      PUSH_ALLOWED_HOSTS: new URL(push.origin).host,
      PUSH_RETRY_DELAY_SECONDS: '1',
      NOTIFY_CHECK_TIMEOUT_MS: '1000',
    });
    serverKey = t.config.VAPID_PUBLIC_KEY;
    match = await createMatch(t, ['Ana', 'Ben']);
    const seen = await t.call(
      api.matches.get,
      { params: { id: match.matchId } },
      { token: match.b.token },
    );
    eventId = seen.body.event.id;

    const device = push.device();
    deviceId = device.id;
    const subscribed = await t.call(
      api.push.subscribe,
      { body: device.subscription },
      { token: match.b.token },
    );
    expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);

    browser = await launchChromium();
    context = await phoneContext(browser, t.url);
    await context.grantPermissions(['notifications'], { origin: t.url });
    await context.addCookies([{ name: 'spotlight_session', value: match.b.token, url: t.url }]);
    page = await context.newPage();
    watchErrors(page, errors);

    cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const version of updated as WorkerVersion[]) versions.set(version.versionId, version);
    });
    await cdp.send('ServiceWorker.enable');

    await page.goto('/events');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    // Chromium drops a push delivered before the registration has an active worker (while it is
    // `new` or `installing`, precaching the app shell for a second or two), yet the DevTools
    // command answers success: the notification never shows. A push the backend sends right
    // after the page opens can win that race, so nothing is delivered before this. (Delivered
    // to a stopped worker, it starts it; without the notification permission, nothing shows.)
    const active = await until(
      'the app’s service worker activated',
      async () => [...versions.values()].find((v) => v.status === 'activated'),
      (version) => version?.scriptURL === `${t.url}/sw.js`,
    );
    registrationId = active!.registrationId;
  });

  afterAll(async () => {
    closeAll(sockets);
    await browser?.close();
    await t?.close();
    await push?.close();
  });

  it('shows an organiser’s announcement, opening the event', async () => {
    const { a: organiser } = match;
    await t.server.services.roles.addOrganiser(eventId, organiser.id, null);
    const posted = await t.call(
      api.announcements.post,
      { params: { id: eventId }, body: { content: 'Heat 12 moves to the small ballroom' } },
      { token: organiser.token },
    );
    expect(posted.status).toBe(201);
    const payload = await deliverNext((p) => p.type === 'announcement');
    const shown = await notificationWith(payload.tag);
    expect(shown).toMatchObject({
      title: payload.title,
      body: 'Heat 12 moves to the small ballroom',
      data: { url: `/events/${eventId}`, type: 'announcement' },
    });
  });

  it('shows Ana’s video offer, opening the match chat', async () => {
    const ana = await connectSocket(t.url, { token: match.a.token });
    sockets.push(ana);
    await ok(emitAck(ana, 'webrtc_offer', { matchId: match.matchId, offer: OFFER }));
    const payload = await deliverNext((p) => p.type === 'video_offer');
    const shown = await notificationWith(payload.tag);
    expect(shown).toMatchObject({
      title: 'Ana is sending you a video',
      body: 'Tap to receive it',
      tag: `video-${match.matchId}`,
      data: { url: `/matches/${match.matchId}`, type: 'video_offer', matchId: match.matchId },
    });
  });

  it('shows Ana’s private message, and her next one replaces it (one per chat)', async () => {
    const ana = await connectSocket(t.url, { token: match.a.token });
    sockets.push(ana);
    const tag = `chat-${match.matchId}`;
    await ok(emitAck(ana, 'send_private_message', { matchId: match.matchId, content: FIRST }));
    await deliverNext((p) => p.type === 'private_message');
    const first = await notificationWith(tag);
    expect(first).toMatchObject({
      title: 'New message from Ana',
      body: 'Open the chat to read it',
      data: { url: `/matches/${match.matchId}`, type: 'private_message', matchId: match.matchId },
    });

    await ok(emitAck(ana, 'send_private_message', { matchId: match.matchId, content: SECOND }));
    await deliverNext((p) => p.type === 'private_message');
    // The second is shown when the one notification of the chat is newer than the first.
    await notificationWith(tag, (n) => n.timestamp > first.timestamp);
    const shown = await shownNotifications(page);
    expect(shown.filter((n) => n.tag === tag)).toHaveLength(1);
    expect(shown.map((n) => n.tag).sort()).toEqual(
      [tag, `video-${match.matchId}`, expect.stringMatching(/^announcement-\d+$/)].sort(),
    );
  });

  it('a tap on the message’s notification lands Ben in the match chat', async () => {
    const tag = `chat-${match.matchId}`;
    expect(new URL(page.url()).pathname).toBe('/events');
    const worker = await appWorker();
    // The tap is simulated: the worker's own tap logic runs for the real notification it showed
    // (a script's `notificationclick` could not wait, and nothing can click a notification).
    // The app badge is observed by wrapping the worker's setAppBadge, where Chromium has one.
    const tapped = await worker.evaluate(async (tag) => {
      const scope = self as unknown as {
        registration: ServiceWorkerRegistration;
        navigator: { setAppBadge?: (count?: number) => Promise<void> };
        openFromNotification(notification: Notification): Promise<void>;
      };
      const badges: number[] = [];
      const setAppBadge = scope.navigator.setAppBadge?.bind(scope.navigator);
      if (setAppBadge) {
        scope.navigator.setAppBadge = (count?: number) => {
          badges.push(count ?? 0);
          return setAppBadge(count);
        };
      }
      const [notification] = await scope.registration.getNotifications({ tag });
      if (!notification) return { found: false, badges, hasBadge: Boolean(setAppBadge) };
      await scope.openFromNotification(notification);
      return { found: true, badges, hasBadge: Boolean(setAppBadge) };
    }, tag);
    expect(tapped.found, `a notification tagged ${tag} in the worker`).toBe(true);

    await page.waitForURL(`**/matches/${match.matchId}`);
    await page.getByRole('log', { name: 'Private chat with Ana' }).waitFor();
    await deliveredMessage(page, FIRST).waitFor();
    await deliveredMessage(page, SECOND).waitFor();
    // The tapped notification is gone; the other two stay, and the badge counts them.
    await until(
      'the tapped notification closed',
      () => shownNotifications(page),
      (shown) => shown.length === 2 && !shown.some((n) => n.tag === tag),
    );
    if (tapped.hasBadge) expect(tapped.badges).toEqual([2]);
    expect(errors).toEqual([]);
  });
});
