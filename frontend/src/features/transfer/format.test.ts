import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatSpeed } from './format';

describe('transfer figures as the panel shows them', () => {
  it('sizes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(300 * 1000 * 1000)).toBe('286.1 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatSpeed(12.3 * 1024 ** 2)).toBe('12.3 MB/s');
  });

  it('time left', () => {
    expect(formatEta(0.4)).toBe('0 s');
    expect(formatEta(59)).toBe('59 s');
    expect(formatEta(150)).toBe('3 min');
    expect(formatEta(3900)).toBe('1 h 5 min');
  });
});
