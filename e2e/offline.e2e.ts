/**
 * A bad network: a message written offline is queued, shown as waiting, and delivered exactly
 * once when the phone is back online (with what was missed meanwhile); and the app shell opens
 * with no network at all after a first visit (service worker).
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../backend/src/db/schema';
import type { TestServer } from '../backend/test/harness';
import { launchChromium, phoneContext, screenshot, startApp } from './support/app';
import {
  buildDancer,
  deliveredMessage,
  joinEvent,
  openEventChat,
  register,
  sendMessage,
} from './support/flows';

const EVENT_NAME = 'Berlin Swing Marathon';

describe('offline', () => {
  let t: TestServer;
  let browser: Browser;
  let eventId: number;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    t = await startApp();
    ({ id: eventId } = await t.createEvent({
      name: EVENT_NAME,
      location: 'Berlin, Germany',
      startDate: '2030-05-16',
      endDate: '2030-05-19',
    }));
    browser = await launchChromium();
    for (const name of ['Ana', 'Ben']) {
      const context = await phoneContext(browser, t.url);
      const page = await context.newPage();
      await register(page, buildDancer(name));
      await joinEvent(page, EVENT_NAME);
      await openEventChat(page, eventId);
      if (name === 'Ana') a = { context, page };
      else b = { context, page };
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('queues a message sent offline and delivers it once when back online', async () => {
    await a.page.getByRole('button', { name: 'Here now (1)' }).waitFor();
    await sendMessage(a.page, 'Online hello');
    await deliveredMessage(b.page, 'Online hello').waitFor();

    await a.context.setOffline(true);
    await a.page.getByText('You’re offline — showing what was saved on this phone.').waitFor();
    const text = 'Written in the basement, heat 4';
    await sendMessage(a.page, text);
    const queued = a.page.locator('li[data-pending="queued"]').filter({ hasText: text });
    await queued.getByText('Waiting for connection…').waitFor();
    // Meanwhile B writes; A must get it on reconnect (rejoin with the last id seen).
    await sendMessage(b.page, 'Did anyone see Ana?');
    await deliveredMessage(b.page, 'Did anyone see Ana?').waitFor();
    await screenshot(a.page, '15-offline-queued');

    await a.context.setOffline(false);
    await deliveredMessage(a.page, text).waitFor();
    await deliveredMessage(a.page, 'Did anyone see Ana?').waitFor();
    await deliveredMessage(b.page, text).waitFor();
    await queued.waitFor({ state: 'detached' });

    // Exactly once: in the database, in B's view, in A's view.
    const rows = await t.db.select().from(messages).where(eq(messages.content, text));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.clientId).not.toBeNull();
    expect(await deliveredMessage(b.page, text).count()).toBe(1);
    expect(await deliveredMessage(a.page, text).count()).toBe(1);
  });

  it('reloaded with no signal, the match chat still shows the partner and the last messages', async () => {
    const idOf = (page: Page) =>
      page.evaluate(
        async () => ((await (await fetch('/api/users/me')).json()) as { id: number }).id,
      );
    const bId = await idOf(b.page);
    const matchId = await a.page.evaluate(
      async ([targetUserId, event]) => {
        const response = await fetch('/api/matches', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ targetUserId, eventId: event }),
        });
        return ((await response.json()) as { id: number }).id;
      },
      [bId, eventId] as const,
    );
    await b.page.evaluate(async (id) => {
      await fetch(`/api/matches/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'accepted' }),
      });
    }, matchId);
    await Promise.all([a.page.goto(`/matches/${matchId}`), b.page.goto(`/matches/${matchId}`)]);
    const box = (page: Page) => page.getByRole('textbox', { name: /^Message to / });
    await box(b.page).fill('Heat 4 is at 14:10, I will stand by the DJ booth');
    await box(b.page).press('Enter');
    await deliveredMessage(a.page, 'stand by the DJ booth').waitFor();
    await a.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The copy on the phone is written within a second of the last change.
    await a.page.waitForTimeout(1500);

    await a.context.setOffline(true);
    await a.page.reload();
    await a.page.getByText('You’re offline — showing what was saved on this phone.').waitFor();
    await deliveredMessage(a.page, 'stand by the DJ booth').waitFor();
    await screenshot(a.page, '17-offline-match-chat');
    await a.context.setOffline(false);
    await a.page.locator('[data-connection="online"]').waitFor({ state: 'attached' });
  });

  it('a first visit whose script has not arrived yet shows the loading shell, not a white page', async () => {
    const context = await phoneContext(browser, t.url);
    const page = await context.newPage();
    // As on slow 3G: the HTML is here, the app's script and styles are still on their way.
    await page.route('**/assets/**', () => undefined);
    await page.goto('/events', { waitUntil: 'commit' });
    await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
    expect(await page.getByText('spotlight.cam', { exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  it('opens the app shell with the network off after the first visit', async () => {
    const context = await phoneContext(browser, t.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The service worker is active once its precache (the shell and every route) is stored.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await page.reload();
    await page.getByText('You’re offline', { exact: true }).waitFor();
    await page.getByText('spotlight.cam needs a connection', { exact: false }).waitFor();
    await screenshot(page, '16-offline-shell');

    // Back online, it carries on by itself.
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
