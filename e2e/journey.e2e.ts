/**
 * Two dancers, two phones (browser contexts), one event: register, join, chat, match, chat
 * privately, complete, rate each other, see it in History. Plus a third dancer who must not
 * see their private chat, and markup sent as a message that must stay text.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { axeInBothThemes } from './support/a11y';
import { launchChromium, layoutProblems, PHONE, phoneContext, startApp } from './support/app';
import { showActiveUsers } from './support/flows';
import {
  chatInEvent,
  chatLimits,
  chatPrivately,
  completeAndRate,
  EVENT_NAME,
  historyAndProfile,
  joinBoth,
  JOURNEY_EVENTS,
  markupStaysText,
  matchAndAccept,
  newPhone,
  registerBoth,
  takeScreenshots,
  thirdDancerShutOut,
  unexpectedErrors,
  userId,
  type Journey,
} from './support/journey';

describe('two dancers at one event', () => {
  let t: TestServer;
  let browser: Browser;
  const journey = { shot: takeScreenshots } as Journey;

  beforeAll(async () => {
    t = await startApp();
    // One at a time: the ids (in the screenshots' URLs) stay the same on every run.
    for (const event of JOURNEY_EVENTS) {
      const { id } = await t.createEvent(event);
      if (event.name === EVENT_NAME) journey.eventId = id;
    }
    browser = await launchChromium();
    journey.a = await newPhone(browser, t.url, 'Ana');
    journey.b = await newPhone(browser, t.url, 'Ben');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('both register; the form checks with the shared schema and shows the server’s answer', () =>
    registerBoth(journey));

  it('both join the event; the list marks it joined', () => joinBoth(journey));

  it('they chat both ways in the event chat and see each other among active users', () =>
    chatInEvent(journey));

  it('counts characters against the 2,000 limit and refuses more', () => chatLimits(journey));

  it('shows a message with markup as text, and runs no script', () => markupStaysText(journey));

  it('A asks B to be the recording partner; B sees it arrive live and accepts', () =>
    matchAndAccept(journey));

  it('they chat privately, and a video link is sent as a safe link', () => chatPrivately(journey));

  it('the match is completed and both rate each other', () => completeAndRate(journey));

  it('History shows the match for both, with the ratings given and received', () =>
    historyAndProfile(journey));

  it('a third dancer cannot open their private chat; logging out everywhere ends every tab', () =>
    thirdDancerShutOut(journey, browser, t.url));

  it('fits a 360-px phone (no sideways scrolling, tap targets of at least 44 px) and axe finds nothing serious in either theme', async () => {
    const { a, b, eventId, matchId } = journey;
    const bId = await userId(b);
    const pages: [string, string][] = [
      ['/events', 'Events'],
      [`/events/${eventId}`, EVENT_NAME],
      [`/events/${eventId}/chat`, EVENT_NAME],
      [`/matches/${matchId}`, b.dancer.username],
      [`/matches/${matchId}/rate`, `Rate ${b.dancer.username}`],
      ['/history', 'Matches'],
      ['/profile', 'Your profile'],
      [`/users/${bId}`, b.dancer.username],
    ];
    await a.page.setViewportSize({ width: 360, height: 740 });
    const problems: string[] = [];
    const accessibility: string[] = [];
    for (const [url, heading] of pages) {
      await a.page.goto(url);
      await a.page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await expect.poll(() => a.page.locator('[role=status]:has-text("Loading")').count()).toBe(0);
      if (url.endsWith('/chat')) await showActiveUsers(a.page);
      problems.push(...(await layoutProblems(a.page)).map((p) => `${url}: ${p}`));
      accessibility.push(...(await axeInBothThemes(a.page, url)));
    }
    await a.page.setViewportSize(PHONE);

    const guest = await (await phoneContext(browser, t.url)).newPage();
    await guest.setViewportSize({ width: 360, height: 740 });
    for (const url of ['/login', '/register']) {
      await guest.goto(url);
      await guest.getByRole('button', { name: /Sign in|Create account/ }).waitFor();
      problems.push(...(await layoutProblems(guest)).map((p) => `${url}: ${p}`));
      accessibility.push(...(await axeInBothThemes(guest, url)));
    }
    await guest.context().close();
    expect(problems).toEqual([]);
    expect(accessibility).toEqual([]);
  }, 300_000);

  it('raised no page errors', () => {
    // 4xx answers the UI handles (401 before login, 404 for the wrong match) log as console
    // errors in Chromium; anything else is a bug.
    expect([...unexpectedErrors(journey.a), ...unexpectedErrors(journey.b)]).toEqual([]);
  });
});
