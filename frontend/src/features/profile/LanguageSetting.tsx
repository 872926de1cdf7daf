import type { Language } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n';
import { SelectField } from '../../ui/Field';
import { LANGUAGE_OPTIONS } from '../../ui/LanguagePicker';

/** The app's language on this device, each listed in itself ("Polski"). */
export function LanguageSetting() {
  const { t } = useTranslation();
  const [language, choose] = useLanguage();
  return (
    <SelectField
      label={t('app.language')}
      name="language"
      options={LANGUAGE_OPTIONS}
      value={language}
      onChange={(event) => void choose(event.target.value as Language)}
    />
  );
}
