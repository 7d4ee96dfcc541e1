import type { InboundStore } from './inbound-store.js';
import type { OutboundStore } from './outbound-store.js';
import type { QueueStatsStore } from './queue-stats-store.js';
import type { RetentionStore } from './retention-store.js';

/** Everything persistent, behind one async interface per room, so SQLite and PostgreSQL are interchangeable. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly inbound: InboundStore;
  readonly outbound: OutboundStore;
  readonly retention: RetentionStore;
  readonly queueStats: QueueStatsStore;
  /** The local directory the database writes to (SQLite's file); undefined for a server or an in-memory database. */
  readonly dataDirectory?: string;
  /** Resolves when the database answers and would take a write (readiness). */
  ping(): Promise<void>;
  /** Migration versions shipped with this build that the database has not recorded (readiness). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
