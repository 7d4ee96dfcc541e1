import { Counter, Histogram } from 'prom-client';
import { registry } from '../observability/metrics.js';

/**
 * Attempts by how they ended (succeeded, failed, gone, rate_limited, timeout, network_error) and by the class of
 * the subscriber's HTTP status (`2xx` … `5xx`, or `none` when no response came back).
 */
export const attemptsTotal = new Counter({
  name: 'hookspec_outbound_attempts_total',
  help: 'Outbound delivery attempts by outcome and HTTP status class',
  labelNames: ['outcome', 'status_class'] as const,
  registers: [registry],
});

export const attemptDuration = new Histogram({
  name: 'hookspec_outbound_attempt_duration_seconds',
  help: 'Time from sending a delivery to the end of the subscriber response',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
  registers: [registry],
});

export const eventsPublished = new Counter({
  name: 'hookspec_outbound_events_published_total',
  help: 'Events written to the outbox, by type',
  labelNames: ['type'] as const,
  registers: [registry],
});

export const deliveriesExhausted = new Counter({
  name: 'hookspec_outbound_deliveries_dead_total',
  help: 'Deliveries that exhausted the retry schedule',
  registers: [registry],
});
