import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type PostgresPool = pg.Pool;
export type PostgresClient = pg.PoolClient;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Connections per process: two cores, and a server shared by several hookspec processes (max_connections 100). */
export const DEFAULT_POOL_SIZE = 10;
/**
 * A process frozen in the middle of a transaction (stopped, swapped out, partitioned) would keep its row locks,
 * and SKIP LOCKED claimers and sweepers would pass those rows by for as long; the server ends such a session.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;

// int8 (COUNT, BIGINT) arrives as a string by default; our counters fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens a pool on `url` (search_path may be set with `?options=-c search_path=…`) and, unless told not to, applies pending migrations. */
export async function openPostgres(url: string, options: { poolSize?: number; migrate?: boolean } = {}): Promise<PostgresPool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  // An idle client losing its server connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1').catch((err: Error) => {
      throw new Error(`PostgreSQL at ${describeServer(url)}${connectFailure(url, err)}`, { cause: err });
    });
    if (options.migrate !== false) await applyMigrations(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}

/** Why the first query failed, after the server's name: a server that refused the connection did answer. */
function connectFailure(url: string, err: Error): string {
  if (!(err instanceof pg.DatabaseError)) return ` does not answer: ${err.message}`;
  // 3D000: the server is up, the URL names a database it does not have.
  if (err.code === '3D000') return `: ${err.message}; create it first (CREATE DATABASE ${quoteIdent(databaseName(url))})`;
  return ` refused the connection: ${err.message}`;
}

/** The database a URL names (its path), as PostgreSQL's error spells it. */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** `name` as an SQL identifier: bare when PostgreSQL would keep it as it is, else double-quoted. */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * `url` with a server setting added to its `options` (keeping any `search_path` already there), e.g.
 * `-c synchronous_commit=off` for the connections of the delivery worker.
 */
export function withServerOption(url: string, option: string): string {
  const u = new URL(url);
  const current = u.searchParams.get('options');
  u.searchParams.set('options', current ? `${current} ${option}` : option);
  return u.toString();
}

/** `user@host:port/database` of a URL, never its password, for error messages. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * Forward-only numbered migrations: `NNN_name.sql`, each applied once, in order, in its own transaction.
 * An advisory lock per schema makes instances that start together apply them one at a time.
 */
export async function applyMigrations(db: PostgresPool | pg.ClientBase): Promise<string[]> {
  if (!(db instanceof pg.Pool)) return applyMigrationsOn(db);
  const client = await db.connect();
  let healthy = false;
  try {
    const applied = await applyMigrationsOn(client);
    healthy = true;
    return applied;
  } finally {
    // A client that failed half-way may still hold the session lock: discard it so the lock dies with it.
    client.release(!healthy);
  }
}

async function applyMigrationsOn(client: pg.ClientBase): Promise<string[]> {
  // Session lock, taken before anything else: concurrent CREATE TABLE IF NOT EXISTS can still collide.
  await client.query("SELECT pg_advisory_lock(hashtext('hookspec.migrate.' || current_schema()))");
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)').catch(async (err: unknown) => {
      throw err instanceof pg.DatabaseError && err.code === '3F000' ? await missingSchemaError(client, err) : err;
    });
    const done = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const pending = listMigrations().filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration ${migration.version} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    return pending.map((m) => m.version);
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('hookspec.migrate.' || current_schema()))");
  }
}

/**
 * 3F000 on the first CREATE: no schema of search_path exists. PostgreSQL says "no schema has been selected to
 * create in", which does not tell that the schema of `?options=-c search_path=…` must be created first.
 */
async function missingSchemaError(client: pg.ClientBase, err: Error): Promise<Error> {
  const path = await client.query<{ search_path: string }>('SHOW search_path').then((r) => r.rows[0]?.search_path ?? '', () => '');
  // Names as SHOW spells them (quoted where needed); "$user" stands for a schema named after the role.
  const schemas = path.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '"$user"');
  const [first] = schemas;
  const message =
    first === undefined ? 'no schema in search_path exists; name one with ?options=-c%20search_path%3D<schema> and create it first'
    : schemas.length === 1 ? `schema ${first} in search_path does not exist; create it first (CREATE SCHEMA ${first})`
    : `no schema in search_path (${schemas.join(', ')}) exists; create one first (CREATE SCHEMA ${first})`;
  return new Error(`PostgreSQL: ${message}`, { cause: err });
}

export function listMigrations(): { version: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}

/** SQLSTATEs after which the whole transaction may simply run again: deadlock detected, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
/** Attempts of a transaction that keeps hitting a deadlock before the error is passed on. */
export const TRANSACTION_ATTEMPTS = 5;

/** Runs `fn` in one transaction on one client; rolls back on any error and runs again after a deadlock. */
export async function inTransaction<T>(pool: PostgresPool, fn: (client: PostgresClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= TRANSACTION_ATTEMPTS) throw err;
    } finally {
      client.release();
    }
  }
}
