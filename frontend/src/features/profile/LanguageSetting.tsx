import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../lib/i18n';
import { isLanguage } from '../../lib/i18n/language';
import { SelectField } from '../../ui/Field';

const OPTIONS = LANGUAGES.map((language) => ({
  value: language,
  label: LANGUAGE_NAMES[language],
}));

/** The app's language on this device, each listed in itself ("Polski"). */
export function LanguageSetting() {
  const { t, i18n } = useTranslation();
  return (
    <SelectField
      label={t('app.language')}
      name="language"
      options={OPTIONS}
      value={isLanguage(i18n.language) ? i18n.language : 'en'}
      onChange={(event) => void chooseLanguage(event.target.value as Language)}
    />
  );
}
