import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Each file starts its own server on its own database; two at a time fit two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      // bcrypt at cost 12 takes ~250 ms a hash; tests register hundreds of users. One test
      // checks that the default cost is 12.
      BCRYPT_COST: '4',
      JOBS_POLL_SECONDS: '0.5',
      // No test reaches the real WSDC registry: a closed loopback port answers "unavailable" at
      // once, and wsdc tests start a local fake (test/support/wsdc-registry.ts) instead.
      WSDC_REGISTRY_URL: 'http://127.0.0.1:9/lookup2020/find',
    },
  },
});
