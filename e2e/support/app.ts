/**
 * The system under test: the real backend (startServer) serving the built frontend on an
 * ephemeral port, on its own fresh database, plus real Chromium with phone-sized contexts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../backend/test/harness';
import { root } from '../../scripts/frontend-build.mjs';

export { launchChromium } from './chromium';

export const PHONE = { width: 390, height: 844 };
/** A ceiling for waiting on what a user would see; never a measure of speed. */
export const WAIT = 20_000;
/** The docs folder, for screenshots that a document of their own shows. */
export const DOCS = path.join(root, 'docs');
const SCREENSHOTS = path.join(DOCS, 'screenshots');

export async function startApp(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ SERVE_FRONTEND: 'true', ...env });
}

/** A phone: 390×844, touch, its own cookies and storage (one person). */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  /** Another phone: its size, language or colour scheme. */
  overrides: Pick<BrowserContextOptions, 'viewport' | 'locale' | 'colorScheme'> = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Warsaw',
    ...overrides,
  });
  context.setDefaultTimeout(WAIT);
  return context;
}

/**
 * Saves a screenshot of the page at its viewport for docs/screenshots (or `dir`; committed,
 * shown in the README), from the top of the page unless `keepScroll`, without toasts unless
 * `keepToasts`.
 */
export async function screenshot(
  page: Page,
  name: string,
  { keepScroll = false, keepToasts = false, dir = SCREENSHOTS } = {},
) {
  mkdirSync(dir, { recursive: true });
  // Toasts come and go with timing; a page's screenshot should not depend on it.
  if (!keepToasts) {
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss', exact: true }).all()) {
      await dismiss.click();
    }
  }
  // No hover state left over from the last click (buttons change colour under the mouse).
  await page.mouse.move(PHONE.width / 2, 0);
  await page.evaluate(async (keep) => {
    await document.fonts.ready;
    const main = document.querySelector('main');
    if (main && !keep) main.scrollTop = 0;
    // The caret blinks and hover styles linger; neither belongs in documentation.
    (document.activeElement as HTMLElement | null)?.blur();
  }, keepScroll);
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
}

/** Fails the test on any uncaught error or console error in the page. */
export function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/**
 * What breaks a one-handed phone layout, as the page is now: sideways scrolling, and tap
 * targets under 44×44 px (a checkbox or radio counts by its label). Empty when all is well.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) {
      problems.push(`page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    }
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth) {
      problems.push(`main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    }
    const selector =
      'a[href], button, input, select, textarea, [role=button], [tabindex]:not([tabindex="-1"])';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const isToggle =
        element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type);
      const target = (isToggle && element.closest('label')) || element;
      // Visually hidden (the skip link until focused) or not rendered (a closed panel).
      if (target.classList.contains('sr-only')) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 44 || box.height < 44) {
        const label = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim();
        problems.push(
          `${target.tagName.toLowerCase()} "${label.slice(0, 40)}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return problems;
  });
}
