/**
 * A validation issue in the app's language. The shared schemas (contracts) write their rules in
 * English, for the API's answers too; in English the app shows those words as they are, and in
 * another language the translation of the rule (by its English text, or by the issue's kind).
 */
import i18next from 'i18next';
import { currentLanguage } from './i18n';

/** The shared schemas' own messages, by their English text. */
const RULES: Record<string, string> = {
  'Enter your password': 'validation.enterPassword',
  'Enter a valid email address': 'validation.email',
  'This password is too common; choose another one': 'validation.commonPassword',
  'Latin letters a–z, digits, dot, dash and underscore; no spaces or accents':
    'validation.username',
  'Digits only (your WSDC number)': 'validation.wsdc',
  'Digits only, at most 7 (your WSDC number)': 'validation.wsdc',
  'Choose a country from the list': 'validation.country',
  'Must be an http or https link': 'validation.link',
  'A link must be an http or https URL': 'validation.link',
  'Write something first': 'validation.empty',
  'Must be a positive whole number': 'validation.wholeNumber',
  'The link is incomplete; open it from the mail again': 'validation.incompleteLink',
  'A heat may be listed once': 'validation.heatTwice',
};

/** What a zod issue carries that the message depends on. */
export interface IssueLike {
  code?: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

export function issueMessage(issue: IssueLike): string {
  if (currentLanguage() === 'en') return issue.message;
  const rule = RULES[issue.message];
  if (rule) return i18next.t(rule);
  if (issue.origin === 'string' && issue.code === 'too_small' && issue.minimum !== undefined) {
    const count = Number(issue.minimum);
    return count <= 1
      ? i18next.t('validation.required')
      : i18next.t('validation.atLeast', { count });
  }
  if (issue.origin === 'string' && issue.code === 'too_big' && issue.maximum !== undefined) {
    return i18next.t('validation.atMost', { count: Number(issue.maximum) });
  }
  const social = /^A link to your (.+) profile, like (\S+)$/.exec(issue.message);
  if (social) return i18next.t('validation.socialLink', { network: social[1], example: social[2] });
  return i18next.t('validation.invalid');
}
