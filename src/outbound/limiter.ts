/**
 * Per-subscription fairness: a concurrency cap and an optional token bucket (rate per second, burst of one
 * second), so one slow or rate-limited subscriber holds only its own slots.
 */
export class SubscriptionLimiter {
  inFlight = 0;
  private tokens: number;
  private refilledAt: number;
  private releasedAt: number;

  constructor(
    readonly concurrency: number,
    private ratePerSecond: number | null,
    now: number,
  ) {
    this.tokens = ratePerSecond ?? 0;
    this.refilledAt = now;
    this.releasedAt = now;
  }

  /** A subscription's rate limit can change while its deliveries are queued. */
  setRate(ratePerSecond: number | null): void {
    if (ratePerSecond === this.ratePerSecond) return;
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, ratePerSecond ?? 0);
  }

  /** Ms until a send may start (0 = now); does not take the slot. */
  waitMs(now: number): number {
    if (this.inFlight >= this.concurrency) return Infinity;
    if (this.ratePerSecond === null) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Takes a slot (and a token); call only after `waitMs` returned 0. */
  acquire(now: number): void {
    this.inFlight++;
    if (this.ratePerSecond !== null) {
      this.refill(now);
      this.tokens -= 1;
    }
  }

  release(): void {
    this.inFlight--;
    this.releasedAt = Date.now();
  }

  /** Ms since the last send finished (0 while one is in flight). */
  idleSince(now: number): number {
    return this.inFlight > 0 ? 0 : now - this.releasedAt;
  }

  private refill(now: number): void {
    const rate = this.ratePerSecond!;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
  }
}
