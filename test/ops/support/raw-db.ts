import Database from 'better-sqlite3';
import pg from 'pg';
import { join } from 'node:path';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../../support/postgres.js';
import { makeTempDir, sqliteUrl } from '../../support/temp-dir.js';

/** Raw SQL on a second connection, like another process: `?` placeholders on both dialects. */
export interface Raw {
  run(sql: string, ...params: unknown[]): Promise<void>;
  column(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface Fixture {
  dialect: 'sqlite' | 'postgres';
  store: Store;
  raw: Raw;
  cleanup(): Promise<void>;
}

export async function sqliteFixture(): Promise<Fixture> {
  const tmp = makeTempDir();
  const store = await openStore(sqliteUrl(tmp.dir));
  const db = new Database(join(tmp.dir, 'hookspec.db'));
  return {
    dialect: 'sqlite',
    store,
    raw: {
      run: async (sql, ...params) => void db.prepare(sql).run(...params),
      column: async (sql) => db.prepare(sql).pluck().all(),
      close: async () => void db.close(),
    },
    cleanup: async () => tmp.cleanup(),
  };
}

export async function postgresFixture(): Promise<Fixture> {
  const schema = (await freshPostgres()) as TestPostgres;
  const store = await openStore(schema.url);
  const pool = new pg.Pool({ connectionString: schema.url, max: 2 });
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    dialect: 'postgres',
    store,
    raw: {
      run: async (sql, ...params) => void (await pool.query(numbered(sql), params)),
      column: async (sql) => (await pool.query({ text: sql, rowMode: 'array' })).rows.map((r: unknown[]) => r[0]),
      close: () => pool.end(),
    },
    cleanup: () => schema.drop(),
  };
}

/** Both dialects, PostgreSQL only when the test server is reachable: `[name, open, available]`. */
export const dialects = [
  ['SQLite', sqliteFixture, true],
  ['PostgreSQL', postgresFixture, Boolean(postgresBaseUrl())],
] as const;
