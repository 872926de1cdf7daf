import { countryFlag } from '@spotlight/contracts';
import { countryName } from '../lib/countries';
import { cx } from './cx';

/**
 * A country's flag emoji, read out (and shown on hover) as its name. Platforms without flag
 * emoji (Windows) draw the two letters instead, which still says which country.
 */
export function CountryFlag({ code, className }: { code: string; className?: string }) {
  const name = countryName(code);
  return (
    <span role="img" aria-label={name} title={name} className={cx('shrink-0', className)}>
      {countryFlag(code)}
    </span>
  );
}
