import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/**
 * How soon the background thread checkpoints again after one that found new WAL frames. The writer's own checkpoint
 * (below) copies whatever the thread has not yet, on the event loop: at 100 ms, under `make run`'s load that was up
 * to 100 ms of writes at once, and 30-45 ms event-loop stalls several times a second.
 */
export const CHECKPOINT_BUSY_INTERVAL_MS = 10;
/** How often it looks when the last checkpoint found nothing new (an idle server wakes up 10 times a second). */
export const CHECKPOINT_IDLE_INTERVAL_MS = 100;
/** SQLite's own default, restored if the background thread cannot run. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * The committing connection still checkpoints, but only every this many WAL pages (40 MB at 4 KB): a background
 * PASSIVE checkpoint never sees the WAL fully copied while writes go on, so the WAL could never restart and would
 * grow without bound. The writer's own checkpoint runs between its transactions, finds nearly every page already
 * copied and synced by the thread, and lets the next write restart the WAL.
 */
export const WRITER_AUTOCHECKPOINT_PAGES = 10_000;

// Runs in a worker thread on its own connection: PASSIVE checkpoints never block writers, and their fsyncs
// (tens of ms, at times 100 ms on a shared disk) no longer stall the event loop of the thread that commits.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let last = '';
// True when the WAL changed since the last look (new frames, or restarted by the writer).
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const now = r.log + ':' + r.checkpointed;
    const changed = now !== last;
    last = now;
    return changed;
  } catch {
    return false;
  }
};
let timer;
const loop = () => {
  const next = checkpoint() ? workerData.busyMs : workerData.idleMs;
  if (workerData.report) parentPort.postMessage({ next });
  timer = setTimeout(loop, next);
};
timer = setTimeout(loop, workerData.idleMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
  parentPort.close();
});
parentPort.postMessage('ready');
`;

/** A background checkpointer for one SQLite file; `stop()` runs a last checkpoint and ends the thread. */
export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Called after each background checkpoint with the delay chosen until the next one (for tests and tracing). */
  onCheckpoint?(nextDelayMs: number): void;
}

/**
 * Moves most WAL checkpoint work off the main thread: a worker thread checkpoints every
 * `CHECKPOINT_BUSY_INTERVAL_MS` while writes go on (every `CHECKPOINT_IDLE_INTERVAL_MS` otherwise), and the main
 * connection checkpoints only every `WRITER_AUTOCHECKPOINT_PAGES`. Commits are never fsynced either way
 * (WAL, synchronous=NORMAL); checkpoints are, so the busy interval also bounds what a power cut can take.
 */
export function startCheckpointer(db: SqliteDatabase, file: string, options: CheckpointerOptions = {}): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      busyMs: CHECKPOINT_BUSY_INTERVAL_MS,
      idleMs: CHECKPOINT_IDLE_INTERVAL_MS,
      report: options.onCheckpoint !== undefined,
    },
  });
  worker.unref();
  const fallBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  worker.once('error', fallBack);
  worker.once('exit', fallBack);
  worker.on('message', (m: 'ready' | 'closed' | { next: number }) => {
    if (m === 'ready' && db.open) db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
    else if (typeof m === 'object') options.onCheckpoint?.(m.next);
  });
  let exited = false;
  worker.once('exit', () => (exited = true));
  let stopping: Promise<void> | undefined;
  return {
    // Idempotent: a store may be closed twice (a test, then the server's shutdown).
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        // Ref'd on purpose: the thread is unref'd, so this timer is what keeps the process up until it exits.
        const timer = setTimeout(() => void worker.terminate(), 2000);
        worker.once('exit', () => (clearTimeout(timer), resolve()));
        worker.postMessage('stop');
      });
      return stopping;
    },
  };
}
