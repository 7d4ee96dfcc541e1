/** Rows of each kind that are (or were) past the retention period. */
export interface RetentionCounts {
  /** Published events (with their deliveries and attempts). */
  events: number;
  deliveries: number;
  attempts: number;
  /** Finished inbound deliveries (processed or failed) in the inbound log. */
  inbound: number;
  /** Refused inbound requests (bad signature, too large, …). */
  refusals: number;
}

/**
 * Deletion of data older than the retention period (the ops room). Unfinished work is never pruned: an event
 * with a pending or in-flight delivery stays, and so does an inbound delivery not yet processed. Each prune
 * call is one short transaction of at most `limit` rows of its kind, so callers can yield in between.
 */
export interface RetentionStore {
  /** What pruning with this cutoff would delete now (`hookspec prune --dry-run`). */
  countExpired(cutoff: Date): Promise<RetentionCounts>;
  /** Deletes up to `limit` expired events with their deliveries, attempts and idempotency keys. */
  pruneEvents(cutoff: Date, limit: number): Promise<Pick<RetentionCounts, 'events' | 'deliveries' | 'attempts'>>;
  /** Deletes up to `limit` finished inbound deliveries received before the cutoff; resolves with how many. */
  pruneInbound(cutoff: Date, limit: number): Promise<number>;
  /** Deletes up to `limit` refusals recorded before the cutoff; resolves with how many. */
  pruneRefusals(cutoff: Date, limit: number): Promise<number>;
}

/** No rows at all; the starting point for sums. */
export function emptyCounts(): RetentionCounts {
  return { events: 0, deliveries: 0, attempts: 0, inbound: 0, refusals: 0 };
}
