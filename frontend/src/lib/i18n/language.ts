import { LANGUAGES, type Language } from '@spotlight/contracts';

const KEY = 'spotlight.language';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's languages the app speaks (`pl-PL` counts as `pl`), or English. */
export function browserLanguage(preferred: readonly string[] = navigator.languages ?? []) {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/**
 * The locale for dates, numbers and country names in `language`: the browser's own tag when it
 * is in that language (`en-GB` keeps day-month order, `de-AT` its own words), else the language.
 */
export function localeFor(
  language: Language,
  preferred: readonly string[] = typeof navigator === 'undefined'
    ? []
    : (navigator.languages ?? []),
) {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** The language chosen on this device, else the browser's. */
export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage blocked: the browser's language.
  }
  return browserLanguage();
}

export function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Storage blocked: the choice holds until the page is closed.
  }
}

export { isLanguage };
