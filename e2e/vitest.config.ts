import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's, through playwright-core) against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
