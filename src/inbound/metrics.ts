import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from '../observability/metrics.js';

/** Requests per receiver and outcome (accepted, duplicate, or the refusal reason). */
export const inboundRequests = new Counter({
  name: 'hookspec_inbound_requests_total',
  help: 'Inbound webhook requests by provider and outcome.',
  labelNames: ['provider', 'receiver', 'outcome'] as const,
  registers: [registry],
});

/** Accepted deliveries whose payload did not match the catalog schema (lenient policy). */
export const inboundSchemaDrift = new Counter({
  name: 'hookspec_inbound_schema_drift_total',
  help: 'Accepted inbound deliveries that failed schema validation (recorded as drift), by provider and event.',
  labelNames: ['provider', 'event_type'] as const,
  registers: [registry],
});

/** Handler and publish attempts after the ack, by outcome. */
export const inboundDispatch = new Counter({
  name: 'hookspec_inbound_dispatch_total',
  help: 'Inbound dispatch attempts (handlers + publish) by catalog type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

/** Size of the group-commit queue, to see saturation coming before the 503s. */
export const inboundWriteQueue = new Gauge({
  name: 'hookspec_inbound_write_queue',
  help: 'Inbound deliveries waiting for the durable write.',
  registers: [registry],
});

/** Rows per group-commit transaction. */
export const inboundBatchSize = new Histogram({
  name: 'hookspec_inbound_write_batch_size',
  help: 'Inbound deliveries committed per transaction.',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [registry],
});

/** Refusal audit rows dropped because the audit queue was full (a flood). */
export const inboundAuditDropped = new Counter({
  name: 'hookspec_inbound_audit_dropped_total',
  help: 'Refused requests not audited because the audit queue was full.',
  registers: [registry],
});

/** What `hookspec_inbound_buffered_bytes` reads at scrape time (the body budgets register themselves). */
export const bufferedBytesSources = new Set<{ readonly held: number }>();

/** Request body bytes the receivers hold right now (reserved by Content-Length, or read so far when chunked). */
export const inboundBufferedBytes = new Gauge({
  name: 'hookspec_inbound_buffered_bytes',
  help: 'Request body bytes the receivers hold in memory, over all requests in flight.',
  registers: [registry],
  // Read when scraped, so the hot path pays no metric update per request.
  collect() {
    let held = 0;
    for (const source of bufferedBytesSources) held += source.held;
    this.set(held);
  },
});

/** Refusals not written because their source used up its audit budget; each window's count is one `audit_suppressed` row. */
export const inboundAuditSuppressed = new Counter({
  name: 'hookspec_inbound_audit_suppressed_total',
  help: 'Refused requests not audited row by row because their source used up its audit budget (counted in audit_suppressed rows).',
  registers: [registry],
});
