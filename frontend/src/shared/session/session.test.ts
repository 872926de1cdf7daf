import { describe, expect, it } from 'vitest';
import { nextPath } from './session';

const from = (path: unknown) => nextPath({ from: path });

describe('where sign-in (and sign-up) goes next', () => {
  it('back to the deep link that asked for it, with its query', () => {
    expect(from('/matches/1')).toBe('/matches/1');
    expect(from('/check-in?token=abc')).toBe('/check-in?token=abc');
  });

  it('to the events without a destination', () => {
    expect(nextPath(undefined)).toBe('/events');
    expect(nextPath(null)).toBe('/events');
    expect(nextPath({})).toBe('/events');
    expect(from(42)).toBe('/events');
  });

  it('never off the site', () => {
    for (const path of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/\\/evil.example/',
      '/\t/evil.example/',
      'javascript:alert(1)',
      'matches/1',
    ]) {
      expect(from(path), path).toBe('/events');
    }
  });
});
