import { describe, expect, it } from 'vitest';
import { formatDateRange, formatRelative } from './time';

const now = new Date('2026-03-14T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatRelative', () => {
  it('reads like a person would say it', () => {
    expect(formatRelative(ago(10_000), now, 'en')).toBe('just now');
    expect(formatRelative(ago(5 * 60_000), now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3600_000), now, 'en')).toBe('3 hours ago');
    expect(formatRelative(ago(26 * 3600_000), now, 'en')).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400_000), now, 'en')).toBe('3 days ago');
    expect(formatRelative(new Date(now.getTime() + 2 * 86_400_000), now, 'en')).toBe('in 2 days');
  });

  it('falls back to a date after a week, with the year only when it differs', () => {
    expect(formatRelative(ago(10 * 86_400_000), now, 'en-GB')).toBe('4 Mar');
    expect(formatRelative(new Date('2025-12-24T12:00:00Z'), now, 'en-GB')).toBe('24 Dec 2025');
  });

  it('accepts ISO strings and ignores invalid input', () => {
    expect(formatRelative(ago(120_000).toISOString(), now, 'en')).toBe('2 minutes ago');
    expect(formatRelative('not a date', now, 'en')).toBe('');
  });
});

describe('formatDateRange', () => {
  it('shortens ranges within a month and spells out ones across months', () => {
    expect(formatDateRange('2026-03-12', '2026-03-14', 'en-GB')).toBe('12–14 Mar 2026');
    expect(formatDateRange('2026-03-30', '2026-04-02', 'en-GB')).toBe('30 Mar – 2 Apr 2026');
    expect(formatDateRange('2026-03-12', '2026-03-12', 'en-GB')).toBe('12 Mar 2026');
  });
});
