/**
 * To a partner anywhere in the app (issue 15, part 5): the transfer controllers live for the
 * session, not the match page, so when Ana offers a video while Ben is on the events page,
 * Ben's phone is already connected, shows the offer as a toast, and one tap opens the match
 * chat with the offer to accept. The video arrives SHA-256 identical.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { generateFile, sha256OfFile } from '../bench/transfer/probes';
import { startApp } from './support/app';
import {
  createMatch,
  launchTransferChromium,
  openTransferPanel,
  type TransferBrowser,
  transferPhone,
} from './support/transfer';

const MiB = 1024 * 1024;
const TRANSFER_WAIT = 240_000;

describe('an offer reaches the partner on any page', () => {
  let t: TestServer;
  let chromium: TransferBrowser;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'spotlight-e2e-anywhere-'));
    t = await startApp();
    chromium = await launchTransferChromium();
  });

  afterAll(async () => {
    await chromium?.browser.close();
    await t?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('Ben, on the events page, sees Ana’s offer and gets to it in one tap', async () => {
    const match = await createMatch(t, ['Ana', 'Ben']);
    const ana = await transferPhone(chromium.browser, t, match.a);
    const ben = await transferPhone(chromium.browser, t, match.b);
    await ben.page.goto('/events');
    await ben.page.getByRole('heading', { level: 1 }).first().waitFor();
    await openTransferPanel(ana, match.matchId);
    // Ben never opened the chat, yet his phone answers.
    await ana.page.getByText('Connected to Ben, phone to phone.').waitFor({ timeout: 60_000 });

    const name = 'heat3.mp4';
    const file = path.join(work, name);
    const sha256 = await generateFile(file, 8 * MiB);
    await ana.page.locator('input[type=file]').setInputFiles(file);

    const toast = ben.page.getByRole('status').filter({ hasText: 'Ana wants to send you a video' });
    await toast.waitFor({ timeout: 60_000 });
    expect(new URL(ben.page.url()).pathname).toBe('/events');
    await toast.getByRole('link', { name: 'Open' }).click();

    const sheet = ben.page.getByRole('dialog', { name: 'Videos with Ana' });
    await sheet.getByRole('button', { name: 'Accept' }).click();
    await sheet
      .getByText('Received and checked: identical to the original.')
      .waitFor({ timeout: TRANSFER_WAIT });
    const [download] = await Promise.all([
      ben.page.waitForEvent('download', { timeout: 60_000 }),
      ben.page.getByRole('button', { name: `Save ${name}` }).click(),
    ]);
    expect(await sha256OfFile(await download.path())).toBe(sha256);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  }, 360_000);
});
