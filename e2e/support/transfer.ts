/**
 * Two phones as a matched pair, ready for a phone-to-phone transfer: Chromium with the WebRTC
 * flags SPEC §2 measured, camera/microphone granted (without it Chromium hides host candidates
 * and two headless peers never connect), each phone in its own context and renderer process.
 */
import { api } from '@spotlight/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer, TestUser } from '../../backend/test/harness';
import { findBrowserPid, renderers } from '../../bench/transfer/probes';
import { PHONE, WAIT, watchErrors } from './app';
import { launchChromium, WEBRTC_ARGS } from './chromium';

/** Unknown to Chromium; names this browser's process tree in /proc. */
const MARKER = `--spotlight-e2e-transfer=${process.pid}`;

export interface TransferBrowser {
  browser: Browser;
  /** The browser process, root of the renderers. */
  pid: number;
}

export async function launchTransferChromium(): Promise<TransferBrowser> {
  const browser = await launchChromium([...WEBRTC_ARGS, MARKER]);
  return { browser, pid: await findBrowserPid(MARKER) };
}

export interface TransferPhone {
  user: TestUser;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export interface MatchedPair {
  matchId: number;
  sender: TransferPhone;
  receiver: TransferPhone;
}

/** Two registered dancers at one event with an accepted match (set up through the API). */
export async function createMatch(t: TestServer, names: [string, string]) {
  const { id: eventId } = await t.createEvent({ name: `Transfer test ${names.join(' & ')}` });
  const [a, b] = await Promise.all(names.map((username) => t.registerUser({ username })));
  for (const u of [a!, b!]) {
    await t.call(api.events.join, { params: { id: eventId } }, { token: u.token });
  }
  const created = await t.call(
    api.matches.create,
    { body: { targetUserId: b!.id, eventId } },
    { token: a!.token },
  );
  const matchId = created.body.id;
  await t.call(
    api.matches.update,
    { params: { id: matchId }, body: { status: 'accepted' } },
    { token: b!.token },
  );
  return { matchId, a: a!, b: b! };
}

/** A phone signed in as `user` (the session cookie the login would set), with WebRTC allowed. */
export async function transferPhone(
  browser: Browser,
  t: TestServer,
  user: TestUser,
  init?: () => void,
): Promise<TransferPhone> {
  const context = await browser.newContext({
    baseURL: t.url,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(WAIT);
  await context.grantPermissions(['camera', 'microphone'], { origin: t.url });
  await context.addCookies([{ name: 'spotlight_session', value: user.token, url: t.url }]);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  return { user, context, page, errors };
}

/** Opens the match chat and its transfer sheet (the match screen's main action). */
export async function openTransferPanel(phone: TransferPhone, matchId: number) {
  const { page } = phone;
  await page.goto(`/matches/${matchId}`);
  await page.getByRole('button', { name: /^(Send a video to|Videos with) / }).click();
  return page.getByRole('region', { name: 'Video transfer' });
}

/**
 * The renderer process that appears for a page opened by `open` (a new context never shares a
 * renderer with another), so its resident memory can be told apart from the other phone's.
 */
export async function newRendererPid(browserPid: number, open: () => Promise<void>) {
  const before = new Set((await renderers(browserPid)).map((p) => p.pid));
  await open();
  for (let i = 0; i < 50; i++) {
    const fresh = (await renderers(browserPid)).filter((p) => !before.has(p.pid));
    if (fresh.length === 1) return fresh[0]!.pid;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Cannot tell the new page’s renderer process apart');
}

/** The sender's progress bar value (0–100), or null when no transfer shows one. */
export async function progressOf(page: Page): Promise<number | null> {
  const bar = page.getByRole('progressbar').first();
  if (!(await bar.count())) return null;
  const value = await bar.getAttribute('aria-valuenow').catch(() => null);
  return value === null ? null : Number(value);
}

/** Waits until the page's progress bar reaches `percent`. */
export async function waitForProgress(page: Page, percent: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await progressOf(page);
    if (value !== null && value >= percent) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Progress never reached ${percent}%`);
}

/**
 * Waits until every phone's transfer status says it is connected phone to phone (the text is
 * in the page even while the sheet is closed). On a timeout the error carries what each phone
 * said instead, and when it said it, so a connection that never came up can be told from one
 * that came up late.
 */
export async function waitForConnected(phones: TransferPhone[], timeoutMs = 60_000) {
  const connected = /^Connected to .*, phone to phone\.$/;
  const started = Date.now();
  for (const phone of phones) {
    const remaining = Math.max(1000, timeoutMs - (Date.now() - started));
    try {
      await phone.page.getByText(connected).waitFor({ state: 'attached', timeout: remaining });
    } catch (error) {
      const said = await Promise.all(
        phones.map(async ({ user, page }) => {
          const status = await page
            .getByRole('region', { name: 'Video transfer' })
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => '(no transfer region)');
          return `${user.username} at ${page.url()}: ${status?.slice(0, 300)}`;
        }),
      );
      throw new Error(
        `Not connected phone to phone after ${Date.now() - started} ms.\n${said.join('\n')}`,
        { cause: error },
      );
    }
  }
}

/**
 * The renderer process that runs `page`, found by stopping each renderer in turn (SIGSTOP) and
 * seeing whether the page still answers; every renderer it stops runs on again (SIGCONT)
 * at once. Works where telling a new process apart does not (a page that spawned two).
 */
export async function rendererOf(page: Page, browserPid: number): Promise<number> {
  for (const { pid } of await renderers(browserPid)) {
    process.kill(pid, 'SIGSTOP');
    try {
      const answered = await Promise.race([
        page.evaluate(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000)),
      ]);
      if (!answered) return pid;
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }
  throw new Error('No renderer process runs this page');
}
