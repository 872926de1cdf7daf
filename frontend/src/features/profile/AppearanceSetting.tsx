import { useTheme, type ThemeChoice } from '../../lib/theme';
import { SelectField } from '../../ui/Field';

const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as this phone' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or whatever the phone is set to; remembered on this device. */
export function AppearanceSetting() {
  const [theme, setTheme] = useTheme();
  return (
    <SelectField
      label="Theme"
      name="theme"
      options={OPTIONS}
      value={theme}
      onChange={(event) => setTheme(event.target.value as ThemeChoice)}
    />
  );
}
