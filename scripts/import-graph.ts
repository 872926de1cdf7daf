/**
 * The frontend's import graph, folder by folder: which part of frontend/src imports which,
 * and how many imports run against the layers (app → features → shared → lib, ui).
 *
 *   npm run graph:imports [-- <another frontend/src, e.g. an older checkout>]
 *
 * A part is `app`, `features/<name>`, `shared`, `lib`, `ui` (or `main.tsx`). An edge is marked
 * `UP` when it points to a higher layer, and `INTERNAL` when a feature reaches into another
 * feature's files instead of its index.ts. Tests (`*.test.ts`, `test/`) are left out. The last
 * line counts the floors: the longest chain of parts that import one another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../frontend/src'));
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  allowImportingTsExtensions: true,
};
const rank: Record<string, number> = { main: 5, app: 4, features: 3, shared: 2, lib: 1, ui: 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `features/chat`, `app`, `lib`, … for a file under frontend/src. */
function partOf(file: string): string {
  const [top = '', second = ''] = path.relative(root, file).split(path.sep);
  if (top === 'features') return `features/${second}`;
  return top.endsWith('.tsx') || top.endsWith('.ts') ? 'main' : top;
}

function verdict(from: string, to: string, target: string): string {
  const [fromLayer = '', toLayer = ''] = [from.split('/')[0], to.split('/')[0]];
  if ((rank[toLayer] ?? 0) > (rank[fromLayer] ?? 0)) return 'UP';
  const isIndex = /^index\.tsx?$/.test(path.relative(path.join(root, to), target));
  if (fromLayer === 'features' && toLayer === 'features' && !isIndex) return 'INTERNAL';
  return '';
}

const edges = new Map<string, { count: number; verdict: string }>();
for (const file of sourceFiles(root)) {
  const from = partOf(file);
  for (const ref of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule;
    if (!resolved || !resolved.resolvedFileName.startsWith(root)) continue;
    const to = partOf(resolved.resolvedFileName);
    if (to === from) continue;
    const key = `${from} → ${to}`;
    const edge = edges.get(key) ?? { count: 0, verdict: '' };
    const mark = verdict(from, to, resolved.resolvedFileName);
    edges.set(key, { count: edge.count + 1, verdict: edge.verdict || mark });
  }
}

const rows = [...edges].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([key]) => key.length));
console.log(`${'from → to'.padEnd(width)}  imports  direction`);
for (const [key, edge] of rows) {
  console.log(`${key.padEnd(width)}  ${String(edge.count).padStart(7)}  ${edge.verdict || 'ok'}`);
}
const wrong = rows.filter(([, edge]) => edge.verdict !== '');

const targets = new Map<string, string[]>();
for (const [key] of rows) {
  const [from = '', to = ''] = key.split(' → ');
  targets.set(from, [...(targets.get(from) ?? []), to]);
}
/** The longest chain from a part down (a cycle counts once). */
function floors(part: string, seen: Set<string>): number {
  if (seen.has(part)) return 0;
  const next = new Set(seen).add(part);
  return 1 + Math.max(0, ...(targets.get(part) ?? []).map((to) => floors(to, next)));
}
const tallest = Math.max(...[...targets.keys()].map((part) => floors(part, new Set())));
console.log(`\n${rows.length} edges, ${wrong.length} against the layers, ${tallest} floors`);
