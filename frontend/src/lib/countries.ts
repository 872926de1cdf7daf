import { COUNTRY_CODES, type CountryCode } from '@spotlight/contracts';

// The app's text is English, so country names are too; the list sorts by them.
const LOCALE = 'en';
let names: Intl.DisplayNames | undefined;

/** The country's name from its ISO code ("PL" → "Poland"); the code itself if unknown. */
export function countryName(code: string): string {
  names ??= new Intl.DisplayNames([LOCALE], { type: 'region', fallback: 'code' });
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

let options: { value: CountryCode; label: string }[] | undefined;

/** Every country as a select option, sorted by name. */
export function countryOptions(): readonly { value: CountryCode; label: string }[] {
  if (!options) {
    const collator = new Intl.Collator(LOCALE);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
  }
  return options;
}
