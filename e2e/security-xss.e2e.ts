/**
 * Stored XSS, end to end: markup planted in every place a dancer can write (profile fields, a
 * rating comment, event chat, private chat, a report) comes back from the API verbatim and is
 * shown by the browser as text. Detectors count any script that runs, any dialog, and any
 * element the markup would have created.
 */
import { api } from '@spotlight/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../backend/test/harness';
import { launchChromium, phoneContext, startApp, watchErrors } from './support/app';

const PAYLOADS = {
  displayName: '<img src=x onerror=window.__xss++>',
  city: '"><svg onload=window.__xss++>',
  comment: '<script>window.__xss++</script><img src=y onerror="window.__xss++">',
  event: '<iframe srcdoc="<script>parent.__xss++</script>"></iframe>',
  private: '<a href="javascript:window.__xss++">tap me</a><style>body{display:none}</style>',
  report: '<img src=z onerror=alert(document.cookie)>',
};

describe('stored XSS', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let attacker: TestUser;
  let victim: TestUser;
  let matchId: number;
  let eventId: number;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    ({ id: eventId } = await t.createEvent({
      name: 'Swing & Script',
      startDate: '2030-05-01',
      endDate: '2030-05-03',
    }));
    attacker = await t.registerUser({ displayName: PAYLOADS.displayName });
    victim = await t.registerUser();
    const as = (user: TestUser) => ({ token: user.token });
    await t.call(api.users.updateMe, { body: { city: PAYLOADS.city } }, as(attacker));
    for (const user of [attacker, victim])
      await t.call(api.events.join, { params: { id: eventId } }, as(user));
    const match = await t.call(
      api.matches.create,
      { body: { targetUserId: victim.id, eventId } },
      as(attacker),
    );
    matchId = match.body.id;
    await t.call(
      api.matches.update,
      { params: { id: matchId }, body: { status: 'accepted' } },
      as(victim),
    );
    await t.server.services.chat.sendEventMessage(attacker.id, eventId, {
      content: PAYLOADS.event,
      type: 'text',
    });
    await t.server.services.chat.sendPrivateMessage(attacker.id, matchId, {
      content: PAYLOADS.private,
      type: 'text',
    });
    await t.call(
      api.matches.update,
      { params: { id: matchId }, body: { status: 'completed' } },
      as(attacker),
    );
    await t.call(
      api.ratings.create,
      { body: { matchId, score: 1, comment: PAYLOADS.comment } },
      as(attacker),
    );

    browser = await launchChromium();
    const context = await phoneContext(browser, t.url);
    // Counts scripts that run; a page of ours never sets it.
    await context.addInitScript(() => {
      (window as unknown as { __xss: number }).__xss = 0;
    });
    page = await context.newPage();
    watchErrors(page, errors);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/login');
    await page.getByLabel('Email').fill(victim.email);
    await page.getByLabel('Password').fill(victim.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Nothing the markup would create exists, no script ran, and the page is still visible. */
  async function expectInert() {
    const injected = await page
      .locator(
        'main img[src="x"], main img[src="y"], main img[src="z"], main svg[onload], main iframe, main script, main style',
      )
      .count();
    expect(injected).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.locator('body').isVisible()).toBe(true);
  }

  it('returns every payload verbatim from the API', async () => {
    const profile = await t.call(
      api.users.get,
      { params: { id: attacker.id } },
      { token: victim.token },
    );
    expect(profile.body.displayName).toBe(PAYLOADS.displayName);
    expect(profile.body.city).toBe(PAYLOADS.city);
    const ratings = await t.call(
      api.ratings.byUser,
      { params: { id: victim.id } },
      { token: victim.token },
    );
    expect(ratings.body.items[0]?.comment).toBe(PAYLOADS.comment);
    const report = await t.call(
      api.reports.create,
      { body: { reportedUserId: victim.id, reason: 'other', details: PAYLOADS.report } },
      { token: attacker.token },
    );
    expect(report.status).toBe(201);
    expect(report.body.details).toBe(PAYLOADS.report);
    const history = await t.call(
      api.chat.matchHistory,
      { params: { id: matchId } },
      { token: victim.token },
    );
    expect(history.body.items.map((m) => m.content)).toContain(PAYLOADS.private);
  });

  it("shows the attacker's profile fields as text", async () => {
    await page.goto(`/users/${attacker.id}`);
    await page.getByText(PAYLOADS.displayName).first().waitFor();
    await page.getByText(PAYLOADS.city, { exact: false }).first().waitFor();
    await expectInert();
  });

  it('shows a rating comment as text on the profile it was left on', async () => {
    await page.goto(`/users/${victim.id}`);
    await page.getByText(PAYLOADS.comment).waitFor();
    await expectInert();
  });

  it('shows event chat and private chat markup as text, and never makes a javascript: link', async () => {
    await page.goto(`/events/${eventId}/chat`);
    await page.getByText(PAYLOADS.event).waitFor();
    await expectInert();
    await page.goto(`/matches/${matchId}`);
    await page.getByText(PAYLOADS.private).waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expectInert();
  });

  it('shows the attacker’s name as text in History', async () => {
    await page.goto('/history');
    await page.getByText(PAYLOADS.displayName).first().waitFor();
    await expectInert();
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
