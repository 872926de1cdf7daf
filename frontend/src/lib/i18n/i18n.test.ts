import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage } from '../errors';
import { formatBytes } from '../format';
import { issueMessage } from '../validation';
import { appLocale, applyLanguage, startI18n } from '.';
import { browserLanguage, localeFor } from './language';

// No DOM here: startI18n and applyLanguage set <html lang> on this stand-in.
beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: {} });
  await startI18n('en');
});
afterAll(async () => {
  await applyLanguage('en');
  vi.unstubAllGlobals();
});

describe('languages', () => {
  it('takes the first of the browser’s languages the app speaks', () => {
    expect(browserLanguage(['pt-BR', 'pl-PL', 'en'])).toBe('pl');
    expect(browserLanguage(['ja'])).toBe('en');
  });

  it('writes dates and numbers with the browser’s own tag when it is in the chosen language', () => {
    expect(localeFor('en', ['en-GB', 'pl'])).toBe('en-GB');
    expect(localeFor('pl', ['en-GB', 'pl-PL'])).toBe('pl-PL');
    expect(localeFor('de', ['en-GB'])).toBe('de');
  });

  it('uses Polish plural forms: 1 one, 3 few, 5 and 12 many, 22 few', async () => {
    await applyLanguage('pl');
    const forms = [1, 3, 5, 12, 22].map((count) => i18next.t('nav.pendingRequests', { count }));
    expect(forms).toEqual([
      i18next.t('nav.pendingRequests_one', { count: 1 }),
      i18next.t('nav.pendingRequests_few', { count: 3 }),
      i18next.t('nav.pendingRequests_many', { count: 5 }),
      i18next.t('nav.pendingRequests_many', { count: 12 }),
      i18next.t('nav.pendingRequests_few', { count: 22 }),
    ]);
    expect(new Set(forms.map((form) => form.replace(/\d+/, ''))).size).toBe(3);
  });

  it('shows a server error by its code, a rule by its kind, and sizes, in the chosen language', async () => {
    await applyLanguage('de');
    expect(appLocale()).toBe('de');
    const taken = new ApiError('username_taken', 'This username is taken; choose another one', 409);
    expect(errorMessage(taken)).toBe('Dieser Benutzername ist vergeben; wähle einen anderen');
    const limited = new ApiError('rate_limited', 'Too many sign-in attempts', 429);
    Object.assign(limited, { retryAfterSeconds: 600 });
    expect(errorMessage(limited)).toBe('Zu viele Versuche. Versuch es in 10 Minuten noch einmal.');
    expect(issueMessage({ code: 'too_small', origin: 'string', minimum: 3, message: 'x' })).toBe(
      'Mindestens 3 Zeichen',
    );
    expect(issueMessage({ message: 'Enter your password' })).toBe('Gib dein Passwort ein');
    expect(formatBytes(1.5 * 1024 ** 3)).toMatch(/^1,5\sGB$/u);

    await applyLanguage('en');
    expect(errorMessage(taken)).toBe('This username is taken; choose another one');
    expect(issueMessage({ message: 'Enter your password' })).toBe('Enter your password');
  });
});
