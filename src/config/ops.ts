import { MAX_TIMER_MS, readInt, readMs } from './server.js';

/** Settings for running hookspec in production: retention and shutdown, read once from the environment. */
export interface OpsConfig {
  /** Days events, delivery attempts and the inbound log are kept before pruning. `0` keeps everything. @default 30 */
  retentionDays: number;
  /** Rows deleted per transaction while pruning, so delivery never waits long for the write lock. @default 500 */
  pruneBatchSize: number;
  /** How often the server prunes, in milliseconds; `0` turns the background pruner off. @default 3600000 (1 h) */
  pruneIntervalMs: number;
  /** On SIGTERM, how long in-flight requests and delivery attempts get to finish, in milliseconds. @default 25000 */
  shutdownDeadlineMs: number;
  /** Below this many MiB free on the SQLite database's disk, `/readyz` answers 503; `0` turns the check off. @default 64 */
  readyMinFreeMb: number;
}

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_PRUNE_BATCH_SIZE = 500;
export const DEFAULT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Below Kubernetes' default 30 s grace period, so we exit before SIGKILL arrives. */
export const DEFAULT_SHUTDOWN_DEADLINE_MS = 25_000;
/** Room for a burst: the WAL grows to ~40 MB between the writer's checkpoints, and bodies are appended beside it. */
export const DEFAULT_READY_MIN_FREE_MB = 64;
/** 100 000 days (about 273 years): longer is a typo, not a retention period; the pruner and `hookspec prune` share the bound. */
export const MAX_RETENTION_DAYS = 100_000;

/**
 * The hard-exit timers wait the deadline plus up to 10 s (HARD_EXIT_MARGIN_MS in src/server/signals.ts, twice in the
 * cluster primary), and must stay within a timer's range, or SIGTERM would exit 1 at once ("shutdown hung").
 */
export const MAX_SHUTDOWN_DEADLINE_MS = MAX_TIMER_MS - 10_000;

export function readOpsConfig(env: NodeJS.ProcessEnv): OpsConfig {
  const pruneBatchSize = readInt(env, 'HOOKSPEC_PRUNE_BATCH_SIZE', DEFAULT_PRUNE_BATCH_SIZE);
  if (pruneBatchSize < 1) throw new Error(`HOOKSPEC_PRUNE_BATCH_SIZE must be at least 1 (got "${pruneBatchSize}")`);
  return {
    retentionDays: readRetentionDays(env),
    pruneBatchSize,
    pruneIntervalMs: readMs(env, 'HOOKSPEC_PRUNE_INTERVAL_MS', DEFAULT_PRUNE_INTERVAL_MS),
    shutdownDeadlineMs: readMs(env, 'HOOKSPEC_SHUTDOWN_DEADLINE_MS', DEFAULT_SHUTDOWN_DEADLINE_MS, { max: MAX_SHUTDOWN_DEADLINE_MS }),
    readyMinFreeMb: readInt(env, 'HOOKSPEC_READY_MIN_FREE_MB', DEFAULT_READY_MIN_FREE_MB),
  };
}

/** `HOOKSPEC_RETENTION_DAYS`: 0 keeps everything; above MAX_RETENTION_DAYS `hookspec prune` refuses it, so the server does too. */
function readRetentionDays(env: NodeJS.ProcessEnv): number {
  const days = readInt(env, 'HOOKSPEC_RETENTION_DAYS', DEFAULT_RETENTION_DAYS);
  if (days > MAX_RETENTION_DAYS) throw new Error(`HOOKSPEC_RETENTION_DAYS must be at most ${MAX_RETENTION_DAYS} (about 273 years), or 0 to keep everything (got "${env.HOOKSPEC_RETENTION_DAYS}")`);
  return days;
}
