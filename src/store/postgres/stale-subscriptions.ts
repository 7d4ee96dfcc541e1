import type { OutboundStore, StaleSubscriptions } from '../outbound-store.js';
import type { PostgresPool } from './database.js';

/**
 * `findStaleSubscriptions` on PostgreSQL: one pass over the subscriptions, counted in SQL; `events <@ known` passes
 * by every up-to-date row without unnesting it.
 */
export function createPostgresFindStaleSubscriptions(pool: PostgresPool): OutboundStore['findStaleSubscriptions'] {
  return async (known, limit): Promise<StaleSubscriptions> => {
    const { rows } = await pool.query<StaleSubscriptions>(
      `WITH stale AS MATERIALIZED (
         SELECT s.id, e.type FROM subscriptions s CROSS JOIN LATERAL jsonb_array_elements_text(s.events) AS e(type)
         WHERE s.status = 'active' AND s.deleted_at IS NULL AND NOT (s.events ? '*') AND NOT (s.events <@ $1::jsonb)
           AND NOT ($1::jsonb ? e.type))
       SELECT (SELECT count(DISTINCT id) FROM stale)::int AS count,
         ARRAY(SELECT DISTINCT id FROM stale ORDER BY id LIMIT $2) AS ids,
         ARRAY(SELECT DISTINCT type FROM stale) AS types`,
      [JSON.stringify(known), limit],
    );
    const row = rows[0]!;
    // Sorted here as on SQLite: the database's collation may order types differently.
    return { count: row.count, ids: row.ids.sort(), types: row.types.sort() };
  };
}
