import type { OpsConfig } from '../config/ops.js';
import type { Logger } from '../observability/logger.js';
import type { Stoppable } from '../server/graceful-close.js';
import type { RetentionStore } from '../store/retention-store.js';
import { prunedRowsTotal } from './metrics.js';
import { pruneExpired } from './prune.js';

/** The first run waits a little after start, so it never competes with boot and the first deliveries. */
export const FIRST_RUN_DELAY_MS = 30_000;

/**
 * Prunes in the background every `pruneIntervalMs` (off when that or `retentionDays` is 0). `stop` is a
 * `Stoppable`: it cancels the timer and makes a running prune stop after its current batch.
 */
export function startPruneScheduler(store: RetentionStore, config: OpsConfig, log: Logger): Stoppable {
  const abort = new AbortController();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const enabled = config.retentionDays > 0 && config.pruneIntervalMs > 0;

  const run = async (): Promise<void> => {
    try {
      const totals = await pruneExpired({ store, retentionDays: config.retentionDays, batchSize: config.pruneBatchSize, signal: abort.signal });
      for (const [kind, rows] of Object.entries(totals)) if (rows > 0) prunedRowsTotal.inc({ kind }, rows);
      if (Object.values(totals).some((n) => n > 0)) log.info({ pruned: totals, retention_days: config.retentionDays }, 'pruned expired rows');
    } catch (err) {
      log.error({ err }, 'pruning failed; will try again at the next interval');
    }
  };
  const schedule = (delay: number): void => {
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        if (!abort.signal.aborted) schedule(config.pruneIntervalMs);
      });
    }, delay);
    timer.unref();
  };
  if (enabled) schedule(Math.min(FIRST_RUN_DELAY_MS, config.pruneIntervalMs));

  return {
    name: 'pruner',
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
