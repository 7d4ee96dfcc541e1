import { dirname } from 'node:path';
import type { Store } from '../store.js';
import { BodyLog } from './body-log.js';
import { listMigrations, openSqlite } from './database.js';
import { startCheckpointer } from './checkpointer.js';
import { createSqliteInboundStore } from './inbound-store.js';
import { createSqliteOutboundStore } from './outbound-store.js';
import { createSqliteQueueStatsStore } from './queue-stats.js';
import { createSqliteRetentionStore } from './retention.js';

export interface SqliteStoreOptions {
  /** Write raw bodies with O_DIRECT where the filesystem allows it (`HOOKSPEC_BODY_LOG_DIRECT_IO`). @default false */
  bodyLogDirectIo?: boolean;
}

/** The embedded store: one better-sqlite3 connection in WAL mode shared by every room. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const db = openSqlite(file);
  // Checkpoints (and their fsyncs) mostly on a background thread, so commits do not wait behind them.
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(db, file);
  // Raw inbound bodies beside the file, written once instead of as WAL + checkpointed overflow pages.
  const bodyLog = file === ':memory:' ? undefined : new BodyLog(`${file}.bodies`, { directIo: options.bodyLogDirectIo });
  return {
    dialect: 'sqlite',
    inbound: createSqliteInboundStore(db, bodyLog),
    outbound: createSqliteOutboundStore(db),
    retention: createSqliteRetentionStore(db, bodyLog),
    queueStats: createSqliteQueueStatsStore(db),
    dataDirectory: file === ':memory:' ? undefined : dirname(file),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async pendingMigrations() {
      const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as string[]);
      return listMigrations().map((m) => m.version).filter((v) => !applied.has(v));
    },
    async close() {
      await checkpointer?.stop();
      bodyLog?.close();
      db.close();
    },
  };
}
