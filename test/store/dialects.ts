import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { freshPostgres, postgresBaseUrl } from '../support/postgres.js';

/** One database for one test: a URL every store instance (and process) opens, and its teardown. */
export interface TestDatabase {
  url: string;
  cleanup(): Promise<void>;
}

export interface Dialect {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

const sqlite: Dialect = {
  name: 'sqlite',
  async fresh() {
    const tmp = makeTempDir('hookspec-store-');
    return { url: sqliteUrl(tmp.dir), cleanup: async () => tmp.cleanup() };
  },
};

const postgres: Dialect = {
  name: 'postgres',
  async fresh() {
    const db = await freshPostgres();
    if (!db) throw new Error('PostgreSQL vanished during the run');
    return { url: db.url, cleanup: () => db.drop() };
  },
};

/**
 * The dialects the conformance suites run on: SQLite always, PostgreSQL when the global setup found a server
 * (when it did not, it printed one line saying the PostgreSQL suites are skipped, or failed the run under CI=true).
 */
export const DIALECTS: Dialect[] = postgresBaseUrl() ? [sqlite, postgres] : [sqlite];
