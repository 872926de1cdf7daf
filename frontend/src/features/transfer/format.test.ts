import { describe, expect, it } from 'vitest';
import { formatEta } from './format';

describe('transfer figures as the panel shows them', () => {
  it('time left', () => {
    expect(formatEta(0.4)).toBe('0 s');
    expect(formatEta(59)).toBe('59 s');
    expect(formatEta(150)).toBe('3 min');
    expect(formatEta(3900)).toBe('1 h 5 min');
  });
});
