import type { RetentionCounts, RetentionStore } from '../retention-store.js';
import type { PostgresPool } from './database.js';

const EXPIRED_EVENTS = `
  SELECT e.id FROM events e
   WHERE e.created_at < $1
     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ('pending', 'delivering'))`;

/** Retention on PostgreSQL; each events batch is one short transaction. */
export function createPostgresRetentionStore(pool: PostgresPool): RetentionStore {
  return {
    async countExpired(cutoff): Promise<RetentionCounts> {
      const { rows } = await pool.query<RetentionCounts>(
        `WITH expired AS (${EXPIRED_EVENTS}),
              dels AS (SELECT id FROM deliveries WHERE event_id IN (SELECT id FROM expired))
         SELECT (SELECT COUNT(*) FROM expired)::int AS events,
                (SELECT COUNT(*) FROM dels)::int AS deliveries,
                (SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM dels))::int AS attempts,
                (SELECT COUNT(*) FROM inbound_deliveries WHERE received_at < $1 AND status IN ('processed', 'failed'))::int AS inbound,
                (SELECT COUNT(*) FROM inbound_refusals WHERE at < $1)::int AS refusals`,
        [cutoff],
      );
      return rows[0]!;
    },
    async pruneEvents(cutoff, limit) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Another instance pruning at the same time takes other events (SKIP LOCKED).
        const picked = await client.query<{ id: string }>(`${EXPIRED_EVENTS} ORDER BY e.created_at LIMIT $2 FOR UPDATE OF e SKIP LOCKED`, [cutoff, limit]);
        const ids = picked.rows.map((r) => r.id);
        if (ids.length === 0) {
          await client.query('COMMIT');
          return { events: 0, deliveries: 0, attempts: 0 };
        }
        // Lock the deliveries, then drop events one of which was re-queued meanwhile: that work is not done.
        await client.query('SELECT id FROM deliveries WHERE event_id = ANY($1) FOR UPDATE', [ids]);
        const busy = await client.query<{ event_id: string }>(
          "SELECT DISTINCT event_id FROM deliveries WHERE event_id = ANY($1) AND status IN ('pending', 'delivering')",
          [ids],
        );
        const keep = new Set(busy.rows.map((r) => r.event_id));
        const gone = ids.filter((id) => !keep.has(id));
        const attempts = await client.query(
          'DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE event_id = ANY($1))',
          [gone],
        );
        const deliveries = await client.query('DELETE FROM deliveries WHERE event_id = ANY($1)', [gone]);
        await client.query('DELETE FROM idempotency_keys WHERE event_id = ANY($1)', [gone]);
        const events = await client.query('DELETE FROM events WHERE id = ANY($1)', [gone]);
        await client.query('COMMIT');
        return { events: events.rowCount ?? 0, deliveries: deliveries.rowCount ?? 0, attempts: attempts.rowCount ?? 0 };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async pruneInbound(cutoff, limit) {
      const result = await pool.query(
        `DELETE FROM inbound_deliveries WHERE id IN (
           SELECT id FROM inbound_deliveries WHERE received_at < $1 AND status IN ('processed', 'failed')
            ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoff, limit],
      );
      return result.rowCount ?? 0;
    },
    async pruneRefusals(cutoff, limit) {
      const result = await pool.query(
        'DELETE FROM inbound_refusals WHERE id IN (SELECT id FROM inbound_refusals WHERE at < $1 ORDER BY at LIMIT $2)',
        [cutoff, limit],
      );
      return result.rowCount ?? 0;
    },
  };
}
