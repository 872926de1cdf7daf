/**
 * The journey's last steps (see journey.ts): completion and ratings, History and the public
 * profile, and a third dancer who is kept out of the pair's chat.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { register } from './flows';
import { EVENT_NAME, newPhone, unexpectedErrors, userId, type Journey } from './phone';

/** The match is completed and both rate each other (A gives 5, B gives 4). */
export async function completeAndRate({ a, b, shot }: Journey) {
  await a.page.getByRole('button', { name: 'More match actions' }).click();
  await a.page.getByRole('button', { name: 'Mark as done' }).click();
  await a.page.getByRole('button', { name: 'Yes, mark as done' }).click();
  await a.page.getByRole('link', { name: `Rate ${b.dancer.username}` }).click();
  // B's page learns of the completion live.
  await b.page.getByRole('link', { name: `Rate ${a.dancer.username}` }).click();

  await a.page.getByRole('heading', { name: `Rate ${b.dancer.username}` }).waitFor();
  await starLabel(a.page, '5 – Excellent').click();
  await a.page.getByLabel('Comment (optional)').fill('Great angles, sent the video right after.');
  await a.page.getByText(`I would collaborate with ${b.dancer.username} again`).click();
  await shot(a.page, '10-rate-partner');
  await a.page.getByRole('button', { name: 'Submit rating' }).click();
  await a.page.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();

  await starLabel(b.page, '4 – Great').click();
  await b.page.getByRole('button', { name: 'Submit rating' }).click();
  await b.page.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();
}

/** History shows the match for both with the ratings; A reports B; B edits the profile. */
export async function historyAndProfile({ a, b, shot }: Journey) {
  for (const [me, other, gave, got] of [
    [a, b, 5, 4],
    [b, a, 4, 5],
  ] as const) {
    await me.page.goto('/history');
    const card = me.page
      .getByRole('region', { name: 'History' })
      .getByRole('listitem')
      .filter({ hasText: other.dancer.username });
    await card.getByText(EVENT_NAME).waitFor();
    await card.getByText('Completed').waitFor();
    await card.getByRole('img', { name: `${gave} out of 5` }).waitFor();
    await card.getByRole('img', { name: `${got} out of 5` }).waitFor();
  }
  await shot(a.page, '11-history');

  await a.page.goto(`/users/${(await userId(b)).toString()}`);
  await a.page.getByText('from 1 rating').waitFor();
  await a.page.getByText('100% would collaborate again').waitFor();
  await a.page.getByText('Great angles, sent the video right after.').waitFor();
  await shot(a.page, '12-public-profile');
  await a.page.getByRole('button', { name: 'Report user' }).click();
  await a.page.getByLabel('Reason').selectOption('no_show');
  await a.page.getByRole('button', { name: 'Send report' }).click();
  await a.page.getByText('Thanks, the organisers will look into it.').waitFor();

  await b.page.goto('/profile');
  await b.page.getByLabel('City').fill('Warsaw');
  await b.page.getByLabel('Role').selectOption('follower');
  await b.page.getByLabel('WSDC number').fill('12ab');
  await b.page.getByRole('button', { name: 'Save profile' }).click();
  await b.page.getByText('Digits only (your WSDC number)').waitFor();
  await b.page.getByLabel('WSDC number').fill('12345');
  await b.page.getByRole('button', { name: 'Save profile' }).click();
  await b.page.getByText('Profile saved.').waitFor();
  await shot(b.page, '13-profile');
}

/**
 * A third dancer cannot open A and B's private chat; logging out everywhere from a second tab
 * ends the first tab's session live; signing in again works.
 */
export async function thirdDancerShutOut(
  { matchId, shot }: Journey,
  browser: Browser,
  baseURL: string,
) {
  const c = await newPhone(browser, baseURL, 'Cleo');
  await register(c.page, c.dancer);
  await c.page.goto(`/matches/${matchId}`);
  await c.page.getByText('This chat isn’t available').waitFor();
  expect(await c.page.getByText('Perfect, thank you!').count()).toBe(0);
  await shot(c.page, '14-match-not-yours');

  // Logging out everywhere from a second tab ends the first one's session live.
  await c.page.goto('/events');
  await c.page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  const other = await c.context.newPage();
  await other.goto('/profile');
  await other.getByRole('button', { name: 'Log out on every device' }).click();
  await other.getByRole('heading', { name: 'Sign in' }).waitFor();
  await c.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await c.page.getByText('You were signed out').waitFor();
  await other.close();
  await c.page.getByLabel('Email').fill(c.dancer.email);
  await c.page.getByLabel('Password').fill('not the password');
  await c.page.getByRole('button', { name: 'Sign in' }).click();
  await c.page
    .getByRole('alert')
    .filter({ hasText: /password/i })
    .waitFor();
  await c.page.getByLabel('Password').fill(c.dancer.password);
  await c.page.getByRole('button', { name: 'Sign in' }).click();
  await c.page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  expect(unexpectedErrors(c)).toEqual([]);
  await c.context.close();
}

/** The star a dancer taps (the radio inside it is visually hidden). */
function starLabel(page: Page, name: string) {
  return page.locator('label').filter({ has: page.getByRole('radio', { name }) });
}
