import { describe, expect, it } from 'vitest';
import { formatSuccessRate, refreshDelay } from './queries';

describe('refreshDelay', () => {
  const now = Date.parse('2026-12-06T20:00:00Z');

  it('fetches the next code a few seconds before this one expires', () => {
    expect(refreshDelay('2026-12-06T20:01:00Z', now)).toBe(55_000);
  });

  it('waits at least a second, even for a code already expired (a clock ahead)', () => {
    expect(refreshDelay('2026-12-06T19:59:00Z', now)).toBe(1_000);
  });
});

describe('formatSuccessRate', () => {
  it('shows a whole percentage in the locale, and a dash before any transfer', () => {
    expect(formatSuccessRate(0.5, 'en')).toBe('50%');
    expect(formatSuccessRate(2 / 3, 'en')).toBe('67%');
    expect(formatSuccessRate(1, 'fr')).toBe('100\u00a0%');
    expect(formatSuccessRate(null, 'en')).toBe('–');
  });
});
