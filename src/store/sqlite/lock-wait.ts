import { BUSY_TIMEOUT_MS, isBusy, type SqliteDatabase } from './database.js';

/** The pause between tries while another process holds the lock (Node's timers are 1 ms at best). */
const RETRY_DELAY_MS = 1;

/**
 * A write that takes SQLite's write lock: a transaction's `.immediate(...)`, or one statement's `.run(...)`. It gets
 * how long it waited for the lock so far: times it writes (a lease's end, "due now") must count from when it runs.
 */
type LockingWrite<T> = (waitedMs: number) => T;

/**
 * Runs write transactions without putting the event loop to sleep while another process (a second HTTP process,
 * a worker) holds the database's write lock. SQLite's busy handler sleeps the whole thread, 1 ms and more per try,
 * and no request is read meanwhile; here a write that finds the lock taken fails at once and is tried again after
 * a timer, so the process keeps parsing requests (which join the next batch) while it waits.
 */
export function createLockWait(db: SqliteDatabase, timeoutMs = BUSY_TIMEOUT_MS) {
  /** One try: the write's result, or the SQLITE_BUSY error when another connection holds the lock. */
  function tryOnce<T>(write: LockingWrite<T>, waitedMs: number): { done: true; value: T } | { done: false; err: unknown } {
    // Not a prepared statement: SQLite applies this pragma when it is compiled, not when it is stepped.
    db.pragma('busy_timeout = 0');
    try {
      return { done: true, value: write(waitedMs) };
    } catch (err) {
      if (isBusy(err)) return { done: false, err };
      throw err;
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  /** Resolves with the write's result once it got the lock; rejects with SQLITE_BUSY after `timeoutMs`. */
  return async function withLock<T>(write: LockingWrite<T>): Promise<T> {
    const started = performance.now();
    const deadline = started + timeoutMs;
    for (;;) {
      const attempt = tryOnce(write, Math.round(performance.now() - started));
      if (attempt.done) return attempt.value;
      if (performance.now() >= deadline) throw attempt.err;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  };
}
