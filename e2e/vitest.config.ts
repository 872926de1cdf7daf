import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's, through playwright-core) against a real server
// serving the built app, on a fresh database per file (PGlite, or a PostgreSQL clone when
// DATABASE_URL is set — the backend's global setup makes the template).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/support/global-setup.ts', './backend/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      BCRYPT_COST: '4',
      JOBS_POLL_SECONDS: '0.5',
      // Never the real WSDC registry: a closed loopback port ("unavailable" at once).
      WSDC_REGISTRY_URL: 'http://127.0.0.1:9/lookup2020/find',
    },
  },
});
