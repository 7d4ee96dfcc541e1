import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDirectories } from '../../fs/make-directories.js';

export type SqliteDatabase = Database.Database;

/** How long a write waits for another process's write lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating if needed) a SQLite file in WAL mode and applies pending migrations. */
export function openSqlite(file: string): SqliteDatabase {
  if (file !== ':memory:') makeDatabaseDirectory(file);
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  switchToWal(db);
  // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  applyMigrations(db);
  return db;
}

/** Creates the directory of a database file; the error names the file, so the DATABASE_URL at fault is plain. */
export function makeDatabaseDirectory(file: string): void {
  try {
    makeDirectories(dirname(file));
  } catch (err) {
    throw new Error(`cannot create the directory of the SQLite database ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …). */
export function isBusy(err: unknown): boolean {
  return typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_BUSY');
}

/**
 * Turns WAL on. On a new file this writes its header under an exclusive lock; when another process starting at the
 * same moment holds a lock this one must wait behind, SQLite answers SQLITE_BUSY at once instead of calling the busy
 * handler (it would deadlock), so the switch is tried again here for up to the busy timeout. Startup only: nothing
 * is served yet, so sleeping the thread between tries costs nothing.
 */
function switchToWal(db: SqliteDatabase): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20);
    }
  }
}

/**
 * Forward-only numbered migrations: `NNN_name.sql`, each applied once, in order. One transaction under the write
 * lock (BEGIN IMMEDIATE), which reads what is applied again: processes starting on the same new file at once wait
 * for each other instead of applying the same version twice ("table … already exists").
 */
export function applyMigrations(db: SqliteDatabase): string[] {
  return db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as string[]);
    const pending = listMigrations().filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  }).immediate();
}

export function listMigrations(): { version: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}
