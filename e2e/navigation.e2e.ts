/**
 * Moving around the app as a screen-reader or keyboard user does: every page names the tab,
 * and after a client-side navigation the focus lands on the new page's heading (not left on
 * a link of the page that is gone). And the install invitation, where the platform offers one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { launchChromium, phoneContext, startApp } from './support/app';
import { buildDancer, joinEvent, register } from './support/flows';

describe('page titles, focus and the install prompt', () => {
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

  it('offers to install where the platform fires beforeinstallprompt, and remembers a dismissal', async () => {
    // Headless Chromium never fires the event by itself: fire one the way Chrome on Android
    // does, whose prompt() the test records.
    const offerInstall = () =>
      page.evaluate(() => {
        const event = new Event('beforeinstallprompt', { cancelable: true });
        Object.assign(event, {
          prompt: () => {
            const w = window as { __prompts?: number };
            w.__prompts = (w.__prompts ?? 0) + 1;
            return Promise.resolve();
          },
          userChoice: Promise.resolve({ outcome: 'accepted' }),
        });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    const banner = page.getByText('Install spotlight.cam for one-tap access between heats.');

    await page.goto('/events');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    expect(await banner.count()).toBe(0);
    expect(await offerInstall()).toBe(true); // the browser's own mini-bar is held back
    await banner.waitFor();
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as { __prompts?: number }).__prompts)).toBe(1);

    await offerInstall();
    await page.getByRole('button', { name: 'Dismiss install invitation' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await offerInstall();
    // Still offered where the user looks for it (Profile), but no longer pressed on Events.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Profile/ })
      .click();
    await page.getByRole('button', { name: 'Install app' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    expect(await banner.count()).toBe(0);
  });
});
