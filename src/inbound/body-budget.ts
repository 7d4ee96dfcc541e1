import { bufferedBytesSources } from './metrics.js';

/**
 * The body bytes the receivers may hold at once, over all requests in flight: one per HTTP server, so a crowd of
 * slow uploads is refused with 503 instead of holding memory without bound.
 */
export class BodyBudget {
  private used = 0;

  /** @param limit bytes; `ServerConfig.inboundMaxBufferedBytes`. */
  constructor(readonly limit: number) {
    bufferedBytesSources.add(this);
  }

  /** Stops reporting this budget in `hookspec_inbound_buffered_bytes` (its server has closed). */
  close(): void {
    bufferedBytesSources.delete(this);
  }

  /** Bytes held now. */
  get held(): number {
    return this.used;
  }

  /** Takes `bytes` when they fit under the limit; false, taking nothing, when they do not. */
  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  /** Gives back bytes taken earlier; each taken byte is given back exactly once. */
  give(bytes: number): void {
    this.used -= bytes;
  }
}
