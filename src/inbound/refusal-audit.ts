import { DEFAULT_AUDIT_PER_SOURCE } from '../config/inbound.js';
import type { InboundRefusal, InboundStore } from '../store/inbound-store.js';
import { FailureStreak } from '../observability/failure-streak.js';
import { AuditBudget, type Suppressed } from './audit-budget.js';
import { auditedHeaderNames } from './audited-header-names.js';
import { inboundAuditDropped, inboundAuditSuppressed } from './metrics.js';

/** Refusals waiting to be written; beyond this a flood is counted but not written. */
export const AUDIT_QUEUE_MAX = 5000;
/** Refusals are written together at most this often, so a flood costs one transaction per interval. */
export const AUDIT_FLUSH_MS = 200;
/**
 * Reason of the row standing for refusals a source's budget held back: `body_size` holds how many, `at`, `receiver`
 * and `status` are the last one's.
 */
export const AUDIT_SUPPRESSED = 'audit_suppressed';
/** A declared size beyond this is audited as this: PostgreSQL's column is an `integer`, and one row out of range failed the flush. */
export const MAX_AUDITED_BODY_SIZE = 2 ** 31 - 1;

/**
 * Batches refusal audit rows into one transaction per interval, bounded in memory and (by pruning) on disk. Each
 * source gets a budget of rows per minute (see {@link AuditBudget}); what it holds back becomes one counted row, so
 * one client can neither flush the table nor hide how much it sent.
 */
export class RefusalAudit {
  private queue: InboundRefusal[] = [];
  private timer: NodeJS.Timeout | undefined;
  private countTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly budget: AuditBudget;
  // Written every 200 ms: a database that stays down would otherwise log five errors a second.
  private readonly writeFailures = new FailureStreak('writing the inbound refusal audit');

  constructor(
    private readonly store: InboundStore,
    private readonly keep: number,
    perSource: number = DEFAULT_AUDIT_PER_SOURCE,
    now: () => number = Date.now,
  ) {
    this.budget = new AuditBudget(perSource, now);
  }

  record(refusal: InboundRefusal): void {
    if (this.keep === 0) return;
    if (!this.budget.take(refusal, this.summarise)) {
      inboundAuditSuppressed.inc();
      // A source that goes quiet still gets its count written once its window closes.
      this.countTimer ??= setTimeout(this.writeCounts, this.budget.untilNextCount()).unref();
      return;
    }
    if (this.queue.length >= AUDIT_QUEUE_MAX) {
      inboundAuditDropped.inc();
      return;
    }
    const bodySize = refusal.bodySize === null ? null : Math.min(refusal.bodySize, MAX_AUDITED_BODY_SIZE);
    this.enqueue({ ...refusal, headerNames: auditedHeaderNames(refusal.headerNames), bodySize });
  }

  /** Writes what is queued, and the counts of refusals held back so far (also called on shutdown and by tests). */
  async flush(): Promise<void> {
    this.budget.drain(this.summarise, true);
    clearTimeout(this.countTimer);
    this.countTimer = undefined;
    await this.write();
  }

  private async write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    this.flushing = this.store.insertRefusals(rows, this.keep).then(
      () => this.writeFailures.succeeded(),
      (err: unknown) => this.writeFailures.failed(err, { rows: rows.length }),
    );
    await this.flushing;
  }

  private enqueue(row: InboundRefusal): void {
    this.queue.push(row);
    this.timer ??= setTimeout(() => void this.write(), AUDIT_FLUSH_MS);
  }

  private readonly writeCounts = (): void => {
    this.countTimer = undefined;
    this.budget.drain(this.summarise, false);
    const wait = this.budget.untilNextCount();
    if (wait !== undefined) this.countTimer = setTimeout(this.writeCounts, wait).unref();
  };

  // Past the queue bound on purpose: a count stands for many refusals, and there is at most one per tracked budget.
  private readonly summarise = ({ source, count, last }: Suppressed): void => {
    this.enqueue({ at: last.at, source, receiver: last.receiver, status: last.status, reason: AUDIT_SUPPRESSED, detail: null, headerNames: [], bodySize: count });
  };
}
