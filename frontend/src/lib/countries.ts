import { COUNTRY_CODES, type CountryCode } from '@spotlight/contracts';
import { appLocale } from './i18n';

// Country names are in the app's language ("Poland", "Polska"); the list sorts by them.
let names: { locale: string; of: Intl.DisplayNames } | undefined;

/** The country's name from its ISO code ("PL" → "Poland"); the code itself if unknown. */
export function countryName(code: string, locale: string = appLocale()): string {
  if (names?.locale !== locale) {
    names = { locale, of: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }) };
  }
  try {
    return names.of.of(code) ?? code;
  } catch {
    return code;
  }
}

let options: { locale: string; list: { value: CountryCode; label: string }[] } | undefined;

/** Every country as a select option, sorted by name in the app's language. */
export function countryOptions(
  locale: string = appLocale(),
): readonly { value: CountryCode; label: string }[] {
  if (options?.locale !== locale) {
    const collator = new Intl.Collator(locale);
    const list = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) }));
    options = { locale, list: list.sort((a, b) => collator.compare(a.label, b.label)) };
  }
  return options.list;
}
