/**
 * Backgrounded phones (issue 15, part 7): mid-transfer the page is hidden (a visibility change)
 * and then frozen for 30 s, first the sender's, then the receiver's, as a phone's OS freezes an
 * app in the background. The freeze is the page's lifecycle state (CDP
 * `Page.setWebLifecycleState`, which fires `freeze`) and a SIGSTOP of its renderer process:
 * CDP's freeze alone stops the page's tasks but not its workers or WebRTC, and the transfer
 * went on at full speed under it. The transfer says it pauses, and continues by itself once the
 * page is active again; the file arrives SHA-256 identical.
 * No assertion on speed; the 30 s are the freeze, not a wait for something to happen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { generateFile, sha256OfFile } from '../bench/transfer/probes';
import { startApp } from './support/app';
import {
  createMatch,
  launchTransferChromium,
  openTransferPanel,
  progressOf,
  rendererOf,
  type TransferBrowser,
  type TransferPhone,
  transferPhone,
  waitForProgress,
} from './support/transfer';

const MiB = 1024 * 1024;
// Large enough that the transfer is still running when each page goes to the background: a
// quiet machine moves 160 MiB in a few seconds.
const SIZE = 384 * MiB;
const FROZEN_MS = 30_000;
const TRANSFER_WAIT = 300_000;

/** Emulates the page going to the background or back: visibilityState and its event. */
async function setVisibility(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * Hides the page, freezes it and stops its renderer process for 30 s, then lets it run and
 * makes it active and visible again. `whileFrozen` runs at the start of the freeze.
 */
async function background(page: Page, rendererPid: number, whileFrozen?: () => Promise<void>) {
  await setVisibility(page, true);
  await page
    .getByText('spotlight.cam is in the background: the transfer pauses', { exact: false })
    .first()
    .waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  process.kill(rendererPid, 'SIGSTOP');
  const frozenAt = Date.now();
  try {
    await whileFrozen?.();
    await new Promise((r) => setTimeout(r, FROZEN_MS - (Date.now() - frozenAt)));
  } finally {
    process.kill(rendererPid, 'SIGCONT');
  }
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await setVisibility(page, false);
  await cdp.detach();
}

describe('a phone in the background mid-transfer', () => {
  let t: TestServer;
  let chromium: TransferBrowser;
  let work: string;
  let sender: TransferPhone;
  let receiver: TransferPhone;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'spotlight-e2e-background-'));
    t = await startApp();
    chromium = await launchTransferChromium();
  });

  afterAll(async () => {
    await chromium?.browser.close();
    await t?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('pauses while the sender and then the receiver are frozen for 30 s each, resumes by itself, and arrives identical', async () => {
    const match = await createMatch(t, ['Quinn', 'Rosa']);
    sender = await transferPhone(chromium.browser, t, match.a);
    receiver = await transferPhone(chromium.browser, t, match.b);
    await openTransferPanel(sender, match.matchId);
    await receiver.page.goto(`/matches/${match.matchId}`);
    const senderPid = await rendererOf(sender.page, chromium.pid);
    const receiverPid = await rendererOf(receiver.page, chromium.pid);
    expect(senderPid).not.toBe(receiverPid);
    const name = 'heat9.mp4';
    const file = path.join(work, name);
    const sha256 = await generateFile(file, SIZE);
    await sender.page.locator('input[type=file]').setInputFiles(file);
    const sheet = receiver.page.getByRole('dialog', { name: 'Videos with Quinn' });
    await sheet.getByRole('button', { name: 'Accept' }).click({ timeout: 60_000 });

    // Backgrounded as soon as bytes flow, so it is mid-transfer.
    await waitForProgress(sender.page, 1, TRANSFER_WAIT);
    await background(sender.page, senderPid);
    const afterSender = await progressOf(sender.page);
    expect(afterSender).not.toBeNull();
    expect(afterSender!).toBeLessThan(100);
    // Visible again: it continues by itself, with nothing to tap.
    await waitForProgress(sender.page, afterSender! + 2, TRANSFER_WAIT);
    await sender.page.getByText('Connected to Rosa, phone to phone.').waitFor();

    await background(receiver.page, receiverPid, async () => {
      // The receiver froze before the end: the sender still shows the transfer running.
      const duringReceiver = await progressOf(sender.page);
      expect(duringReceiver).not.toBeNull();
      expect(duringReceiver!).toBeLessThan(100);
    });
    await sheet
      .getByText('Received and checked: identical to the original.')
      .waitFor({ timeout: TRANSFER_WAIT });
    const [download] = await Promise.all([
      receiver.page.waitForEvent('download', { timeout: 60_000 }),
      receiver.page.getByRole('button', { name: `Save ${name}` }).click(),
    ]);
    expect(await sha256OfFile(await download.path())).toBe(sha256);
    await sender.page.getByText('Delivered to Rosa and checked', { exact: false }).waitFor();
    expect(sender.errors).toEqual([]);
    expect(receiver.errors).toEqual([]);
  }, 600_000);
});
