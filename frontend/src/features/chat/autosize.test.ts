import { describe, expect, it } from 'vitest';
import { COMPOSER_MAX_LINES, composerHeight } from './autosize';

// The composer's box: 24 px lines, 10 px padding top and bottom, 1 px borders.
const box = (lines: number) => ({
  scrollHeight: lines * 24 + 20,
  lineHeight: 24,
  padding: 20,
  border: 2,
});

describe('the composer grows with its text', () => {
  it('past two lines, to six, without scrolling', () => {
    expect(COMPOSER_MAX_LINES).toBe(6);
    expect(composerHeight(box(1))).toEqual({ height: 46, scrolls: false });
    expect(composerHeight(box(3))).toEqual({ height: 94, scrolls: false });
    expect(composerHeight(box(6))).toEqual({ height: 166, scrolls: false });
  });

  it('then stops at six lines and scrolls', () => {
    expect(composerHeight(box(7))).toEqual({ height: 166, scrolls: true });
    expect(composerHeight(box(40))).toEqual({ height: 166, scrolls: true });
  });
});
