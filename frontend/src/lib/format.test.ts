import { describe, expect, it } from 'vitest';
import { formatBytes, formatSpeed } from './format';

describe.each(['en-US', 'en-GB'])('file sizes and speeds in %s', (locale) => {
  it('sizes in 1024 steps, one decimal from MB up', () => {
    expect(formatBytes(0, locale)).toBe('0 bytes');
    expect(formatBytes(1, locale)).toBe('1 byte');
    expect(formatBytes(2048, locale)).toBe('2 kB');
    expect(formatBytes(300 * 1000 * 1000, locale)).toBe('286.1 MB');
    expect(formatBytes(1.5 * 1024 ** 3, locale)).toBe('1.5 GB');
    expect(formatBytes(1536 * 1024 ** 3, locale)).toBe('1,536.0 GB');
  });

  it('speeds', () => {
    expect(formatSpeed(12.3 * 1024 ** 2, locale)).toBe('12.3 MB/s');
    expect(formatSpeed(2048, locale)).toBe('2 kB/s');
    expect(formatSpeed(500, locale)).toBe('500 byte/s');
  });
});

it('follows the locale’s digits and separators', () => {
  expect(formatBytes(1.5 * 1024 ** 3, 'de-DE')).toBe('1,5\u00a0GB');
});
