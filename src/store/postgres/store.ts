import type { Store } from '../store.js';
import { listMigrations, openPostgres, withServerOption } from './database.js';
import { createPostgresInboundStore } from './inbound-store.js';
import { createPostgresOutboundStore } from './outbound-store.js';
import { createPostgresQueueStatsStore } from './queue-stats.js';
import { createPostgresRetentionStore } from './retention.js';

/** Why `/readyz` fails on a server that refuses writes. */
export const READ_ONLY_SERVER = 'the server accepts no writes (transaction_read_only is on: a hot standby, or default_transaction_read_only)';

/**
 * Connections for the delivery worker's hot path (claims, attempt results, lease sweeps), which commit with
 * `synchronous_commit=off`: a PostgreSQL crash may forget the last few hundred ms of them, and that only re-sends
 * those deliveries (at-least-once). Publishes and inbound writes use the main pool and always wait for the flush.
 */
export const WORKER_POOL_SIZE = 4;

/** The shared store: one pg pool per process, many processes per database; every guarantee lives in SQL. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = await openPostgres(url);
  // The delivery worker's claims and results do not wait for the WAL flush (see WORKER_POOL_SIZE).
  const workerPool = await openPostgres(withServerOption(url, '-c synchronous_commit=off'), { poolSize: WORKER_POOL_SIZE, migrate: false }).catch(
    async (err: unknown) => {
      await pool.end();
      throw err;
    },
  );
  return {
    dialect: 'postgres',
    inbound: createPostgresInboundStore(pool),
    outbound: createPostgresOutboundStore(pool, workerPool),
    retention: createPostgresRetentionStore(pool),
    queueStats: createPostgresQueueStatsStore(pool),
    async ping() {
      // A standby after a failover, or a server set read-only, answers reads but refuses every write: not ready.
      const { rows } = await pool.query<{ read_only: string }>("SELECT current_setting('transaction_read_only') AS read_only");
      if (rows[0]?.read_only === 'on') throw new Error(READ_ONLY_SERVER);
    },
    async pendingMigrations() {
      const done = await pool.query<{ version: string }>('SELECT version FROM schema_migrations');
      const applied = new Set(done.rows.map((r) => r.version));
      return listMigrations().map((m) => m.version).filter((v) => !applied.has(v));
    },
    async close() {
      await Promise.all([pool.end(), workerPool.end()]);
    },
  };
}
