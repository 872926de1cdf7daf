/**
 * The journey in other languages: Ana's phone speaks Polish, Ben's German, and Ben's is a
 * 320-px phone in dark mode. Every step is found by the words the app shows in that language
 * (read from its locale files), so an untranslated screen fails here. Then Ben chooses Spanish
 * in his profile, and a phone set to English follows his account.
 */
import type { Language } from '@spotlight/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { axeProblems } from './support/a11y';
import {
  DOCS,
  launchChromium,
  layoutProblems,
  phoneContext,
  screenshot,
  startApp,
  watchErrors,
} from './support/app';
import { buildDancer, deliveredMessage, sendMessage, type Dancer } from './support/flows';
import { messagesOf } from './support/messages';

const EVENT = 'Warsaw Swing Weekend';

interface Phone {
  context: BrowserContext;
  page: Page;
  dancer: Dancer;
  t: ReturnType<typeof messagesOf>;
}

describe('the journey in Polish, and in German on a 320-px phone in dark mode', () => {
  let server: TestServer;
  let browser: Browser;
  let matchId: number;
  let ana: Phone;
  let ben: Phone;
  const errors: string[] = [];
  const problems: string[] = [];

  async function phone(
    language: Language,
    name: string,
    options: { width: number; dark?: boolean; locale: string },
  ): Promise<Phone> {
    const context = await phoneContext(browser, server.url, {
      viewport: { width: options.width, height: 720 },
      locale: options.locale,
      colorScheme: options.dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    watchErrors(page, errors);
    return { context, page, dancer: buildDancer(name), t: messagesOf(language) };
  }

  /** The page fits (no sideways scroll, 44-px targets), and axe finds nothing serious. */
  async function check({ page }: Phone, where: string) {
    problems.push(...(await layoutProblems(page)).map((p) => `${where}: ${p}`));
    problems.push(...(await axeProblems(page)).map((p) => `${where}: ${p}`));
  }

  beforeAll(async () => {
    server = await startApp();
    await server.createEvent({ name: EVENT, startDate: '2030-05-01', endDate: '2030-05-03' });
    browser = await launchChromium();
    ana = await phone('pl', 'Ana', { width: 360, locale: 'pl-PL' });
    ben = await phone('de', 'Ben', { width: 320, dark: true, locale: 'de-DE' });
  });

  afterAll(async () => {
    await ana?.context.close();
    await ben?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('opens in the browser’s language, and checks the form in it', async () => {
    const { page, t } = ana;
    await page.goto('/login');
    await page.getByRole('heading', { name: t('auth.signIn') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');

    await page.goto('/register');
    await page.getByLabel(t('auth.email')).fill('not-an-email');
    await page.getByLabel(t('auth.register.username')).fill('a');
    await page.getByLabel(t('auth.password')).fill('password');
    await page.getByRole('button', { name: t('auth.register.submit') }).click();
    await page.getByText(t('validation.email')).waitFor();
    await page.getByText(t('validation.atLeast', { count: 3 })).waitFor();
    await page.getByText(t('validation.commonPassword')).waitFor();
  });

  it('both register and join the event, each in their language', async () => {
    for (const dancer of [ana, ben]) {
      const { page, t } = dancer;
      await page.goto('/register');
      await page.getByLabel(t('auth.email')).fill(dancer.dancer.email);
      await page.getByLabel(t('auth.register.username')).fill(dancer.dancer.username);
      await page.getByLabel(t('auth.password')).fill(dancer.dancer.password);
      await page.getByRole('button', { name: t('auth.register.submit') }).click();
      await page.getByRole('heading', { name: t('events.title'), level: 1 }).waitFor();
      // The account keeps the language it was created in (mails and pushes use it).
      const me = (await (await page.request.get('/api/users/me')).json()) as { language: string };
      expect(me.language).toBe(dancer === ana ? 'pl' : 'de');
      await check(dancer, `${dancer.dancer.username}: events`);

      await page.getByRole('link', { name: new RegExp(EVENT) }).click();
      await page.getByRole('heading', { name: EVENT, level: 1 }).waitFor();
      await page.getByRole('button', { name: t('events.details.join') }).click();
      await page.getByText(t('events.details.joinedNote')).waitFor();
    }
    await check(ben, 'Ben: event');
  });

  it('Ana asks Ben from the dancers list; Ben accepts in German', async () => {
    await ana.page.reload();
    await ana.page
      .getByRole('list', { name: ana.t('events.participants.list') })
      .getByRole('button', { name: ana.t('shared.request.label', { name: 'Ben' }) })
      .click();
    await ana.page.getByText(ana.t('shared.request.sent', { name: 'Ben' })).waitFor();
    const matches = (await (await ana.page.request.get('/api/matches')).json()) as {
      items: { id: number }[];
    };
    matchId = matches.items[0]!.id;
    await ana.page.goto(`/matches/${matchId}`);
    await ana.page.getByText(ana.t('matches.actions.waiting', { name: 'Ben' })).waitFor();
    await screenshot(ana.page, 'i18n-pl-match-request', { dir: DOCS });

    await ben.page.goto(`/matches/${matchId}`);
    await ben.page.getByRole('button', { name: ben.t('matches.actions.accept') }).click();
    await ben.page.getByText(ben.t('matches.actions.partners')).waitFor();
    await ana.page.getByText(ana.t('matches.actions.partners')).waitFor();
  });

  it('they chat privately; Ben’s 320-px dark phone fits and passes axe', async () => {
    await sendMessage(
      ana.page,
      'Nagram twój heat!',
      ana.t('matches.chat.messageTo', { name: 'Ben' }),
    );
    await deliveredMessage(ben.page, 'Nagram twój heat!').waitFor();
    await sendMessage(ben.page, 'Danke, Ana!', ben.t('matches.chat.messageTo', { name: 'Ana' }));
    await deliveredMessage(ana.page, 'Danke, Ana!').waitFor();
    // User text reads in its own direction: Arabic right to left, inside a German page.
    await sendMessage(ana.page, 'مرحبا بن', ana.t('matches.chat.messageTo', { name: 'Ben' }));
    const arabic = deliveredMessage(ben.page, 'مرحبا بن').locator('p[dir=auto]');
    expect(await arabic.evaluate((p) => p.matches(':dir(rtl)'))).toBe(true);
    const german = deliveredMessage(ben.page, 'Danke, Ana!').locator('p[dir=auto]');
    expect(await german.evaluate((p) => p.matches(':dir(ltr)'))).toBe(true);
    await check(ben, 'Ben: match chat');
    await screenshot(ben.page, 'i18n-de-match-chat-dark', { dir: DOCS });

    await ben.page.goto('/history');
    await ben.page
      .getByRole('heading', { name: ben.t('matches.history.title'), level: 1 })
      .waitFor();
    await check(ben, 'Ben: matches');
    await ben.page.goto('/profile');
    await ben.page.getByRole('heading', { name: ben.t('profile.title'), level: 1 }).waitFor();
    await check(ben, 'Ben: profile');
    expect(problems).toEqual([]);
  });

  it('a language chosen in the profile is kept on the account and followed on another phone', async () => {
    const { page, t } = ben;
    await page.getByLabel(t('app.language')).selectOption('es');
    const es = messagesOf('es');
    await page.getByRole('heading', { name: es('profile.title'), level: 1 }).waitFor();
    await expect
      .poll(
        async () =>
          ((await (await page.request.get('/api/users/me')).json()) as Record<string, unknown>)
            .language,
      )
      .toBe('es');

    const laptop = await browser.newContext({ baseURL: server.url, locale: 'en-GB' });
    try {
      const other = await laptop.newPage();
      await other.goto('/login');
      const en = messagesOf('en');
      await other.getByRole('heading', { name: en('auth.signIn') }).waitFor();
      await other.getByLabel(en('auth.email')).fill(ben.dancer.email);
      await other.getByLabel(en('auth.password')).fill(ben.dancer.password);
      await other.getByRole('button', { name: en('auth.signIn') }).click();
      await other.getByRole('heading', { name: es('events.title'), level: 1 }).waitFor();
      expect(await other.locator('html').getAttribute('lang')).toBe('es');
    } finally {
      await laptop.close();
    }
  });

  it('raised no page errors', () => {
    // A signed-out page asks who is signed in first; the browser logs that 401 on its own.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
