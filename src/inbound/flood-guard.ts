/** While an address is blocked, one request per this interval still gets verified, so a real sender recovers. */
export const PROBE_INTERVAL_MS = 1000;
/** Addresses tracked at once; the oldest entries go first, so a spoofed-address flood cannot grow memory. */
export const MAX_TRACKED_SOURCES = 10_000;

interface SourceState {
  failures: number;
  windowStart: number;
  blockedUntil: number;
  lastProbe: number;
}

export type FloodDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * Per-source failure counter: an address that fails verification `threshold` times within `windowMs` is answered
 * 429 before any HMAC work until the window passes. Successful verification clears its record, so verified
 * deliveries are never limited (a blocked address still gets one probe per second through to verification).
 * The address is the request's source (source-address.ts): behind `HOOKSPEC_TRUSTED_PROXIES`, the forwarded client's,
 * so one bad sender cannot block every provider that shares the proxy.
 */
export class FloodGuard {
  private readonly sources = new Map<string, SourceState>();

  constructor(
    private readonly threshold: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called before reading the body: whether this address may cost us verification work now. */
  check(source: string): FloodDecision {
    if (this.threshold === 0) return { allowed: true };
    const state = this.sources.get(source);
    if (!state) return { allowed: true };
    const now = this.now();
    if (state.blockedUntil <= now) return { allowed: true };
    if (now - state.lastProbe >= PROBE_INTERVAL_MS) {
      state.lastProbe = now;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((state.blockedUntil - now) / 1000)) };
  }

  /** A failed verification (bad signature, stale timestamp, missing signature headers). */
  recordFailure(source: string): void {
    if (this.threshold === 0) return;
    const now = this.now();
    let state = this.sources.get(source);
    if (!state || (now - state.windowStart > this.windowMs && state.blockedUntil <= now)) {
      state = { failures: 0, windowStart: now, blockedUntil: 0, lastProbe: 0 };
      this.sources.delete(source);
      this.sources.set(source, state);
      this.evictOldest();
    }
    state.failures++;
    if (state.failures >= this.threshold) state.blockedUntil = now + this.windowMs;
  }

  /** A verified request: the address is a real sender, forget its failures. */
  recordSuccess(source: string): void {
    if (this.sources.size > 0) this.sources.delete(source);
  }

  private evictOldest(): void {
    while (this.sources.size > MAX_TRACKED_SOURCES) {
      const oldest = this.sources.keys().next().value;
      if (oldest === undefined) return;
      this.sources.delete(oldest);
    }
  }
}
