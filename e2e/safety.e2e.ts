/**
 * Safety at an event, on 360 px phones: Olivia (organiser) posts an announcement that Ben sees
 * pinned and marked official in the event chat; Ben blocks Cleo, who can no longer reach him
 * and whose chat messages he no longer sees; he reports her; the site admin opens the
 * moderation queue and suspends her, which signs her out on both of her tabs at once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { DEMO_PASSWORD, seedDemoData } from '../backend/src/db/seed';
import { DOCS, launchChromium, layoutProblems, screenshot, startApp } from './support/app';
import { deliveredMessage, openEventChat, sendMessage, showActiveUsers } from './support/flows';
import { newPhone, unexpectedErrors, type Phone } from './support/journey';

const NARROW = { width: 360, height: 800 };
const NOTICE = 'Heat 12 moves to the small ballroom at 14:30.';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: the app's tabs (on the page that sent the user to sign in, if any).
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function expectFits(page: Page) {
  expect(await layoutProblems(page)).toEqual([]);
}

describe('announcements, blocking, reports and a suspension', () => {
  let t: TestServer;
  let browser: Browser;
  let ben: Phone;
  let cleo: Phone;
  /** Olivia the organiser, then the site admin, on one phone. */
  let staff: Phone;
  let cleoSecondTab: Page;
  let eventId: number;

  beforeAll(async () => {
    t = await startApp();
    eventId = (await seedDemoData(t.db, t.config.BCRYPT_COST)).ongoingEventId!;
    browser = await launchChromium();
    ben = await newPhone(browser, t.url, 'Ben');
    cleo = await newPhone(browser, t.url, 'Cleo');
    staff = await newPhone(browser, t.url, 'Staff');
    for (const phone of [ben, cleo, staff]) await phone.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('dancers talk in the event chat', async () => {
    await signIn(ben.page, 'ben@demo.spotlight.cam');
    await signIn(cleo.page, 'cleo@demo.spotlight.cam');
    await openEventChat(ben.page, eventId);
    await openEventChat(cleo.page, eventId);
    await sendMessage(cleo.page, 'Hi Ben, who films the Novice J&J?');
    await deliveredMessage(ben.page, 'Hi Ben, who films the Novice J&J?').waitFor();
  });

  it('the organiser posts an announcement; it is pinned, official, and live in the chat', async () => {
    const { page } = staff;
    await signIn(page, 'olivia@demo.spotlight.cam');
    await page.goto(`/organise/${eventId}`);
    const section = page.getByRole('region', { name: 'Announcements' });
    await section.getByText('No announcements yet.').waitFor();
    await section.getByRole('textbox', { name: 'Announcement' }).fill(NOTICE);
    await section.getByRole('button', { name: 'Post announcement' }).click();
    await section.getByRole('status').filter({ hasText: 'Announcement posted' }).waitFor();
    await section.getByRole('list', { name: 'Posted announcements' }).getByText(NOTICE).waitFor();
    await expectFits(page);

    // Ben has the chat open: the announcement arrives there without a reload.
    const pinned = ben.page.getByRole('region', { name: 'Pinned announcements' });
    const official = pinned.getByRole('article', {
      name: 'Official announcement from Olivia (organiser)',
    });
    await official.getByText(NOTICE).waitFor();
    await official.getByText('Official').waitFor();
    await expectFits(ben.page);
    await screenshot(ben.page, 'announcement', { dir: DOCS });
    // Still there, on top, after a reload.
    await ben.page.reload();
    await official.getByText(NOTICE).waitFor();
  });

  it('Ben blocks Cleo from her profile, after a confirmation', async () => {
    const { page } = ben;
    await page.getByRole('link', { name: 'Profile of Cleo' }).first().click();
    await page.getByRole('heading', { name: 'Cleo', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Block Cleo' }).click();
    const confirm = page.getByRole('group', { name: 'Block Cleo?' });
    await confirm.getByText('They are not told.').waitFor();
    await confirm.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You blocked Cleo.' }).waitFor();
    await page.getByRole('button', { name: 'Unblock Cleo' }).waitFor();
    await expectFits(page);
  });

  it('he reports her to the organisers of the event', async () => {
    const { page } = ben;
    await page.getByRole('button', { name: 'Report user' }).click();
    await page.getByLabel('Reason').selectOption('harassment');
    await page.getByLabel('What happened? (optional)').fill('Keeps messaging me after I said no.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thanks, the organisers will look into it.').waitFor();
  });

  it('her messages are hidden from him, in the history and live', async () => {
    await openEventChat(ben.page, eventId);
    await sendMessage(ben.page, 'Anyone free to film at 15:00?');
    await deliveredMessage(ben.page, 'Anyone free to film at 15:00?').waitFor();
    expect(await deliveredMessage(ben.page, 'who films the Novice J&J').count()).toBe(0);

    // Cleo writes, then Olivia: Ben gets Olivia's message, and never Cleo's before it.
    await sendMessage(cleo.page, 'Ben? Answer me!');
    await deliveredMessage(cleo.page, 'Ben? Answer me!').waitFor();
    await openEventChat(staff.page, eventId);
    await sendMessage(staff.page, 'Judges meeting in room B.');
    await deliveredMessage(ben.page, 'Judges meeting in room B.').waitFor();
    expect(await deliveredMessage(ben.page, 'Ben? Answer me!').count()).toBe(0);
    // She still sees her own message, and his.
    await deliveredMessage(cleo.page, 'Anyone free to film at 15:00?').waitFor();
  });

  it('she cannot ask him to be her recording partner: the refusal says so plainly', async () => {
    const { page } = cleo;
    const here = await showActiveUsers(page);
    await here.getByRole('button', { name: 'Request recording partner: Ben' }).click();
    await here.getByRole('alert').filter({ hasText: 'You cannot reach this dancer' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${eventId}/chat`);
  });

  it('his profile lists her under Blocked dancers, and his report as waiting', async () => {
    await ben.page.goto('/profile');
    const blocked = ben.page.getByRole('list', { name: 'Blocked dancers' });
    await blocked.getByRole('button', { name: 'Unblock Cleo' }).waitFor();
    // And the report he filed, with where it stands.
    const reports = ben.page.getByRole('list', { name: 'Your reports' });
    await reports
      .getByRole('listitem')
      .filter({ hasText: 'Cleo' })
      .getByText('Waiting for review')
      .waitFor();
  });

  it('the organiser sees the report in the moderation queue, without the power to suspend', async () => {
    const { page } = staff;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const report = page.getByRole('article', { name: 'Report on Cleo' });
    await report.getByText('Harassment').waitFor();
    await report.getByText('Keeps messaging me after I said no.').waitFor();
    await report.getByRole('radio', { name: /Warn/ }).waitFor();
    expect(await report.getByRole('radio', { name: /Suspend/ }).count()).toBe(0);
    // Signs out, for the admin to sign in on this phone.
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('the admin suspends Cleo, and both of her tabs land on the sign-in screen', async () => {
    cleoSecondTab = await cleo.context.newPage();
    await cleoSecondTab.goto('/events');
    await cleoSecondTab.getByRole('heading', { name: 'Events', level: 1 }).waitFor();

    const { page } = staff;
    await signIn(page, 'admin@demo.spotlight.cam');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    const report = page.getByRole('article', { name: 'Report on Cleo' });
    await report.getByText('Harassment').waitFor();
    await report.getByRole('link', { name: 'Ben' }).waitFor();
    await report.getByText('US Open Swing Dance Championships').waitFor();
    await expectFits(page);
    await screenshot(page, 'moderation-queue', { dir: DOCS });

    await report.getByRole('radio', { name: /Suspend the account/ }).check();
    await report.getByLabel('Note for the audit log (optional)').fill('Harassed Ben after a no.');
    await report.getByRole('button', { name: /^Resolve the report on Cleo/ }).click();
    await page.getByText('No open reports').waitFor();

    for (const tab of [cleo.page, cleoSecondTab]) {
      await tab.getByRole('heading', { name: 'Sign in' }).waitFor();
      await tab.getByText('A moderator suspended your account').waitFor();
    }
  });

  it('a suspended account cannot sign in again; the audit log and the reporter see the outcome', async () => {
    const { page } = cleo;
    await page.getByLabel('Email').fill('cleo@demo.spotlight.cam');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This account is suspended').waitFor();

    await staff.page.getByRole('link', { name: 'Audit log' }).click();
    const log = staff.page.getByRole('list', { name: 'Moderation actions' });
    await log.getByText('suspended').waitFor();
    await log.getByText('“Harassed Ben after a no.”').waitFor();
    await expectFits(staff.page);
    // The reporter sees that his report was dealt with.
    await ben.page.goto('/profile');
    const reports = ben.page.getByRole('list', { name: 'Your reports' });
    await reports.getByRole('listitem').filter({ hasText: 'Cleo' }).getByText('Resolved').waitFor();
  });

  it('no page errors', () => {
    for (const phone of [ben, cleo, staff]) expect(unexpectedErrors(phone)).toEqual([]);
  });
});
