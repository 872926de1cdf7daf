/**
 * The system under test: the real backend (startServer) serving the built frontend on an
 * ephemeral port, on its own fresh database, plus real Chromium with phone-sized contexts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../backend/test/harness';
import { root } from '../../scripts/frontend-build.mjs';

export const PHONE = { width: 390, height: 844 };
/** A ceiling for waiting on what a user would see; never a measure of speed. */
export const WAIT = 20_000;
const SCREENSHOTS = path.join(root, 'docs', 'screenshots');

export async function startApp(): Promise<TestServer> {
  return startTestServer({ SERVE_FRONTEND: 'true' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 390×844, touch, its own cookies and storage (one person). */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Warsaw',
  });
  context.setDefaultTimeout(WAIT);
  return context;
}

/**
 * Saves a 390×844 screenshot for docs/screenshots (committed, shown in the README), from the
 * top of the page unless `keepScroll`.
 */
export async function screenshot(page: Page, name: string, { keepScroll = false } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(async (keep) => {
    await document.fonts.ready;
    const main = document.querySelector('main');
    if (main && !keep) main.scrollTop = 0;
    // The caret blinks and hover styles linger; neither belongs in documentation.
    (document.activeElement as HTMLElement | null)?.blur();
  }, keepScroll);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Fails the test on any uncaught error or console error in the page. */
export function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}
