import { setTimeout as sleep } from 'node:timers/promises';
import { emptyCounts, type RetentionCounts, type RetentionStore } from '../store/retention-store.js';

/** Pause between batches: delivery and receivers get the database (and the event loop) in between. */
export const PAUSE_BETWEEN_BATCHES_MS = 5;

const DAY_MS = 86_400_000;

export interface PruneOptions {
  store: RetentionStore;
  /** Rows older than this many days go; must be at least 1. */
  retentionDays: number;
  /** Rows per batch (one transaction each). */
  batchSize: number;
  now?: Date;
  /** Stops between batches (shutdown); what was deleted so far stays deleted. */
  signal?: AbortSignal;
  /** Called after every batch with the running totals (CLI progress). */
  onBatch?: (totals: RetentionCounts) => void;
}

/** The instant before which rows are expired. */
export function retentionCutoff(retentionDays: number, now: Date = new Date()): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`retention must be at least 1 day (got ${retentionDays})`);
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** What a prune would delete now (`--dry-run`). */
export async function countExpired(options: Pick<PruneOptions, 'store' | 'retentionDays' | 'now'>): Promise<RetentionCounts> {
  return options.store.countExpired(retentionCutoff(options.retentionDays, options.now));
}

/**
 * Deletes everything past the retention period in small batches (events with their deliveries and attempts,
 * finished inbound deliveries, refusals), pausing between batches. Resolves with what was deleted.
 */
export async function pruneExpired(options: PruneOptions): Promise<RetentionCounts> {
  const { store, batchSize, signal, onBatch } = options;
  const cutoff = retentionCutoff(options.retentionDays, options.now);
  const totals = emptyCounts();
  const kinds: (() => Promise<number>)[] = [
    async () => {
      const gone = await store.pruneEvents(cutoff, batchSize);
      totals.events += gone.events;
      totals.deliveries += gone.deliveries;
      totals.attempts += gone.attempts;
      return gone.events;
    },
    async () => {
      const gone = await store.pruneInbound(cutoff, batchSize);
      totals.inbound += gone;
      return gone;
    },
    async () => {
      const gone = await store.pruneRefusals(cutoff, batchSize);
      totals.refusals += gone;
      return gone;
    },
  ];
  for (const pruneBatch of kinds) {
    for (;;) {
      if (signal?.aborted) return totals;
      const deleted = await pruneBatch();
      onBatch?.(totals);
      // A short batch means nothing older is left of this kind (events still in delivery are skipped for good).
      if (deleted < batchSize) break;
      await sleep(PAUSE_BETWEEN_BATCHES_MS);
    }
  }
  return totals;
}
