import { Counter } from 'prom-client';
import { registry } from '../observability/metrics.js';

/** Rows deleted by retention, by kind (events, deliveries, attempts, inbound, refusals). */
export const prunedRowsTotal = new Counter({
  name: 'hookspec_retention_pruned_rows_total',
  help: 'Rows deleted by retention pruning, by kind',
  labelNames: ['kind'] as const,
  registers: [registry],
});
