/**
 * An organiser and a dancer at the door: Olivia (the demo organiser) edits her event, adds and
 * removes an organiser, and opens the door screen; Ana opens the check-in link that the QR code
 * holds, signs in on the way, and is checked in; the event then shows it, to both.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { DEMO_PASSWORD, seedDemoData } from '../backend/src/db/seed';
import { DOCS, launchChromium, layoutProblems, screenshot, startApp } from './support/app';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeCameraArgs, writeQrVideo } from './support/fake-camera';
import { register } from './support/flows';
import { newPhone, unexpectedErrors, type Phone } from './support/journey';

const EVENT = 'US Open Swing Dance Championships';
/** The narrowest phone the app is built for. */
const NARROW = { width: 360, height: 800 };

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectFits(page: Page) {
  expect(await layoutProblems(page)).toEqual([]);
}

describe('organising an event and checking in at the door', () => {
  let t: TestServer;
  let browser: Browser;
  let cameraBrowser: Browser | undefined;
  let olivia: Phone;
  let ana: Phone;
  let eventId: number;
  let token: string;

  beforeAll(async () => {
    t = await startApp();
    const seeded = await seedDemoData(t.db, t.config.BCRYPT_COST);
    eventId = seeded.ongoingEventId!;
    browser = await launchChromium();
    olivia = await newPhone(browser, t.url, 'Olivia');
    ana = await newPhone(browser, t.url, 'Ana');
    await olivia.page.setViewportSize(NARROW);
    await ana.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await cameraBrowser?.close();
    await browser?.close();
    await t?.close();
  });

  it('the organiser finds her events under Organise and edits one', async () => {
    const { page } = olivia;
    await page.goto('/login');
    await signIn(page, 'olivia@demo.spotlight.cam');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Organise' })
      .click();
    await page.getByRole('heading', { name: 'Organise', level: 1 }).waitFor();
    await page.getByRole('link', { name: /SwingDiego/ }).waitFor();
    await expectFits(page);
    await page.getByRole('link', { name: new RegExp(EVENT) }).click();
    await page.getByRole('heading', { name: `Manage ${EVENT}`, level: 1 }).waitFor();

    // The dashboard's tiles come first, two a row on the phone; Refresh counts again.
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    const joined = dashboard.getByText('Joined', { exact: true });
    const checkedIn = dashboard.getByText('Checked in', { exact: true });
    await joined.waitFor();
    const [left, right] = [(await joined.boundingBox())!, (await checkedIn.boundingBox())!];
    expect(right.y).toBe(left.y);
    expect(right.x).toBeGreaterThan(left.x + left.width);
    await dashboard.getByRole('button', { name: 'Refresh' }).click();
    await dashboard.getByText('Transfer success', { exact: true }).waitFor();

    const description = page.getByLabel('Description');
    await description.fill('Doors open at 9:00. Bring your ticket and your phone.');
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByText('Event saved.').waitFor();
    // An end before the start is refused before anything is sent.
    await page.getByLabel('Ends').fill('2000-01-01');
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByText('endDate is before startDate').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Description').inputValue()).toContain('Doors open');
    await expectFits(page);
  });

  it('she requires a confirmed e-mail; a dancer who has not confirmed sees why and is refused', async () => {
    const { page } = olivia;
    const rule = page.getByRole('switch', { name: 'Require a confirmed e-mail address' });
    expect(await rule.isChecked()).toBe(false);
    // A person taps the row: the label toggles the switch.
    const row = page.getByText('Require a confirmed e-mail address', { exact: true });
    await row.click();
    await page.getByText('Saved: a confirmed address is required.').waitFor();
    await page.reload();
    await expect.poll(() => rule.isChecked()).toBe(true);

    const nina = await newPhone(browser, t.url, 'Nina');
    try {
      await nina.page.setViewportSize(NARROW);
      await register(nina.page, nina.dancer);
      await nina.page.goto(`/events/${eventId}`);
      const notice = nina.page.getByRole('status').filter({ hasText: 'asks for a confirmed' });
      await notice.getByText(nina.dancer.email).waitFor();
      await expectFits(nina.page);
      await nina.page.getByRole('button', { name: 'Join event' }).click();
      await nina.page.getByRole('alert').filter({ hasText: 'verified e-mail' }).waitFor();
      await notice.getByRole('button', { name: 'Send the link again' }).click();
      await notice.getByText('We sent a new link.').waitFor();
      await screenshot(nina.page, 'event-verified-email-notice', { dir: DOCS });
    } finally {
      await nina.context.close();
    }

    // Off again: the rest of this file checks in a dancer.
    await row.click();
    await page.getByText('Saved: anyone signed in may take part.').waitFor();
    expect(await rule.isChecked()).toBe(false);
  });

  it('she adds an organiser by username and removes them; the last one stays', async () => {
    const { page } = olivia;
    const organisers = page.getByRole('list', { name: 'Organisers' });
    await organisers.getByText('@olivia_organises').waitFor();
    await page.getByLabel('Add by username').fill('nobody_here');
    await page.getByRole('button', { name: 'Add organiser' }).click();
    await page.getByRole('alert').or(page.locator('[aria-invalid="true"]')).first().waitFor();
    await page.getByLabel('Add by username').fill('ben_leads');
    await page.getByRole('button', { name: 'Add organiser' }).click();
    await organisers.getByText('@ben_leads').waitFor();
    await page.getByRole('button', { name: /^Remove organiser: Ben/ }).click();
    await expect.poll(() => organisers.getByText('@ben_leads').count()).toBe(0);
    await page.getByRole('button', { name: /^Remove organiser: Olivia/ }).click();
    await page.getByRole('alert').filter({ hasText: 'at least one organiser' }).waitFor();
    await organisers.getByText('@olivia_organises').waitFor();
    await screenshot(page, 'organiser-manage', { dir: DOCS });
  });

  it('the door screen shows the QR code, the countdown and the token', async () => {
    const { page } = olivia;
    await page.getByRole('link', { name: 'Door screen' }).click();
    const qr = page.getByRole('img', { name: `Check-in QR code for ${EVENT}` });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await page.getByText(/New code in \d+ s/).waitFor();
    const text = await page.getByText(/^Code: /).textContent();
    token = (text ?? '').replace(/^Code: /, '').trim();
    expect(token).toMatch(/^[\w.-]{10,}$/);
    await expectFits(page);
    await screenshot(page, 'organiser-door', { dir: DOCS });
  });

  it('a dancer opens the code’s link, signs in on the way, and is checked in', async () => {
    const { page } = ana;
    await page.goto(`/events/${eventId}/check-in?token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, 'ana@demo.spotlight.cam');
    await page.getByText(`You’re checked in at ${EVENT}.`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${eventId}/check-in`);
    await expectFits(page);
    await page.getByRole('link', { name: 'Event page' }).click();
    await page.getByRole('heading', { name: EVENT, level: 1 }).waitFor();
    await page.getByText('You’re checked in at the venue').waitFor();
    await page.goto('/events');
    await page
      .getByRole('link', { name: new RegExp(EVENT) })
      .getByText('Checked in')
      .waitFor();
  });

  it('a code that is not valid asks to scan again', async () => {
    const { page } = ana;
    await page.goto(`/events/${eventId}/check-in?token=not-the-door-code`);
    await page.getByText('not valid any more').waitFor();
    await page.getByRole('button', { name: 'Scan again' }).waitFor();
  });

  it('the organiser sees who checked in among the dancers', async () => {
    const { page } = olivia;
    await page.goto(`/events/${eventId}`);
    const dancers = page.getByRole('list', { name: 'Dancers at this event' });
    await dancers
      .getByRole('listitem')
      .filter({ hasText: 'Ana' })
      .getByText('Checked in')
      .waitFor();
    await page.getByRole('link', { name: 'Manage event' }).waitFor();
  });

  it('she creates an event and imports a calendar; a file with problems names its rows', async () => {
    const { page } = olivia;
    await page.goto('/organise');
    const create = page.getByRole('form', { name: 'New event' });
    await create.getByLabel('Name').fill('Door Test Jam');
    await create.getByLabel('Location').fill('Kraków, Poland');
    await create.getByLabel('Starts').fill('2030-05-01');
    await create.getByLabel('Ends').fill('2030-05-03');
    await create.getByRole('button', { name: 'Create event' }).click();
    await page.getByRole('status').getByRole('link', { name: 'Manage Door Test Jam' }).waitFor();
    // Its creator organises it: it is listed with her events.
    await page
      .getByRole('list')
      .getByRole('link', { name: /Door Test Jam/ })
      .waitFor();

    const form = page.getByRole('form', { name: 'Import a calendar' });
    const file = (name: string, text: string) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    const header = 'name,location,startDate,endDate\n';
    await form
      .getByLabel('Calendar file')
      .setInputFiles(
        file(
          'bad.csv',
          `${header}Good Jam,Oslo,2030-06-01,2030-06-02\n,Oslo,2030-06-05,2030-06-01\n`,
        ),
      );
    await form.getByRole('button', { name: 'Import calendar' }).click();
    const problems = form.getByRole('list', { name: 'Problems in the file' });
    await problems.getByText('line 3').waitFor();
    await expectFits(page);
    await form
      .getByLabel('Calendar file')
      .setInputFiles(file('good.csv', `${header}Fjord Swing,Oslo,2030-06-01,2030-06-02\n`));
    await form.getByRole('button', { name: 'Import calendar' }).click();
    await form.getByText('Imported: 1 new, 0 updated.').waitFor();
    await page
      .getByRole('list')
      .getByRole('link', { name: /Fjord Swing/ })
      .waitFor();
  });

  it('when the camera is refused it says how to allow it, and offers to close', async () => {
    const eli = await newPhone(browser, t.url, 'Eli');
    await eli.page.setViewportSize(NARROW);
    // The dancer taps "Block" on the browser's prompt (headless Chromium has no prompt to tap).
    await eli.page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await register(eli.page, eli.dancer);
    await eli.page.goto(`/events/${eventId}`);
    await eli.page.getByRole('button', { name: 'Scan the code at the door' }).click();
    await eli.page
      .getByRole('alert')
      .filter({ hasText: /camera/i })
      .waitFor();
    await eli.page.getByRole('button', { name: 'Close' }).click();
    await eli.page.getByRole('button', { name: 'Scan the code at the door' }).waitFor();
    await eli.context.close();
  });

  it('a dancer scans the door’s code with the camera in the app and is checked in', async () => {
    // The door's current code, as the screen shows it, in front of a fake camera.
    await olivia.page.goto(`/organise/${eventId}/door`);
    const text = await olivia.page.getByText(/^Code: /).textContent();
    const current = (text ?? '').replace(/^Code: /, '').trim();
    const video = path.join(mkdtempSync(path.join(tmpdir(), 'door-')), 'qr.y4m');
    writeQrVideo(video, `${t.url}/events/${eventId}/check-in?token=${encodeURIComponent(current)}`);
    cameraBrowser = await launchChromium(fakeCameraArgs(video));
    const dora = await newPhone(cameraBrowser, t.url, 'Dora');
    await dora.context.grantPermissions(['camera']);
    await dora.page.setViewportSize(NARROW);
    await register(dora.page, dora.dancer);
    await dora.page.goto(`/events/${eventId}`);
    // Chromium on Linux has no BarcodeDetector, so this reads the frames with jsQR.
    await dora.page.getByRole('button', { name: 'Scan the code at the door' }).click();
    await dora.page.getByText(`You’re checked in at ${EVENT}.`).waitFor();
    expect(unexpectedErrors(dora)).toEqual([]);
  });

  it('no page errors', () => {
    expect(unexpectedErrors(olivia)).toEqual([]);
    expect(unexpectedErrors(ana)).toEqual([]);
  });
});
