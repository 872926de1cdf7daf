/**
 * The app's own messages, read from its locale files, so that a test in Polish or German finds
 * each button by the words that language shows, not by an English copy kept here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '@spotlight/contracts';

const LOCALES = path.join(
  import.meta.dirname,
  '..',
  '..',
  'frontend',
  'src',
  'lib',
  'i18n',
  'locales',
);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>) {
  for (const [key, value] of Object.entries(tree)) {
    const name = `${prefix}.${key}`;
    if (typeof value === 'string') out.set(name, value);
    else flatten(value, name, out);
  }
  return out;
}

/** `t(key, values)` in `language`, as i18next renders it: `{{name}}` filled, plurals by `count`. */
export function messagesOf(language: Language) {
  const dir = path.join(LOCALES, language);
  const messages = new Map<string, string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Tree;
    flatten(tree, file.replace(/\.json$/, ''), messages);
  }
  const plural = new Intl.PluralRules(language);
  return (key: string, values: Record<string, string | number> = {}) => {
    const count = values.count;
    const form = typeof count === 'number' ? `${key}_${plural.select(count)}` : key;
    const text = messages.get(form) ?? messages.get(key);
    if (text === undefined) throw new Error(`${language}: no message ${key}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
  };
}
