import type { QueueStats, QueueStatsStore } from '../queue-stats-store.js';
import type { PostgresPool } from './database.js';

/** Queue statistics on PostgreSQL: counts over the partial indexes `deliveries_due` and `deliveries_leased`. */
export function createPostgresQueueStatsStore(pool: PostgresPool): QueueStatsStore {
  return {
    async queueStats(now): Promise<QueueStats> {
      const nowMs = now.getTime();
      const { rows } = await pool.query<{ due: number; scheduled: number; delivering: number; oldest_due: number | null; disabled: number }>({
        name: 'hookspec_queue_stats',
        text: `SELECT
                 (SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1)::int AS due,
                 (SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at > $1)::int AS scheduled,
                 (SELECT COUNT(*) FROM deliveries WHERE status = 'delivering')::int AS delivering,
                 (SELECT MIN(next_attempt_at) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1) AS oldest_due,
                 (SELECT COUNT(*) FROM subscriptions WHERE status = 'disabled' AND deleted_at IS NULL)::int AS disabled`,
        values: [nowMs],
      });
      const row = rows[0]!;
      return {
        due: row.due,
        scheduled: row.scheduled,
        delivering: row.delivering,
        oldestDueAgeMs: row.oldest_due === null ? 0 : Math.max(0, nowMs - Number(row.oldest_due)),
        disabledSubscriptions: row.disabled,
      };
    },
  };
}
