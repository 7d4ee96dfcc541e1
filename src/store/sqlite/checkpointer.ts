import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/** How often the background thread copies committed WAL pages into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;
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
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
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

/**
 * Moves most WAL checkpoint work off the main thread: a worker thread checkpoints every `CHECKPOINT_INTERVAL_MS`,
 * and the main connection checkpoints only every `WRITER_AUTOCHECKPOINT_PAGES`. Durability is unchanged (WAL,
 * synchronous=NORMAL: commits are never fsynced either way, checkpoints are).
 */
export function startCheckpointer(db: SqliteDatabase, file: string): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  const fallBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  worker.once('error', fallBack);
  worker.once('exit', fallBack);
  worker.once('message', (m) => {
    if (m === 'ready' && db.open) db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
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
