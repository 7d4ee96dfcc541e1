import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallel files low so timing-sensitive integration tests stay honest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
