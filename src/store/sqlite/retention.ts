import type { RetentionCounts, RetentionStore } from '../retention-store.js';
import type { BodyLog } from './body-log.js';
import type { SqliteDatabase } from './database.js';
import { createLockWait } from './lock-wait.js';

/** Deliveries in these states are still work to do: their events are kept whatever their age. */
const UNFINISHED_DELIVERY = "('pending', 'delivering')";
/** Inbound deliveries in these states are done: only these are pruned. */
const FINISHED_INBOUND = "('processed', 'failed')";

const EXPIRED_EVENTS = `
  SELECT e.id FROM events e
   WHERE e.created_at < @cutoff
     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ${UNFINISHED_DELIVERY})`;

/** Retention on the SQLite store: every statement prepared once; each prune batch is one transaction. */
export function createSqliteRetentionStore(db: SqliteDatabase, bodyLog?: BodyLog): RetentionStore {
  const segmentInUse = db.prepare('SELECT 1 FROM inbound_deliveries WHERE body_segment = ? LIMIT 1').pluck();
  const countEvents = db.prepare(`SELECT COUNT(*) FROM (${EXPIRED_EVENTS})`).pluck();
  const countDeliveries = db.prepare(`SELECT COUNT(*) FROM deliveries WHERE event_id IN (${EXPIRED_EVENTS})`).pluck();
  const countAttempts = db
    .prepare(`SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE event_id IN (${EXPIRED_EVENTS}))`)
    .pluck();
  const countInbound = db.prepare(`SELECT COUNT(*) FROM inbound_deliveries WHERE received_at < @cutoff AND status IN ${FINISHED_INBOUND}`).pluck();
  const countRefusals = db.prepare('SELECT COUNT(*) FROM inbound_refusals WHERE at < @cutoff').pluck();

  const pickEvents = db.prepare(`${EXPIRED_EVENTS} ORDER BY e.created_at LIMIT @limit`).pluck();
  const deleteAttempts = db.prepare(
    'DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE event_id IN (SELECT value FROM json_each(@ids)))',
  );
  const deleteDeliveries = db.prepare('DELETE FROM deliveries WHERE event_id IN (SELECT value FROM json_each(@ids))');
  const deleteKeys = db.prepare('DELETE FROM idempotency_keys WHERE event_id IN (SELECT value FROM json_each(@ids))');
  const deleteEvents = db.prepare('DELETE FROM events WHERE id IN (SELECT value FROM json_each(@ids))');
  const deleteInbound = db.prepare(
    `DELETE FROM inbound_deliveries WHERE id IN (
       SELECT id FROM inbound_deliveries WHERE received_at < @cutoff AND status IN ${FINISHED_INBOUND} ORDER BY received_at LIMIT @limit)`,
  );
  const deleteRefusals = db.prepare(
    'DELETE FROM inbound_refusals WHERE id IN (SELECT id FROM inbound_refusals WHERE at < @cutoff ORDER BY at LIMIT @limit)',
  );

  // Picking and deleting in one write transaction: a delivery cannot be re-queued in between.
  const pruneEventsTx = db.transaction((cutoff: string, limit: number) => {
    const ids = pickEvents.all({ cutoff, limit }) as string[];
    if (ids.length === 0) return { events: 0, deliveries: 0, attempts: 0 };
    const json = JSON.stringify(ids);
    const attempts = deleteAttempts.run({ ids: json }).changes;
    const deliveries = deleteDeliveries.run({ ids: json }).changes;
    deleteKeys.run({ ids: json });
    const events = deleteEvents.run({ ids: json }).changes;
    return { events, deliveries, attempts };
  });

  // The pruner shares the file with the processes that receive: waiting for their lock must not stall its own loop.
  const withLock = createLockWait(db);

  return {
    async countExpired(cutoff): Promise<RetentionCounts> {
      const p = { cutoff: cutoff.toISOString() };
      return {
        events: countEvents.get(p) as number,
        deliveries: countDeliveries.get(p) as number,
        attempts: countAttempts.get(p) as number,
        inbound: countInbound.get(p) as number,
        refusals: countRefusals.get(p) as number,
      };
    },
    async pruneEvents(cutoff, limit) {
      return withLock(() => pruneEventsTx.immediate(cutoff.toISOString(), limit));
    },
    async pruneInbound(cutoff, limit) {
      const pruned = await withLock(() => deleteInbound.run({ cutoff: cutoff.toISOString(), limit }).changes);
      // Body segments go with the last row that points into them: checked once a run, at its last (short) batch,
      // not for every segment after every batch.
      if (pruned < limit) bodyLog?.dropUnreferenced((segment) => segmentInUse.get(segment) !== undefined);
      return pruned;
    },
    async pruneRefusals(cutoff, limit) {
      return withLock(() => deleteRefusals.run({ cutoff: cutoff.toISOString(), limit }).changes);
    },
  };
}
