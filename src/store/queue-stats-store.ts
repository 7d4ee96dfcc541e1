/** What the operator's gauges show about the outbound queue, read in one cheap query per scrape. */
export interface QueueStats {
  /** Pending deliveries due now (waiting for a worker). */
  due: number;
  /** Pending deliveries waiting for a later retry. */
  scheduled: number;
  /** Deliveries leased to a worker right now. */
  delivering: number;
  /** How long the oldest due delivery has waited, in milliseconds; 0 when none is due. */
  oldestDueAgeMs: number;
  /** Subscriptions disabled (and not deleted). */
  disabledSubscriptions: number;
}

/** Read-only statistics for `/metrics` (the ops room); uses the outbound room's partial indexes. */
export interface QueueStatsStore {
  queueStats(now: Date): Promise<QueueStats>;
}
