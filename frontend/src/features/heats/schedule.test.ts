import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import heats from '../../lib/i18n/locales/en/heats.json';
import { byHeatTime, formatCountdown, formatHeatTime, nextHeat, tickFor } from './schedule';

// The messages are English (the app's i18n, without a browser to pick a language).
beforeAll(() =>
  i18next.init({
    lng: 'en',
    resources: { en: { translation: { heats } } },
    interpolation: { escapeValue: false },
  }),
);

const entry = (id: number, startsAt: string | null) => ({ heat: { id, startsAt } });
const now = Date.parse('2026-12-12T14:00:00Z');

describe('byHeatTime', () => {
  it('puts scheduled heats first, earliest first, then the unscheduled ones in their order', () => {
    const sorted = byHeatTime([
      entry(1, null),
      entry(2, '2026-12-12T15:00:00Z'),
      entry(3, null),
      entry(4, '2026-12-12T09:30:00+01:00'),
      entry(5, '2026-12-12T14:10:00Z'),
    ]);
    expect(sorted.map((e) => e.heat.id)).toEqual([4, 5, 2, 1, 3]);
  });

  it('keeps the given order for heats at the same time, and leaves its input alone', () => {
    const input = [entry(7, '2026-12-12T15:00:00Z'), entry(6, '2026-12-12T15:00:00Z')];
    expect(byHeatTime(input).map((e) => e.heat.id)).toEqual([7, 6]);
    expect(byHeatTime([])).toEqual([]);
    expect(input.map((e) => e.heat.id)).toEqual([7, 6]);
  });
});

describe('nextHeat', () => {
  const entries = [
    entry(1, '2026-12-12T13:50:00Z'), // ended at 13:55 with 5-minute heats
    entry(2, '2026-12-12T14:30:00Z'),
    entry(3, null),
    entry(4, '2026-12-12T14:20:00Z'),
  ];

  it('is the earliest heat that has not ended, with the time until it starts', () => {
    expect(nextHeat(entries, now, 5)).toEqual({ entry: entries[3], startsInMs: 20 * 60_000 });
  });

  it('counts a heat that is on right now, with a negative time', () => {
    const on = nextHeat(entries, now, 15);
    expect(on?.entry.heat.id).toBe(1);
    expect(on?.startsInMs).toBe(-10 * 60_000);
  });

  it('is undefined when every heat is over or has no time', () => {
    expect(nextHeat([entry(3, null)], now, 5)).toBeUndefined();
    expect(nextHeat([entries[0]!], now, 5)).toBeUndefined();
  });
});

describe('formatCountdown', () => {
  it('reads as minutes and seconds in the last hour, rounded up', () => {
    expect(formatCountdown(12 * 60_000 + 4_000)).toBe('in 12:04');
    expect(formatCountdown(59 * 60_000 + 59_500)).toBe('in 1 h 00 min');
    expect(formatCountdown(1)).toBe('in 0:01');
  });

  it('reads as hours and minutes, then days and hours', () => {
    expect(formatCountdown(65 * 60_000)).toBe('in 1 h 05 min');
    expect(formatCountdown(27 * 3_600_000 + 59 * 60_000)).toBe('in 1 d 3 h');
  });

  it('says "now" once the heat has started', () => {
    expect(formatCountdown(0)).toBe('now');
    expect(formatCountdown(-90_000)).toBe('now');
  });
});

describe('tickFor', () => {
  it('ticks every second in the last hour and every 15 s otherwise', () => {
    expect(tickFor(30 * 60_000)).toBe(1_000);
    expect(tickFor(2 * 3_600_000)).toBe(15_000);
    expect(tickFor(-1)).toBe(15_000);
  });
});

describe('formatHeatTime', () => {
  it('says when a heat has no time', () => {
    expect(formatHeatTime(null)).toBe('No time set');
  });

  it('names the day and the time', () => {
    expect(formatHeatTime('2026-12-12T14:05:00Z', 'en-GB')).toMatch(/^Sat \d\d:\d\d$/);
  });
});
