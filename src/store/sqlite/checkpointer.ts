import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/** How often the background thread copies committed WAL pages into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;
/** SQLite's own default, restored if the background thread cannot run. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Runs in a worker thread on its own connection: PASSIVE checkpoints never block writers, and their fsyncs
// no longer stall the event loop of the thread that commits (they were most of the cost of a write).
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
 * Moves WAL checkpoints off the main thread: the main connection stops checkpointing on commit, and a worker
 * thread checkpoints every `CHECKPOINT_INTERVAL_MS`. Durability is unchanged (WAL, synchronous=NORMAL).
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
    if (m === 'ready' && db.open) db.pragma('wal_autocheckpoint = 0');
  });
  return {
    stop() {
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 2000).unref();
      });
    },
  };
}
