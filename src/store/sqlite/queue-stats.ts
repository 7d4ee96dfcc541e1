import type { QueueStats, QueueStatsStore } from '../queue-stats-store.js';
import type { SqliteDatabase } from './database.js';

/** Queue statistics on SQLite: counts over the partial indexes `deliveries_due` and `deliveries_leased`. */
export function createSqliteQueueStatsStore(db: SqliteDatabase): QueueStatsStore {
  const stats = db.prepare(`
    SELECT
      (SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= @now) AS due,
      (SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at > @now) AS scheduled,
      (SELECT COUNT(*) FROM deliveries WHERE status = 'delivering') AS delivering,
      (SELECT MIN(next_attempt_at) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= @now) AS oldest_due,
      (SELECT COUNT(*) FROM subscriptions WHERE status = 'disabled' AND deleted_at IS NULL) AS disabled`);
  return {
    async queueStats(now): Promise<QueueStats> {
      const nowMs = now.getTime();
      const row = stats.get({ now: nowMs }) as { due: number; scheduled: number; delivering: number; oldest_due: number | null; disabled: number };
      return {
        due: row.due,
        scheduled: row.scheduled,
        delivering: row.delivering,
        oldestDueAgeMs: row.oldest_due === null ? 0 : Math.max(0, nowMs - row.oldest_due),
        disabledSubscriptions: row.disabled,
      };
    },
  };
}
