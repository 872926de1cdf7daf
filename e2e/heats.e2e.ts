/**
 * Competition heats and recorder matching, two dancers and an organiser at 360 px (issue 11,
 * "Done when"): Olivia loads the heat sheet through the manage page (a CSV file) and sets the
 * rules; Ana and Ben declare their heats (not clashing, both willing to record); Olivia runs
 * matching and sees the coverage and the run's log; each dancer sees who films them, accepts
 * (the other's page follows live), opens the match chat from there, and the video moves
 * phone to phone, SHA-256 identical.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { generateFile, sha256OfFile } from '../bench/transfer/probes';
import { DOCS, layoutProblems, screenshot, startApp } from './support/app';
import {
  launchTransferChromium,
  type TransferBrowser,
  type TransferPhone,
  transferPhone,
  waitForConnected,
} from './support/transfer';

const NARROW = { width: 360, height: 800 };
const ORGANISER_EMAIL = 'olivia@example.test';
const EVENT = 'Warsaw Heats Open';
const MiB = 1024 * 1024;

/** Heats on the event's first day, 10:00 UTC on: Ana's and Ben's are 50 minutes apart. */
function heatSheetCsv(day: string) {
  const at = (minutes: number) => new Date(Date.parse(`${day}T10:00:00Z`) + minutes * 60_000);
  const rows = [
    ['Novice', 1, 0],
    ['Novice', 2, 10],
    ['Novice', 3, 20],
    ['Intermediate', 1, 40],
    ['Intermediate', 2, 50],
  ] as const;
  return [
    'division,type,round,heat,start',
    ...rows.map(([division, heat, minutes]) =>
      [division, 'Jack & Jill', 'Prelims', heat, at(minutes).toISOString()].join(','),
    ),
  ].join('\n');
}

async function expectFits(page: Page) {
  expect(await layoutProblems(page)).toEqual([]);
}

/** A documentation screenshot at 360 px wide, tall enough to show the whole page. */
async function tallShot(page: Page, name: string, height: number) {
  await page.setViewportSize({ width: NARROW.width, height });
  await screenshot(page, name, { dir: DOCS });
  await page.setViewportSize(NARROW);
}

/** Through the event page's link: one heat with a role, willing to record, and a bib. */
async function declareHeat(
  page: Page,
  eventId: number,
  heat: { division: string; number: number; role: 'Leader' | 'Follower'; bib: string },
) {
  await page.goto(`/events/${eventId}`);
  await page.getByRole('link', { name: 'My heats' }).click();
  await page.getByRole('heading', { name: 'My heats', level: 1 }).waitFor();
  const picker = page.getByRole('form', { name: 'Add a heat' });
  await picker.getByLabel('Division').selectOption({ label: heat.division });
  await picker.getByLabel('Competition').selectOption({ label: 'Jack & Jill' });
  await picker.getByLabel('Round').selectOption({ label: 'Prelims' });
  const heatSelect = picker.getByLabel('Heat', { exact: true });
  const option = heatSelect.locator('option', { hasText: `Heat ${heat.number} ·` });
  await heatSelect.selectOption({ label: (await option.textContent())!.trim() });
  await picker.getByText(heat.role, { exact: true }).click();
  await picker.getByRole('button', { name: 'Add heat' }).click();
  const list = page.getByRole('list', { name: 'Your heats' });
  await list.getByText(`${heat.division} · Jack & Jill · Prelims · Heat ${heat.number}`).waitFor();
  await page.getByLabel('Bib number').fill(heat.bib);
  const willing = page.getByRole('switch', { name: 'Willing to record' });
  if (!(await willing.isChecked())) await willing.check();
  await page.getByRole('button', { name: 'Save my heats' }).click();
  await page.getByText('Saved.', { exact: false }).waitFor();
}

