import type { Store } from '../store.js';
import { listMigrations, openPostgres } from './database.js';
import { createPostgresInboundStore } from './inbound-store.js';
import { createPostgresOutboundStore } from './outbound-store.js';
import { createPostgresQueueStatsStore } from './queue-stats.js';
import { createPostgresRetentionStore } from './retention.js';

/** The shared store: one pg pool per process, many processes per database; every guarantee lives in SQL. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = await openPostgres(url);
  return {
    dialect: 'postgres',
    inbound: createPostgresInboundStore(pool),
    outbound: createPostgresOutboundStore(pool),
    retention: createPostgresRetentionStore(pool),
    queueStats: createPostgresQueueStatsStore(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    async pendingMigrations() {
      const done = await pool.query<{ version: string }>('SELECT version FROM schema_migrations');
      const applied = new Set(done.rows.map((r) => r.version));
      return listMigrations().map((m) => m.version).filter((v) => !applied.has(v));
    },
    async close() {
      await pool.end();
    },
  };
}
