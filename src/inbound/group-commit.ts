import type { InboundStore, InsertedDelivery, NewInboundDelivery } from '../store/inbound-store.js';
import { inboundBatchSize, inboundWriteQueue } from './metrics.js';

interface Pending {
  row: NewInboundDelivery;
  resolve(result: InsertedDelivery): void;
  reject(err: unknown): void;
}

/**
 * Group commit: inserts from all requests that arrive in one event-loop turn go into one transaction, and each
 * request is answered only after its transaction committed. Bounded: `saturated()` tells the receiver to answer 503.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private inFlight = 0;
  private running: Promise<void> | undefined;

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
      inboundWriteQueue.set(this.queue.length + this.inFlight);
      // setImmediate runs after the poll phase, so every request parsed in this turn joins the batch.
      if (!this.running) this.running = new Promise((done) => setImmediate(() => this.drain().then(done)));
    });
  }

  /** Resolves when nothing is waiting (shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight = batch.length;
      inboundBatchSize.observe(batch.length);
      try {
        const results = await this.store.insertDeliveries(batch.map((p) => p.row));
        batch.forEach((p, i) => p.resolve(results[i]!));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
      this.inFlight = 0;
      inboundWriteQueue.set(this.queue.length);
    }
    this.running = undefined;
  }
}