describe('heats and recorder matching, two dancers', () => {
  let t: TestServer;
  let chromium: TransferBrowser;
  let work: string;
  let eventId: number;
  let startDate: string;
  let olivia: TransferPhone;
  let ana: TransferPhone;
  let ben: TransferPhone;
  let matchId: number;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'spotlight-e2e-heats-'));
    t = await startApp({ ADMIN_EMAILS: ORGANISER_EMAIL });
    chromium = await launchTransferChromium();
    const organiser = await t.registerUser({ email: ORGANISER_EMAIL, username: 'Olivia' });
    const [a, b] = await Promise.all(
      ['Ana', 'Ben'].map((username) => t.registerUser({ username, displayName: username })),
    );
    startDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const endDate = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const created = await t.call(
      api.eventAdmin.create,
      { body: { name: EVENT, location: 'Warsaw, Poland', startDate, endDate } },
      { token: organiser.token },
    );
    eventId = created.body.id;
    for (const [dancer, city] of [
      [a!, 'Warsaw'],
      [b!, 'Berlin'],
    ] as const) {
      await t.call(api.events.join, { params: { id: eventId } }, { token: dancer.token });
      await t.call(api.users.updateMe, { body: { city } }, { token: dancer.token });
    }
    olivia = await transferPhone(chromium.browser, t, organiser);
    ana = await transferPhone(chromium.browser, t, a!);
    ben = await transferPhone(chromium.browser, t, b!);
    for (const phone of [olivia, ana, ben]) await phone.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await chromium?.browser.close();
    await t?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('a dancer sees that the organiser has not loaded heats yet', async () => {
    await ana.page.goto(`/events/${eventId}/my-heats`);
    await ana.page.getByText('The organiser has not loaded heats yet', { exact: false }).waitFor();
  });

  it('the organiser loads the heat sheet from a CSV file and sets the rules', async () => {
    const { page } = olivia;
    await page.goto(`/organise/${eventId}`);
    await page.getByRole('heading', { name: `Manage ${EVENT}`, level: 1 }).waitFor();
    const load = page.getByRole('form', { name: 'Load heats' });
    // Pasted JSON is checked against the contract before anything is sent.
    const typo = {
      heats: [{ division: 'Novice', type: 'Jack & Jill', round: 'Prelims', number: 0 }],
    };
    await load.getByLabel('Or paste it here').fill(JSON.stringify(typo));
    await load.getByRole('button', { name: 'Load heats' }).click();
    const problems = load.getByRole('list', { name: 'Problems in the heat sheet' });
    await problems.getByText(/^heats\.0\.number: /).waitFor();
    await load.getByLabel('Heat sheet file').setInputFiles({
      name: 'heats.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(heatSheetCsv(startDate)),
    });
    await load.getByRole('button', { name: 'Load heats' }).click();
    await page.getByText('Loaded 5 heats in 2 divisions.').waitFor();
    await page.getByText('5 heats loaded: Novice, Intermediate.').waitFor();

    const settings = page.getByRole('form', { name: 'Matching settings' });
    await settings.getByLabel('Buffer before (min)').fill('15');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved.').waitFor();
    await expectFits(page);
  });

  it('both dancers declare their heats, which do not clash, and both record', async () => {
    await declareHeat(ana.page, eventId, {
      division: 'Novice',
      number: 1,
      role: 'Follower',
      bib: '101',
    });
    await declareHeat(ben.page, eventId, {
      division: 'Intermediate',
      number: 2,
      role: 'Leader',
      bib: '202',
    });
    await ana.page.reload();
    await ana.page
      .getByRole('list', { name: 'Your heats' })
      .getByText('Follower', { exact: false })
      .waitFor();
    await expectFits(ana.page);
    await tallShot(ana.page, 'heats-my-heats', 1320);
  });

  it('the organiser runs matching: every heat is covered, and the run is in the log', async () => {
    const { page } = olivia;
    await page.getByRole('button', { name: 'Run matching' }).click();
    await page.getByText('Done: 2 new suggestions, 2 of 2 heats covered.').waitFor();
    await page.getByText('2 / 2 heats covered (0 accepted)').waitFor();
    const log = page.getByRole('list', { name: 'Matching runs' });
    await log.getByText('Run by an organiser').waitFor();
    await log.getByText('Covered 2 of 2 heats', { exact: false }).waitFor();
    await expectFits(page);
  });

  it('each sees their recorder and accepts; the other’s page follows live', async () => {
    for (const phone of [ana, ben]) {
      await phone.page.goto(`/events/${eventId}`);
      await phone.page.getByRole('link', { name: 'Recording' }).click();
      await phone.page.getByRole('heading', { name: 'Recording', level: 1 }).waitFor();
    }
    await ana.page.getByText('Ben films you').waitFor();
    await ana.page.getByText('You film Ben (bib 202)').waitFor();
    await ben.page.getByText('Ana films you').waitFor();
    await ana.page
      .getByRole('timer')
      .getByText(/^in \d+ d \d+ h$/)
      .waitFor();
    await expectFits(ana.page);
    await tallShot(ana.page, 'heats-recording', 1400);

    // Ana accepts Ben as her recorder: Ben's page says so without a reload.
    await ana.page.getByRole('button', { name: /^Accept: Ben films you/ }).click();
    await ana.page.getByText('You accepted. Waiting for Ben.').waitFor();
    await ben.page.getByText('Ana accepted. Your turn.').waitFor();
    await ben.page.getByRole('button', { name: /^Accept: You film Ana/ }).click();
    await ana.page.getByRole('link', { name: 'Open chat with Ben' }).waitFor();
    await ben.page.getByRole('link', { name: 'Open chat with Ana' }).waitFor();

    // And the other way round: Ben's heat, filmed by Ana.
    await ben.page.getByRole('button', { name: /^Accept: Ana films you/ }).click();
    await ana.page.getByRole('button', { name: /^Accept: You film Ben/ }).click();
    await expect
      .poll(() => ana.page.getByText('You both accepted', { exact: false }).count())
      .toBe(2);
  });

  it('the recorder opens the chat from there and the video goes phone to phone', async () => {
    // The heat Ben films (Ana's): its chat, from each side's card.
    const anaCard = ana.page.getByRole('article', {
      name: /Novice · Jack & Jill · Prelims · Heat 1/,
    });
    await anaCard.getByRole('link', { name: 'Open chat with Ben' }).click();
    await ana.page.waitForURL(/\/matches\/\d+$/);
    matchId = Number(new URL(ana.page.url()).pathname.split('/').pop());
    const benCard = ben.page.getByRole('article', {
      name: /Novice · Jack & Jill · Prelims · Heat 1/,
    });
    await benCard.getByRole('link', { name: 'Open chat with Ana' }).click();
    await ben.page.waitForURL(`**/matches/${matchId}`);

    await ben.page.getByRole('button', { name: /^(Send a video to|Videos with) / }).click();
    await waitForConnected([ana, ben]);
    const name = 'novice-prelims-heat1.mp4';
    const file = path.join(work, name);
    const sha256 = await generateFile(file, 8 * MiB);
    await ben.page.locator('input[type=file]').setInputFiles(file);
    const offer = ana.page.getByRole('region', { name: 'Video transfer' });
    await offer.getByText('Ben wants to send you a video', { exact: false }).waitFor();
    await offer.getByRole('button', { name: 'Accept' }).click();
    await ana.page
      .getByText('Received and checked: identical to the original.')
      .waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      ana.page.waitForEvent('download', { timeout: 60_000 }),
      ana.page.getByRole('button', { name: `Save ${name}` }).click(),
    ]);
    expect(await sha256OfFile(await download.path())).toBe(sha256);
    await ben.page.getByText('Delivered to Ana and checked', { exact: false }).waitFor();
  }, 240_000);

  it('the organiser sees the accepted coverage; no page errors anywhere', async () => {
    await olivia.page.reload();
    await olivia.page.getByText('2 / 2 heats covered (2 accepted)').waitFor();
    for (const phone of [olivia, ana, ben]) expect(phone.errors).toEqual([]);
  });
});
