import { describe, expect, it } from 'vitest';

/** Every component file of the app, and its English messages, as text. */
const sources = {
  ...import.meta.glob<string>('../../**/*.tsx', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../lib/i18n/locales/en/*.json', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
};

describe('"would … again" in ratings', () => {
  it('has one wording, on the rating form and on profiles: collaborate', () => {
    const phrases = Object.entries(sources).flatMap(([path, text]) =>
      [...text.matchAll(/would (\w+)(?: with \{*\w+\}*)? again/g)].map((m) => `${m[1]} (${path})`),
    );
    expect(phrases.length).toBeGreaterThanOrEqual(3);
    for (const phrase of phrases) expect(phrase).toMatch(/^collaborate /);
  });
});
