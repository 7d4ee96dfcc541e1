import { logger as processLogger, type Logger } from './logger.js';

/** How often a failure that keeps repeating is logged again, with the count since. */
export const REPEAT_LOG_MS = 60_000;

/**
 * The log of a loop that retries on its own (claims, polls, heartbeats): a database that stays down for an hour
 * would otherwise write an error line several times a second, onto a disk that may be the one that is full. The
 * first failure of a streak is logged at error, repeats at most once a minute with how many there were, and the
 * first success after it at info.
 */
export class FailureStreak {
  private failures = 0;
  private lastLoggedAt = -Infinity;
  private unlogged = 0;

  constructor(
    /** What failed, as a noun phrase: "claiming deliveries". */
    private readonly what: string,
    private readonly log: Logger = processLogger,
    private readonly now: () => number = Date.now,
  ) {}

  failed(err: unknown, fields: Record<string, unknown> = {}): void {
    this.failures++;
    const at = this.now();
    if (at - this.lastLoggedAt < REPEAT_LOG_MS) {
      this.unlogged++;
      return;
    }
    if (this.failures === 1) this.log.error({ err, ...fields }, `${this.what} failed`);
    else this.log.error({ err, ...fields, failures: this.failures, unlogged: this.unlogged }, `${this.what} still failing (${this.failures} times in a row)`);
    this.lastLoggedAt = at;
    this.unlogged = 0;
  }

  succeeded(): void {
    if (this.failures === 0) return;
    this.log.info({ failures: this.failures }, `${this.what} works again after ${this.failures} failure(s)`);
    this.failures = 0;
    this.unlogged = 0;
    this.lastLoggedAt = -Infinity;
  }
}
