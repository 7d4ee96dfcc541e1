import type { OutboundStore, StaleSubscriptions } from '../outbound-store.js';
import type { SqliteDatabase } from './database.js';

/** `findStaleSubscriptions` on SQLite: one pass over the subscriptions, `events` unnested by json_each, counted in SQL. */
export function createSqliteFindStaleSubscriptions(db: SqliteDatabase): OutboundStore['findStaleSubscriptions'] {
  const query = db.prepare(`WITH stale AS MATERIALIZED (
      SELECT s.id, e.value AS type FROM subscriptions s, json_each(s.events) e
      WHERE s.status = 'active' AND s.deleted_at IS NULL
        AND e.value NOT IN (SELECT value FROM json_each(@known))
        AND NOT EXISTS (SELECT 1 FROM json_each(s.events) w WHERE w.value = '*'))
    SELECT (SELECT COUNT(DISTINCT id) FROM stale) AS count,
      (SELECT json_group_array(id) FROM (SELECT DISTINCT id FROM stale ORDER BY id LIMIT @limit)) AS ids,
      (SELECT json_group_array(type) FROM (SELECT DISTINCT type FROM stale)) AS types`);
  return async (known, limit): Promise<StaleSubscriptions> => {
    const row = query.get({ known: JSON.stringify(known), limit }) as { count: number; ids: string; types: string };
    // json_group_array promises no order, so the lists are sorted here.
    return { count: row.count, ids: (JSON.parse(row.ids) as string[]).sort(), types: (JSON.parse(row.types) as string[]).sort() };
  };
}
