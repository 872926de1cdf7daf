/**
 * Frontend bundle size: builds the app for production and prints the gzip size of what
 * index.html loads before any lazy route (entry script, its modulepreloads, stylesheets), the
 * largest lazy chunks, and — as the baseline measured in the same run — a bare React 18
 * "hello" app built by the same Vite. Target (SPEC §7): initial JS under 150 KB gzip.
 *
 *   npm run bench:frontend
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildFrontend, distDir, root } from '../scripts/frontend-build.mjs';

const TARGET_KB = 150;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (file: string) => gzipSync(readFileSync(file)).length;

interface Loaded {
  js: string[];
  css: string[];
}

/** The files a built index.html loads up front (relative to its directory). */
function initialFiles(dir: string): Loaded {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const attr = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => m[1]!.replace(/^\//, ''));
  return {
    js: [
      ...attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

const sum = (dir: string, files: string[]) =>
  files.reduce(
    (total, file) => {
      const full = path.join(dir, file);
      return { raw: total.raw + statSync(full).size, gzip: total.gzip + gzip(full) };
    },
    { raw: 0, gzip: 0 },
  );

/** A bare React 18 app, built with the same Vite: what any React page costs at least. */
async function baseline() {
  const dir = path.join(root, 'bench', '.baseline-react');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>',
  );
  writeFileSync(
    path.join(dir, 'main.js'),
    [
      "import { createElement } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "createRoot(document.getElementById('root')).render(createElement('h1', null, 'hello'));",
    ].join('\n'),
  );
  try {
    await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      build: { outDir: 'dist', emptyOutDir: true },
    });
    const out = path.join(dir, 'dist');
    return sum(out, initialFiles(out).js);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  process.env.NODE_ENV = 'production';
  buildFrontend({ quiet: true });
  const loaded = initialFiles(distDir);
  const js = sum(distDir, loaded.js);
  const css = sum(distDir, loaded.css);
  const initial = new Set([...loaded.js, ...loaded.css]);

  const lazy = readdirSync(path.join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
    .map((f) => ({ file: f, gzip: gzip(path.join(distDir, 'assets', f)) }))
    .sort((a, b) => b.gzip - a.gzip);
  const react = await baseline();

  console.log('spotlight.cam frontend bundle (production build, gzip)');
  console.log('');
  console.log(
    `initial JS   ${kb(js.gzip).padStart(9)}  (${kb(js.raw)} raw, ${loaded.js.length} files)`,
  );
  for (const file of loaded.js) {
    console.log(`  ${file.padEnd(44)} ${kb(gzip(path.join(distDir, file))).padStart(9)}`);
  }
  console.log(`initial CSS  ${kb(css.gzip).padStart(9)}  (${kb(css.raw)} raw)`);
  console.log(
    `baseline     ${kb(react.gzip).padStart(9)}  bare React 18 + react-dom "hello", same Vite, same run`,
  );
  console.log(`app on top   ${kb(js.gzip - react.gzip).padStart(9)}  (initial JS minus baseline)`);
  console.log('');
  console.log(
    `lazy chunks  ${lazy.length} files, ${kb(lazy.reduce((t, c) => t + c.gzip, 0))} in all; largest:`,
  );
  for (const chunk of lazy.slice(0, 8)) {
    console.log(`  ${chunk.file.padEnd(44)} ${kb(chunk.gzip).padStart(9)}`);
  }
  console.log('');
  const ok = js.gzip < TARGET_KB * 1024;
  console.log(
    `target: initial JS < ${TARGET_KB} KB gzip — ${ok ? 'met' : 'MISSED'} (${kb(js.gzip)})`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
