/**
 * Checks the app's translations (`npm run i18n:check`, part of `npm run check`), failing on:
 * - a key the code asks for (`t('…')`) that English lacks;
 * - an English key that no code names (unused: delete it, or use it);
 * - a language that lacks a key or has one English does not, or whose plural key lacks one
 *   of the language's plural forms (Intl.PluralRules: Polish has one, few, many and other);
 * - a translation whose placeholders (`{{name}}`) differ from English's, or an empty one.
 * A key counts as used when the code holds it as a whole string literal, so a map of keys
 * (`{ leader: 'profile.role.leader' }`) counts too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..', 'frontend', 'src');
const LOCALES = path.join(ROOT, 'lib', 'i18n', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** Base key → the plural forms present (empty for a key without plurals). */
function byBase(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (match) forms.add(match[1]!);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const problems: string[] = [];
/** A language's messages: `locales/<language>/<area>.json` holds the keys `<area>.*`. */
function load(language: string) {
  const dir = path.join(LOCALES, language);
  const tree: Tree = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    tree[file.replace(/\.json$/, '')] = JSON.parse(
      readFileSync(path.join(dir, file), 'utf8'),
    ) as Tree;
  }
  return flatten(tree);
}

const english = load('en');
const englishBases = byBase(english.keys());

const literals = new Set<string>();
const asked = new Map<string, string>();
for (const file of sourceFiles(ROOT)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(['"`])([\w.-]+)\1/g)) literals.add(match[2]!);
  for (const match of text.matchAll(/\bt\(\s*(['"`])([^'"`]+)\1/g)) {
    asked.set(match[2]!, path.relative(ROOT, file));
  }
}
for (const [key, file] of asked) {
  if (!englishBases.has(key)) problems.push(`${file}: t('${key}') has no English message`);
}
for (const base of englishBases.keys()) {
  if (!literals.has(base)) problems.push(`en: ${base} is not used by the app`);
}

const languages = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const areas = (language: string) =>
  readdirSync(path.join(LOCALES, language))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .join();
for (const language of languages) {
  if (areas(language) !== areas('en')) {
    problems.push(`${language}: has the files ${areas(language)}, English has ${areas('en')}`);
  }
}
for (const language of languages) {
  const messages = load(language);
  const bases = byBase(messages.keys());
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [base, englishForms] of englishBases) {
    const own = bases.get(base);
    if (!own) {
      problems.push(`${language}: ${base} is missing`);
      continue;
    }
    if (englishForms.size > 0) {
      const lacking = forms.filter((form) => !own.has(form));
      if (lacking.length) problems.push(`${language}: ${base} lacks the plural forms ${lacking}`);
    }
  }
  for (const base of bases.keys()) {
    if (!englishBases.has(base)) problems.push(`${language}: ${base} is not an English key`);
  }
  for (const [key, text] of messages) {
    if (!text.trim()) problems.push(`${language}: ${key} is empty`);
    const base = key.replace(PLURAL, '');
    const reference = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
    if (reference && placeholders(reference).join() !== placeholders(text).join()) {
      problems.push(
        `${language}: ${key} has placeholders ${placeholders(text)}, English has ${placeholders(reference)}`,
      );
    }
  }
}

if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `i18n: ${languages.length} languages, ${englishBases.size} messages each, every key used and present`,
);
