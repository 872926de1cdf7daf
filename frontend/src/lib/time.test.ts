import { describe, expect, it } from 'vitest';
import { formatDateRange, formatRelative, formatWait } from './time';

const now = new Date('2026-03-14T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
/** Intl puts thin and no-break spaces around the dash; compare with plain spaces. */
const range = (start: string, end: string, locale: string) =>
  formatDateRange(start, end, locale).replace(/[\u2009\u202f\u00a0]/g, ' ');

describe.each(['en-US', 'en-GB'])('formatRelative in %s', (locale) => {
  it('reads like a person would say it', () => {
    expect(formatRelative(ago(10_000), now, locale)).toBe('just now');
    expect(formatRelative(ago(10_000), now, 'de')).toBe('jetzt');
    expect(formatRelative(ago(10_000), now, 'pl')).toBe('teraz');
    expect(formatRelative(ago(5 * 60_000), now, locale)).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3600_000), now, locale)).toBe('3 hours ago');
    expect(formatRelative(ago(26 * 3600_000), now, locale)).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400_000), now, locale)).toBe('3 days ago');
    expect(formatRelative(new Date(now.getTime() + 2 * 86_400_000), now, locale)).toBe('in 2 days');
  });

  it('accepts ISO strings and ignores invalid input', () => {
    expect(formatRelative(ago(120_000).toISOString(), now, locale)).toBe('2 minutes ago');
    expect(formatRelative('not a date', now, locale)).toBe('');
  });
});

describe('formatRelative after a week', () => {
  it('falls back to a date, with the year only when it differs', () => {
    expect(formatRelative(ago(10 * 86_400_000), now, 'en-GB')).toBe('4 Mar');
    expect(formatRelative(ago(10 * 86_400_000), now, 'en-US')).toBe('Mar 4');
    expect(formatRelative(new Date('2025-12-24T12:00:00Z'), now, 'en-GB')).toBe('24 Dec 2025');
    expect(formatRelative(new Date('2025-12-24T12:00:00Z'), now, 'en-US')).toBe('Dec 24, 2025');
  });
});

describe('formatDateRange', () => {
  it('writes a range as en-US does', () => {
    expect(range('2026-12-04', '2026-12-09', 'en-US')).toBe('Dec 4 – 9, 2026');
    expect(range('2026-03-30', '2026-04-02', 'en-US')).toBe('Mar 30 – Apr 2, 2026');
    expect(range('2026-12-30', '2027-01-02', 'en-US')).toBe('Dec 30, 2026 – Jan 2, 2027');
    expect(range('2026-03-12', '2026-03-12', 'en-US')).toBe('Mar 12, 2026');
  });

  it('writes a range as en-GB does', () => {
    expect(range('2026-03-12', '2026-03-14', 'en-GB')).toBe('12 – 14 Mar 2026');
    expect(range('2026-03-30', '2026-04-02', 'en-GB')).toBe('30 Mar – 2 Apr 2026');
    expect(range('2026-12-30', '2027-01-02', 'en-GB')).toBe('30 Dec 2026 – 2 Jan 2027');
    expect(range('2026-03-12', '2026-03-12', 'en-GB')).toBe('12 Mar 2026');
  });
});

describe('formatWait', () => {
  it.each([
    [30, 'in 30 seconds'],
    [61, 'in 2 minutes'],
    [900, 'in 15 minutes'],
    [3601, 'in 2 hours'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatWait(seconds, 'en-GB')).toBe(text);
  });
});
