/**
 * The app's languages, with i18next: English is bundled (the source, and the fallback for a
 * missing key); each other language is its own chunk, fetched once when chosen. Plurals follow
 * each language's own rules through Intl.PluralRules (Polish: one, few, many, other).
 */
import type { Language } from '@spotlight/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { isLanguage, localeFor, rememberLanguage, storedLanguage } from './language';

type Messages = Record<string, unknown>;

/**
 * One file per area and language (`locales/pl/events.json` holds the `events.*` keys), so that
 * areas are translated and reviewed apart. English is bundled; the others load on demand.
 */
const areaOf = (file: string) => /\/([\w-]+)\.json$/.exec(file)![1]!;

const english = import.meta.glob<Messages>('./locales/en/*.json', {
  eager: true,
  import: 'default',
});
const en: Messages = Object.fromEntries(
  Object.entries(english).map(([file, messages]) => [areaOf(file), messages]),
);

const loaders = import.meta.glob<Messages>(['./locales/*/*.json', '!./locales/en/*.json'], {
  import: 'default',
});

async function load(language: Language) {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const prefix = `./locales/${language}/`;
  const files = Object.entries(loaders).filter(([file]) => file.startsWith(prefix));
  const areas = await Promise.all(
    files.map(async ([file, loader]) => [areaOf(file), await loader()] as const),
  );
  if (areas.length) i18next.addResourceBundle(language, 'translation', Object.fromEntries(areas));
}

/** Shows the app in `language`: loads its messages first, so no screen shows half of it. */
export async function applyLanguage(language: Language) {
  await load(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Starts i18next in the language chosen on this device, or the browser's. */
export async function startI18n(language: Language = storedLanguage()) {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await applyLanguage(language);
}

/** Applies and remembers a choice made on this device (the profile also stores it). */
export async function chooseLanguage(language: Language) {
  rememberLanguage(language);
  await applyLanguage(language);
}

/** The language the app shows now (outside React). */
export const currentLanguage = (): Language =>
  isLanguage(i18next.language) ? i18next.language : 'en';

/** The locale that dates, times, numbers, sizes and speeds are written in (Intl). */
export const appLocale = () => localeFor(currentLanguage());

/** The language the app shows now, and the way to choose another (a re-render follows). */
export function useLanguage(): [Language, (language: Language) => Promise<void>] {
  const { i18n } = useTranslation();
  return [isLanguage(i18n.language) ? i18n.language : 'en', chooseLanguage];
}
