import type { InboundRefusal, InboundStore } from '../store/inbound-store.js';
import { logger } from '../observability/logger.js';
import { inboundAuditDropped } from './metrics.js';

/** Refusals waiting to be written; beyond this a flood is counted but not written. */
export const AUDIT_QUEUE_MAX = 5000;
/** Refusals are written together at most this often, so a flood costs one transaction per interval. */
export const AUDIT_FLUSH_MS = 200;

/** Batches refusal audit rows into one transaction per interval, bounded in memory and (by pruning) on disk. */
export class RefusalAudit {
  private queue: InboundRefusal[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: InboundStore,
    private readonly keep: number,
  ) {}

  record(refusal: InboundRefusal): void {
    if (this.keep === 0) return;
    if (this.queue.length >= AUDIT_QUEUE_MAX) {
      inboundAuditDropped.inc();
      return;
    }
    this.queue.push(refusal);
    this.timer ??= setTimeout(() => void this.flush(), AUDIT_FLUSH_MS);
  }

  /** Writes what is queued (also called on shutdown and by tests). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    this.flushing = this.store.insertRefusals(rows, this.keep).catch((err) => {
      logger.error({ err, rows: rows.length }, 'writing the inbound refusal audit failed');
    });
    await this.flushing;
  }
}
