import { describe, expect, it } from 'vitest';
import { createTtlCache } from './cache';
import { highestDivision, parseAnswer } from './registry';

const entry = (abbreviation: string) => ({
  division: { name: abbreviation, abbreviation },
  total_points: 1,
  competitions: [],
});

describe('the highest division of a role', () => {
  it('follows the ladder and ignores age and invitation divisions', () => {
    const wcs = { NOV: entry('NOV'), ADV: entry('ADV'), MAS: entry('MAS'), TCH: entry('TCH') };
    expect(highestDivision({ 'West Coast Swing': wcs })).toBe('advanced');
    expect(highestDivision({ 'West Coast Swing': { JRS: entry('JRS') } })).toBeNull();
    expect(highestDivision({ 'West Coast Swing': { CHMP: entry('CHMP') } })).toBe('champion');
  });

  it('is null for no placements (an empty list) or only other styles', () => {
    expect(highestDivision([])).toBeNull();
    expect(highestDivision(null)).toBeNull();
    expect(highestDivision({ Lindy: { INT: entry('INT') } })).toBeNull();
  });
});

describe('a registry answer', () => {
  it('lists nobody when empty, and refuses another shape', () => {
    for (const empty of [null, [], {}, false]) expect(parseAnswer('5', empty)).toBeNull();
    expect(() => parseAnswer('5', { dancer_wsdcid: 5 })).toThrow();
    const other = { dancer_wsdcid: 6, dancer_first: 'A', dancer_last: 'B', leader: null };
    expect(parseAnswer('5', { ...other, follower: null })).toBeNull();
  });
});

describe('the lookup cache', () => {
  it('expires entries after their TTL and drops the least recently used past its size', () => {
    let now = 0;
    const cache = createTtlCache<string>(2, () => now);
    cache.set('a', 'A', 100);
    cache.set('b', 'B', 1000);
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C', 1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    now = 200;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
  });
});
