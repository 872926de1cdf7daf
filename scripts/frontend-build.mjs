// Whether frontend/dist is older than its sources, and how to rebuild it. Shared by
// `npm start`, the end-to-end setup and bench/frontend.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'frontend', 'dist');
const builtIndex = path.join(distDir, 'index.html');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const sources = [
  'frontend/src',
  'frontend/public',
  'frontend/index.html',
  'frontend/vite.config.ts',
  'frontend/tailwind.config.js',
  'frontend/package.json',
  'contracts',
].map((p) => path.join(root, p));

/** True when there is no build, or a source changed after it. */
export function frontendNeedsBuild() {
  return (
    !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs
  );
}

/** Runs the production build (`vite build`); throws when it fails. */
export function buildFrontend({ quiet = false } = {}) {
  const result = spawnSync('npm', ['run', 'build', '-w', 'frontend'], {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    // Vite builds React in development mode when NODE_ENV says so (Vitest sets it to `test`).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    throw new Error(`frontend build failed (${result.status})\n${result.stderr ?? ''}`);
  }
}

/** Builds when needed; returns whether it did. */
export function ensureFrontendBuilt(options) {
  if (!frontendNeedsBuild()) return false;
  buildFrontend(options);
  return true;
}
