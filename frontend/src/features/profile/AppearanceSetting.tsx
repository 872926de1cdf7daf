import { useTranslation } from 'react-i18next';
import { useTheme, type ThemeChoice } from '../../lib/theme';
import { SelectField } from '../../ui/Field';

/** Light, dark, or whatever the phone is set to; remembered on this device. */
export function AppearanceSetting() {
  const [theme, setTheme] = useTheme();
  const { t } = useTranslation();
  const options: { value: ThemeChoice; label: string }[] = [
    { value: 'system', label: t('settings.themeSystem') },
    { value: 'light', label: t('settings.themeLight') },
    { value: 'dark', label: t('settings.themeDark') },
  ];
  return (
    <SelectField
      label={t('settings.theme')}
      name="theme"
      options={options}
      value={theme}
      onChange={(event) => setTheme(event.target.value as ThemeChoice)}
    />
  );
}
