/**
 * Moving around the app as a screen-reader or keyboard user does: every page names the tab,
 * and after a client-side navigation the focus lands on the new page's heading (not left on
 * a link of the page that is gone), without scrolling the chat away from its newest message.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { launchChromium, phoneContext, startApp } from './support/app';
import { buildDancer, joinEvent, register } from './support/flows';

describe('page titles and focus', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const focusedHeading = () =>
    page.evaluate(() =>
      document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null,
    );

  beforeAll(async () => {
    t = await startApp();
    await t.createEvent({ name: 'Titles Open', startDate: '2030-06-01', endDate: '2030-06-03' });
    browser = await launchChromium();
    context = await phoneContext(browser, t.url);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('names the tab after each page and focuses the new heading on navigation', async () => {
    await page.goto('/register');
    await expect.poll(() => page.title()).toBe('Create your account · spotlight.cam');

    await register(page, buildDancer('Tess'));
    await expect.poll(() => page.title()).toBe('Events · spotlight.cam');

    await joinEvent(page, 'Titles Open');
    await expect.poll(() => page.title()).toBe('Titles Open · spotlight.cam');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Matches/ })
      .click();
    await page.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();
    await expect.poll(focusedHeading).toBe('Matches');
    await expect.poll(() => page.title()).toBe('Matches · spotlight.cam');

    await page.goBack();
    await page.getByRole('heading', { name: 'Titles Open', level: 1 }).waitFor();
    await expect.poll(focusedHeading).toBe('Titles Open');

    await page.goto('/nowhere');
    await expect.poll(() => page.title()).toBe('Page not found · spotlight.cam');
  });
});
