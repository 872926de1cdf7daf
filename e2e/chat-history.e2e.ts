/**
 * A busy event chat: the newest page loads first, and older history arrives as the reader
 * scrolls up (REST cursor `before`), in order, without losing the place.
 */
import { api } from '@spotlight/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { launchChromium, phoneContext, startApp } from './support/app';
import { buildDancer, deliveredMessage, joinEvent, openEventChat, register } from './support/flows';

const EVENT_NAME = 'Paris Swing Classic';
const TOTAL = 120; // more than two pages of 50

describe('event chat history', () => {
  let t: TestServer;
  let browser: Browser;
  let eventId: number;

  beforeAll(async () => {
    t = await startApp({ CHAT_RATE_PER_SECOND: '1000', CHAT_BURST: '1000' });
    ({ id: eventId } = await t.createEvent({
      name: EVENT_NAME,
      location: 'Paris, France',
      startDate: '2030-07-11',
      endDate: '2030-07-14',
    }));
    const talker = await t.registerUser({ username: 'chatty_cathy' });
    await t.call(api.events.join, { params: { id: eventId } }, { token: talker.token });
    for (let n = 1; n <= TOTAL; n++) {
      await t.server.services.chat.sendEventMessage(talker.id, eventId, {
        content: `Announcement number ${n}`,
        type: 'text',
      });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads the newest messages first and older ones when scrolled to the top', async () => {
    const page = await (await phoneContext(browser, t.url)).newPage();
    await register(page, buildDancer('Reader'));
    await joinEvent(page, EVENT_NAME);
    await openEventChat(page, eventId);

    await deliveredMessage(page, `Announcement number ${TOTAL}`).waitFor();
    const log = page.getByRole('log', { name: 'Event chat messages' });
    const bubbles = log.locator('li');
    expect(await bubbles.count()).toBe(50);
    expect(await page.getByText('Announcement number 1', { exact: true }).count()).toBe(0);

    // Scroll up until the beginning: each time the top comes into view, a page loads.
    for (const expected of [100, TOTAL]) {
      await log.evaluate((el) => {
        el.scrollTop = 0;
      });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[role=log] li').length >= n,
        expected,
      );
    }
    await page.getByText('Beginning of the conversation').waitFor();
    const texts = await bubbles.allTextContents();
    const numbers = texts.map((text) => Number(/Announcement number (\d+)/.exec(text)?.[1]));
    expect(numbers).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    await page.context().close();
  });
});
