import type { InboundStore, InsertedDelivery, NewInboundDelivery } from '../store/inbound-store.js';
import { storeUnavailableReason } from '../store/unavailable.js';
import { inboundBatchSize, inboundWriteQueue } from './metrics.js';

interface Pending {
  row: NewInboundDelivery;
  resolve(result: InsertedDelivery): void;
  reject(err: unknown): void;
}

/** Batches written at once: the next batch's body write starts while the last one's is still on the disk pool. */
export const MAX_BATCHES_IN_FLIGHT = 4;

/**
 * Group commit: inserts from all requests that arrive in one event-loop turn go into one transaction, and each
 * request is answered only after its transaction committed. Up to `MAX_BATCHES_IN_FLIGHT` batches are written at
 * once, so the event loop keeps parsing while a batch waits for its write. Bounded: `saturated()` tells the
 * receiver to answer 503.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  /** Rows of the batches being written. */
  private inFlight = 0;
  private batches = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: InboundStore,
    private readonly maxQueue: number,
    private readonly maxBatch: number,
  ) {}

  /** True when waiting writes reached the bound; the caller must not queue more. */
  saturated(): boolean {
    return this.queue.length + this.inFlight >= this.maxQueue;
  }

  /** Resolves once the row is committed (or found to be a duplicate). */
  write(row: NewInboundDelivery): Promise<InsertedDelivery> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.report();
      this.schedule();
    });
  }

  /** Resolves when nothing is waiting or being written (shutdown). */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.batches === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.batches >= MAX_BATCHES_IN_FLIGHT) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, so every request parsed in this turn joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.batches < MAX_BATCHES_IN_FLIGHT) void this.writeBatch(this.queue.splice(0, this.maxBatch));
    });
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    this.batches++;
    this.inFlight += batch.length;
    inboundBatchSize.observe(batch.length);
    try {
      const results = await this.store.insertDeliveries(batch.map((p) => p.row));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      // The database refused this batch's data, not the write itself (an outage fails each row alike): one bad row
      // must not turn its neighbours away, so each is written alone.
      if (batch.length > 1 && storeUnavailableReason(err) === undefined) await this.writeEachAlone(batch);
      else for (const p of batch) p.reject(err);
    }
    this.batches--;
    this.inFlight -= batch.length;
    this.report();
    this.schedule();
    if (this.queue.length === 0 && this.batches === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private async writeEachAlone(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      try {
        const [result] = await this.store.insertDeliveries([p.row]);
        p.resolve(result!);
      } catch (err) {
        p.reject(err);
      }
    }
  }

  private report(): void {
    inboundWriteQueue.set(this.queue.length + this.inFlight);
  }
}
