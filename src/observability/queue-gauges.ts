import { Gauge } from 'prom-client';
import type { QueueStats, QueueStatsStore } from '../store/queue-stats-store.js';
import { logger } from './logger.js';
import { registry } from './metrics.js';

/** The store the gauges read on scrape: the last server started in this process. */
let source: QueueStatsStore | undefined;

/** Several gauges are filled from one query; a scrape reads them one after another within this window. */
const SHARED_READ_MS = 1_000;
let lastRead: { at: number; stats: Promise<QueueStats | undefined> } | undefined;

function readStats(): Promise<QueueStats | undefined> {
  const now = Date.now();
  if (!lastRead || now - lastRead.at > SHARED_READ_MS) {
    const store = source;
    lastRead = {
      at: now,
      stats: store
        ? store.queueStats(new Date(now)).catch((err: unknown) => {
            logger.warn({ err }, 'reading queue statistics for /metrics failed');
            return undefined;
          })
        : Promise.resolve(undefined),
    };
  }
  return lastRead.stats;
}

/** A gauge whose value is read from the database when Prometheus scrapes, unless another module already owns the name. */
function scrapedGauge(name: string, help: string, pick: (stats: QueueStats) => number | Record<string, number>, labelNames: string[] = []): void {
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    // Every process sharing the database reads the same value: a cluster's total is the maximum, not the sum.
    aggregator: 'max',
    async collect() {
      const stats = await readStats();
      if (!stats) return;
      const value = pick(stats);
      if (typeof value === 'number') this.set(value);
      else for (const [label, v] of Object.entries(value)) this.set({ [labelNames[0]!]: label }, v);
    },
  });
}

/**
 * Queue depth, oldest due age and disabled subscriptions, collected on scrape from `store` with one query
 * (so they are exact across processes sharing a database, and cost nothing between scrapes).
 */
export function exposeQueueGauges(store: QueueStatsStore): () => void {
  source = store;
  scrapedGauge('hookspec_outbound_queue_depth', 'Deliveries by queue state: due (waiting for a worker), scheduled (waiting for a retry), delivering', (s) => ({ due: s.due, scheduled: s.scheduled, delivering: s.delivering }), ['state']);
  scrapedGauge('hookspec_outbound_oldest_due_age_seconds', 'How long the oldest due delivery has waited for a worker', (s) => s.oldestDueAgeMs / 1000);
  scrapedGauge('hookspec_outbound_subscriptions_disabled', 'Subscriptions currently disabled', (s) => s.disabledSubscriptions);
  return () => {
    if (source === store) source = undefined;
    lastRead = undefined;
  };
}
