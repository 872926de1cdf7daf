import type { Language } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n';
import { errorMessageFor } from '../../lib/errors';
import { SelectField } from '../../ui/Field';
import { LANGUAGE_OPTIONS } from '../../ui/LanguagePicker';
import { useUpdateProfile } from './mutations';

/**
 * The app's language, each listed in itself ("Polski"): shown at once on this device, and kept
 * on the account, so that other devices, the mails and the notifications follow it.
 */
export function LanguageSetting() {
  const { t } = useTranslation();
  const [language, choose] = useLanguage();
  const save = useUpdateProfile();
  const change = async (next: Language) => {
    await choose(next);
    save.mutate({ language: next });
  };
  return (
    <SelectField
      label={t('app.language')}
      name="language"
      options={LANGUAGE_OPTIONS}
      value={language}
      error={save.error ? errorMessageFor(save.error) : undefined}
      onChange={(event) => void change(event.target.value as Language)}
    />
  );
}
