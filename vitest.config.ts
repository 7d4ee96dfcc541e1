import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds PostgreSQL once per run; its suites skip (with one line saying so) or, under CI=true, fail.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallel files low so timing-sensitive integration tests stay honest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
