/**
 * Finding a partner at an event (issue 17), on 360 px phones: Ana opens the event page and sees
 * Ben in its list of dancers, with his role, division and rating, though he is not in the chat;
 * she asks him to film her and the button says "Requested". Ben opens the app later, finds the
 * request in his notifications and accepts; Ana's list then offers the chat. The same control
 * works from a dancer's profile and from their message in the event chat; axe finds nothing
 * serious in either theme, and the list fits 320 px.
 */
import { api } from '@spotlight/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../backend/test/harness';
import { axeInBothThemes } from './support/a11y';
import { DOCS, launchChromium, layoutProblems, screenshot, startApp } from './support/app';
import { joinEvent, openEventChat, register } from './support/flows';
import { newPhone, unexpectedErrors, type Phone } from './support/phone';

const NARROW = { width: 360, height: 800 };
const EVENT = 'Prague Swing Marathon';
/** Leila's display name is Arabic: the list must show it right to left, not garbled. */
const LEILA = 'ليلى';

const dancers = (page: Page) => page.getByRole('list', { name: 'Dancers at this event' });
const row = (page: Page, name: string): Locator =>
  dancers(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

describe('finding a recording partner from the event’s list of dancers', () => {
  let t: TestServer;
  let browser: Browser;
  let ana: Phone;
  let ben: Phone;
  let benUser: TestUser;
  let leila: TestUser;
  let eventId: number;

  beforeAll(async () => {
    t = await startApp();
    ({ id: eventId } = await t.createEvent({
      name: EVENT,
      location: 'Prague, Czechia',
      startDate: '2030-05-01',
      endDate: '2030-05-04',
    }));
    const as = (user: TestUser) => ({ token: user.token });
    // Ben joined earlier and is not in the app now; Dora filmed him once, elsewhere, and rated him.
    benUser = await t.registerUser({ username: 'Ben', email: 'ben@example.test' });
    await t.call(
      api.users.updateMe,
      { body: { danceRole: 'leader', division: 'novice', country: 'PL' } },
      as(benUser),
    );
    const dora = await t.registerUser({ username: 'Dora' });
    const { id: earlier } = await t.createEvent({ name: 'Earlier Swing' });
    for (const user of [benUser, dora]) {
      await t.call(api.events.join, { params: { id: earlier } }, as(user));
    }
    const past = await t.call(
      api.matches.create,
      { body: { targetUserId: benUser.id, eventId: earlier } },
      as(dora),
    );
    await t.call(
      api.matches.update,
      { params: { id: past.body.id }, body: { status: 'accepted' } },
      as(benUser),
    );
    await t.call(
      api.matches.update,
      { params: { id: past.body.id }, body: { status: 'completed' } },
      as(dora),
    );
    const rated = await t.call(
      api.ratings.create,
      { body: { matchId: past.body.id, score: 5, wouldCollaborateAgain: true } },
      as(dora),
    );
    expect(rated.status).toBe(201);
    leila = await t.registerUser({ username: 'leila' });
    await t.call(
      api.users.updateMe,
      {
        body: {
          displayName: LEILA,
          danceRole: 'follower',
          division: 'intermediate',
          country: 'EG',
        },
      },
      as(leila),
    );
    for (const user of [benUser, leila]) {
      await t.call(api.events.join, { params: { id: eventId } }, as(user));
    }

    browser = await launchChromium();
    ana = await newPhone(browser, t.url, 'Ana');
    ben = await newPhone(browser, t.url, 'Ben');
    for (const phone of [ana, ben]) await phone.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists every other dancer with role, division, rating and presence; the count agrees', async () => {
    const { page } = ana;
    await register(page, ana.dancer);
    await joinEvent(page, EVENT);
    await dancers(page).waitFor();

    // Ana is not in her own list: two others, counted as two.
    await page.getByRole('heading', { name: 'Dancers (2)', level: 2 }).waitFor();
    expect(await dancers(page).getByRole('listitem').count()).toBe(2);
    const benRow = row(page, 'Ben');
    await benRow.getByText('Leader · Novice').waitFor();
    await benRow.getByRole('img', { name: '5 out of 5, 1 rating' }).waitFor();
    await benRow.getByRole('img', { name: 'Poland' }).waitFor();
    // Ben is not in the event chat: no "online" dot.
    expect(await benRow.getByRole('img', { name: 'online' }).count()).toBe(0);
    const leilaRow = row(page, LEILA);
    await leilaRow.getByText('Follower · Intermediate').waitFor();
    await leilaRow.getByText('No ratings yet').waitFor();
    expect(await leilaRow.locator('[dir="auto"]').first().textContent()).toBe(LEILA);
    expect(
      await page
        .getByRole('button', { name: `Request recording partner: ${ana.dancer.username}` })
        .count(),
    ).toBe(0);

    expect(await layoutProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await layoutProblems(page)).toEqual([]);
    await page.setViewportSize(NARROW);
  });

  it('asks Ben, who is away: the button turns into "Requested"', async () => {
    const { page } = ana;
    const benRow = row(page, 'Ben');
    await benRow.getByRole('button', { name: 'Request recording partner: Ben' }).click();
    const requested = benRow.getByRole('link', { name: 'Requested: your request to Ben' });
    await requested.waitFor();
    // Focus follows the control, so a screen reader hears what happened.
    expect(await requested.evaluate((el) => el === document.activeElement)).toBe(true);
    await benRow.getByRole('status').filter({ hasText: 'Ben gets a notification' }).waitFor();
    // Still there after a reload: the server holds the request.
    await page.reload();
    await row(page, 'Ben')
      .getByRole('link', { name: /^Requested/ })
      .waitFor();

    expect(await axeInBothThemes(page, 'event dancers')).toEqual([]);
  });

  it('Ben opens the app later, finds the request and accepts; Ana’s list offers the chat', async () => {
    const { page } = ben;
    await signIn(page, benUser);
    await page.goto('/notifications');
    await page.getByText(`${ana.dancer.username} asks you to be recording partners`).click();
    await page
      .getByText(`${ana.dancer.username} asked you to be their recording partner.`)
      .waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('You’re partners.', { exact: false }).waitFor();

    // Ana's page follows without a reload.
    const open = row(ana.page, 'Ben').getByRole('link', { name: 'Matched — Open chat with Ben' });
    await open.waitFor();
    await open.click();
    await ana.page.waitForURL(/\/matches\/\d+$/);
  });

  it('Ben asks Leila from her message in the event chat', async () => {
    await t.server.services.chat.sendEventMessage(leila.id, eventId, {
      content: 'Anyone free to film the Intermediate J&J prelims?',
      type: 'text',
    });
    const { page } = ben;
    await openEventChat(page, eventId);
    const more = page.getByRole('button', { name: `Actions for ${LEILA}’s message` });
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: `Request recording partner: ${LEILA}` }).click();
    await page.getByRole('link', { name: `Requested: your request to ${LEILA}` }).waitFor();
    expect(await layoutProblems(page)).toEqual([]);

    // Ben is in the chat now: Ana's list shows him online.
    await ana.page.goto(`/events/${eventId}`);
    await row(ana.page, 'Ben').getByRole('img', { name: 'online' }).waitFor();
    await row(ana.page, 'Ben')
      .getByRole('link', { name: /^Matched — Open chat/ })
      .waitFor();
    expect(await axeInBothThemes(ana.page, 'event dancers, matched and online')).toEqual([]);
    // The whole page, tall enough to show the list under the event's facts.
    await ana.page.setViewportSize({ width: NARROW.width, height: 1320 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await ana.page.emulateMedia({ colorScheme });
      const name = colorScheme === 'light' ? 'event-dancers' : 'event-dancers-dark';
      await screenshot(ana.page, name, { dir: DOCS });
    }
    await ana.page.emulateMedia({ colorScheme: 'light' });
    await ana.page.setViewportSize(NARROW);
  });

  it('Ana asks Leila from her profile, opened from the list', async () => {
    const { page } = ana;
    await row(page, LEILA).getByRole('link', { name: LEILA, exact: true }).click();
    await page.waitForURL(new RegExp(`/users/${leila.id}\\?event=${eventId}$`));
    const partner = page.getByRole('region', { name: 'Recording partner' });
    await partner.getByText(`At ${EVENT}`).waitFor();
    await partner.getByRole('button', { name: `Request recording partner: ${LEILA}` }).click();
    await partner.getByRole('link', { name: `Requested: your request to ${LEILA}` }).waitFor();
    expect(await layoutProblems(page)).toEqual([]);

    // Back on the event page, her row says so too.
    await page.goto(`/events/${eventId}`);
    await row(page, LEILA)
      .getByRole('link', { name: /^Requested/ })
      .waitFor();
  });

  it('had no unexpected page errors', () => {
    expect(unexpectedErrors(ana)).toEqual([]);
    expect(unexpectedErrors(ben)).toEqual([]);
  });
});
