import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../lib/i18n';

/** Every language the app speaks, each named in itself ("Polski"), for a select. */
export const LANGUAGE_OPTIONS = LANGUAGES.map((language) => ({
  value: language,
  label: LANGUAGE_NAMES[language],
}));

/** The app's language on the signed-out pages, so anyone finds theirs whatever is shown now. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const [language, choose] = useLanguage();
  return (
    <label className="inline-flex min-h-11 items-center gap-2 text-slate-600">
      <span>{t('app.language')}</span>
      <select
        value={language}
        onChange={(event) => void choose(event.target.value as Language)}
        className="min-h-11 rounded-xl border border-slate-300 bg-white px-2 text-slate-800"
      >
        {LANGUAGE_OPTIONS.map(({ value, label }) => (
          <option key={value} value={value} lang={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
