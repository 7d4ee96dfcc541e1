import type { TestProject } from 'vitest/node';
import { findPostgres, POSTGRES_CANDIDATES_HINT } from './postgres-probe.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A reachable PostgreSQL server URL for the test suites, or null when there is none (suites skip). */
    postgresBaseUrl: string | null;
  }
}

/** Probes PostgreSQL once per run; says in one line when its suites are skipped, and fails instead under CI=true. */
export default async function setup(project: TestProject): Promise<void> {
  const url = await findPostgres();
  if (!url) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is not reachable and CI=true forbids skipping its suites. ${POSTGRES_CANDIDATES_HINT}`);
    }
    console.warn(`[hookspec] PostgreSQL suites SKIPPED: no server answered. ${POSTGRES_CANDIDATES_HINT}`);
  }
  project.provide('postgresBaseUrl', url ?? null);
}
