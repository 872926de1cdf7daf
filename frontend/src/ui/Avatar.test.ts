import { describe, expect, it } from 'vitest';
import { initials } from './Avatar';

describe('avatar initials', () => {
  it('takes the first letter of up to two words', () => {
    expect(initials('ana lopez')).toBe('AL');
    expect(initials('west_coast.swing')).toBe('WC');
    expect(initials('  ')).toBe('?');
  });

  it('keeps an emoji whole, never half a surrogate pair', () => {
    expect(initials('Marta 💃')).toBe('M💃');
    expect(initials('💃🏽 Dancer')).toBe('💃🏽D');
    expect(initials('👩‍❤️‍👨 couple')).toBe('👩‍❤️‍👨C');
    expect(initials('🇵🇱 Kasia')).toBe('🇵🇱K');
    expect(initials('Marta 💃')).not.toContain('\uFFFD');
  });

  it('keeps a letter with its combining marks', () => {
    expect(initials('e\u0301mile zola')).toBe('\u00c9Z');
    expect(initials('n\u0303u\u0308 x')).toBe('\u00d1X');
  });
});
