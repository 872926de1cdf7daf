import { z } from 'zod';

/**
 * The languages the app speaks, as BCP 47 primary subtags. English is the source every other
 * one is translated from, and the fallback for a key a language lacks.
 */
export const LANGUAGES = ['en', 'pl', 'fr', 'es', 'de'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Each language's name in itself, as a language picker lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  pl: 'Polski',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
};
