/**
 * Per-subscription fairness: a concurrency cap and an optional rate limit, so one slow or rate-limited subscriber
 * holds only its own slots. The rate is a sliding window: at most `rate` sends start in any second (a token bucket
 * that starts full lets twice that through in the first second). The rate is this worker's share of the
 * subscription's limit (see `rate-share.ts`); a fractional share spaces single sends `1 / rate` seconds apart.
 */
export class SubscriptionLimiter {
  inFlight = 0;
  private releasedAt: number;
  /** Start times of the latest sends, oldest at `next` once full: a ring of `capacity` entries. */
  private starts = new Float64Array(0);
  private count = 0;
  private next = 0;
  /** Sends allowed per window, and the window's length in ms. */
  private capacity = 0;
  private windowMs = 0;
  private wholeLimit: number | null;

  constructor(
    readonly concurrency: number,
    private ratePerSecond: number | null,
    now: number,
  ) {
    this.wholeLimit = ratePerSecond;
    this.releasedAt = now;
    this.resize(ratePerSecond);
  }

  /** Sends per second it allows (this worker's share of the limit), null when unlimited. */
  get rate(): number | null {
    return this.ratePerSecond;
  }

  /** The subscription's whole limit, of which `rate` is this worker's share; null when unlimited. */
  get limit(): number | null {
    return this.wholeLimit;
  }

  /** Takes an even share of `limit` among `workers` live workers (the limit or the count may have changed). */
  setShare(limit: number | null, workers: number): void {
    this.wholeLimit = limit;
    this.setRate(limit === null ? null : limit / workers);
  }

  /** A subscription's rate limit can change while its deliveries are queued; recent sends still count. */
  setRate(ratePerSecond: number | null): void {
    if (ratePerSecond === this.ratePerSecond) return;
    this.ratePerSecond = ratePerSecond;
    this.resize(ratePerSecond);
  }

  /** Ms until a send may start (0 = now); does not take the slot. */
  waitMs(now: number): number {
    if (this.inFlight >= this.concurrency) return Infinity;
    if (this.ratePerSecond === null || this.count < this.capacity) return 0;
    return Math.max(0, Math.ceil(this.starts[this.next]! + this.windowMs - now));
  }

  /** Takes a slot (and a place in the window); call only after `waitMs` returned 0. */
  acquire(now: number): void {
    this.inFlight++;
    if (this.ratePerSecond === null) return;
    this.starts[this.next] = now;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  release(): void {
    this.inFlight--;
    this.releasedAt = Date.now();
  }

  /** Ms since the last send finished (0 while one is in flight). */
  idleSince(now: number): number {
    return this.inFlight > 0 ? 0 : now - this.releasedAt;
  }

  /** A new window for `rate`, keeping the most recent send times that fit in it. */
  private resize(rate: number | null): void {
    const recent = this.recentStarts();
    this.capacity = rate === null ? 0 : Number.isInteger(rate) ? rate : 1;
    this.windowMs = rate === null ? 0 : (this.capacity * 1000) / rate;
    this.starts = new Float64Array(this.capacity);
    const kept = recent.slice(Math.max(0, recent.length - this.capacity));
    kept.forEach((at, i) => (this.starts[i] = at));
    this.count = kept.length;
    this.next = this.capacity === 0 ? 0 : kept.length % this.capacity;
  }

  /** The send start times in the window, oldest first. */
  private recentStarts(): number[] {
    const out: number[] = [];
    const first = this.count < this.capacity ? 0 : this.next;
    for (let i = 0; i < this.count; i++) out.push(this.starts[(first + i) % this.capacity]!);
    return out;
  }
}
