#!/usr/bin/env node
// `npm start`: builds the frontend when its sources are newer than the build, then runs the
// backend, which serves the app, /api and /socket.io on one port (8080 unless PORT says).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { frontendNeedsBuild, buildFrontend, root } from './frontend-build.mjs';

if (process.env.SERVE_FRONTEND !== 'false' && frontendNeedsBuild()) {
  console.log('Building the frontend…');
  try {
    buildFrontend();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const backend = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'backend', 'src', 'server.ts')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => backend.kill(signal));
backend.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
