import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../lib/i18n';
import { isLanguage } from '../lib/i18n/language';

/**
 * The app's language, each listed in itself ("Polski"), so anyone finds theirs whatever the
 * app shows now. `onChosen` also stores it elsewhere (the signed-in account).
 */
export function LanguagePicker({ onChosen }: { onChosen?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <label className="inline-flex min-h-11 items-center gap-2 text-slate-600">
      <span>{t('app.language')}</span>
      <select
        value={current}
        onChange={(event) => {
          const language = event.target.value as Language;
          void chooseLanguage(language);
          onChosen?.(language);
        }}
        className="min-h-11 rounded-xl border border-slate-300 bg-white px-2 text-slate-800"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
