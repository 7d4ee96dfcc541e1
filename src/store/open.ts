import { parseDatabaseUrl } from './database-url.js';
import type { Store } from './store.js';
import { applyMigrations as applySqliteMigrations, BUSY_TIMEOUT_MS, makeDatabaseDirectory } from './sqlite/database.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
import { applyMigrations as applyPostgresMigrations, openPostgres } from './postgres/database.js';
import { openPostgresStore } from './postgres/store.js';
import Database from 'better-sqlite3';

/** Opens the store a `DATABASE_URL` selects (`postgres://…` → PostgreSQL, `sqlite:…` → SQLite), with migrations applied. */
export async function openStore(databaseUrl: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite') return openSqliteStore(target.file, options);
  return openPostgresStore(target.url);
}

/** Applies pending migrations for either dialect (`hookspec migrate`); resolves with the versions applied now. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') makeDatabaseDirectory(target.file);
    const db = new Database(target.file);
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      return applySqliteMigrations(db);
    } finally {
      db.close();
    }
  }
  const pool = await openPostgres(target.url, { poolSize: 1, migrate: false });
  try {
    return await applyPostgresMigrations(pool);
  } finally {
    await pool.end();
  }
}
