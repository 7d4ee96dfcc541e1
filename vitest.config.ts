import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds PostgreSQL once per run; its suites skip (with one line saying so) or, under CI=true, fail.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for something to happen (a page to render, a row to be processed): 1 s is short on a loaded CI.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: keep parallel files low so timing-sensitive integration tests stay honest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
