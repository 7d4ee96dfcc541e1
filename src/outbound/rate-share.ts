import { FailureStreak } from '../observability/failure-streak.js';
import { logger } from '../observability/logger.js';
import type { OutboundStore } from '../store/outbound-store.js';

/** A worker beats this often: how soon the others count one that joins, and shrink their shares for it. */
const HEARTBEAT_MS = 1_000;
/** A worker counts while its last heartbeat is younger than this; one whose own is older sends nothing rate-limited. */
export const LIVE_WINDOW_MS = 10_000;
/** Rate limits are per second: a share that shrinks still has this long of sends made at the larger one. */
const RATE_WINDOW_MS = 1_000;
/** Timer lag and the others' heartbeat round trip, on a loaded machine. */
const SLACK_MS = 500;
/**
 * A worker that joins live ones waits this long before its first rate-limited send: each of them beats within
 * HEARTBEAT_MS, counts it and shrinks its share, and its sends at the larger share leave the rate window.
 */
export const JOIN_WAIT_MS = HEARTBEAT_MS + RATE_WINDOW_MS + SLACK_MS;

/**
 * This worker's place among the live delivery workers, which split every rate limit evenly: how many there are (from a
 * heartbeat every second, so a worker holding a backlog learns of a new one without claiming) and when it may send.
 * A new worker cannot be counted by the others before its first heartbeat, so it waits for them instead of bursting
 * at a share they have not given up yet: a wait of ~2.5 s once per join, where a share kept in the database would cost
 * a round trip per send.
 */
export class RateShare {
  /** Live workers, this one included, at the last heartbeat. */
  workers = 1;
  /** The time this worker's last recorded heartbeat carries. */
  private beatAt = -Infinity;
  /** Rate-limited sends wait until then (set when this worker joins). */
  private sendFrom = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private readonly beatFailures = new FailureStreak('the worker heartbeat');

  /** `onChange` runs after every heartbeat: the count or the wait may have changed. */
  constructor(
    private readonly store: OutboundStore,
    private readonly owner: string,
    private readonly onChange: () => void,
  ) {}

  /** Beats now and every HEARTBEAT_MS; resolves after the first beat. */
  start(): Promise<void> {
    this.timer ??= setInterval(() => void this.beat(), HEARTBEAT_MS);
    return this.beat();
  }

  /** Stops beating and ages this worker's heartbeat: the others count it only until its last sends leave the window. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
    if (this.beatAt === -Infinity) return;
    try {
      await this.store.heartbeat(this.owner, new Date(Date.now() - LIVE_WINDOW_MS + RATE_WINDOW_MS + SLACK_MS), LIVE_WINDOW_MS);
    } catch (err) {
      logger.error({ err }, 'ageing the worker heartbeat failed; the others count this worker until it expires');
    }
  }

  /** Ms until this worker may start a rate-limited send (0 = now); Infinity until a heartbeat counts it again. */
  waitMs(now: number): number {
    if (now - this.beatAt > LIVE_WINDOW_MS) return Infinity;
    return Math.max(0, this.sendFrom - now);
  }

  private beat(): Promise<void> {
    this.beating ??= (async () => {
      const at = Date.now();
      try {
        const workers = await this.store.heartbeat(this.owner, new Date(at), LIVE_WINDOW_MS);
        // Not counted until now (first beat, or a lapse the others counted it out in): joining others means waiting for them.
        if (at - this.beatAt > LIVE_WINDOW_MS) this.sendFrom = workers > 1 ? Date.now() + JOIN_WAIT_MS : 0;
        this.beatAt = at;
        this.workers = workers;
        this.beatFailures.succeeded();
      } catch (err) {
        this.beatFailures.failed(err);
      } finally {
        this.beating = undefined;
      }
      this.onChange();
    })();
    return this.beating;
  }
}
