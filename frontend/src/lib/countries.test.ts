import { countryFlag, COUNTRY_CODES } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries';

describe('countries', () => {
  it('names a code and draws its flag', () => {
    expect(countryName('PL')).toBe('Poland');
    expect(countryName('US')).toBe('United States');
    expect(countryFlag('PL')).toBe('🇵🇱');
    expect(countryFlag('gb')).toBe('🇬🇧');
  });

  it('lists every code once, sorted by name, each with a name of its own', () => {
    const options = countryOptions();
    expect(options).toHaveLength(COUNTRY_CODES.length);
    expect(options.every((o) => o.label !== o.value)).toBe(true);
    const labels = options.map((o) => o.label);
    expect([...labels].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(labels);
    expect(labels.indexOf('Åland Islands')).toBe(1);
  });
});
