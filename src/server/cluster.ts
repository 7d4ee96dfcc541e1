import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/index.js';
import { logger } from '../observability/logger.js';
import { serveClusterMetrics } from './cluster-metrics.js';
import { HTTP_PROCESS_SLOT_ENV } from './cluster-worker.js';
import { HARD_EXIT_MARGIN_MS } from './signals.js';

/** This many deaths of HTTP processes within `DEATH_WINDOW_MS` means they die at startup: give up (exit 1). */
export const MAX_DEATHS_IN_WINDOW = 5;
export const DEATH_WINDOW_MS = 10_000;
/** Delay before replacing a dead process, doubled per recent death (at most `RESPAWN_MAX_DELAY_MS`). */
export const RESPAWN_BASE_DELAY_MS = 200;
export const RESPAWN_MAX_DELAY_MS = 5_000;

/**
 * `HOOKSPEC_HTTP_PROCESSES` > 1: this process is the node:cluster primary. It serves nothing itself; it forks the
 * HTTP processes (the first alone, so migrations never run concurrently), replaces those that die, aggregates
 * `/metrics` for them, and on SIGTERM/SIGINT shuts them all down and exits 0 if they all exited 0.
 */
export async function runCluster(config: Config): Promise<void> {
  const count = config.server.httpProcesses;
  // Background loops (delivery worker, pruner) run once: only slot 1 keeps role `all`; the others serve HTTP.
  const roleOf = (slot: number) => (slot === 1 || config.server.role !== 'all' ? config.server.role : 'api');
  const workers = new Map<number, Worker>();
  const exitCodes: (number | null)[] = [];
  const deaths: number[] = [];
  const respawns = new Set<NodeJS.Timeout>();
  let stopping = false;
  // Until the first process listens, its death is a startup failure (reported below), not something to replace.
  let firstUp = false;

  const fork = (slot: number): Worker => {
    const worker = cluster.fork({ HOOKSPEC_ROLE: roleOf(slot), [HTTP_PROCESS_SLOT_ENV]: String(slot) });
    workers.set(slot, worker);
    // The pid per slot, before the process can fail at startup: what an operator (and the test) correlates deaths with.
    logger.info({ http_process: slot, pid: worker.process.pid }, 'forked HTTP process');
    worker.once('exit', (code, signal) => onExit(slot, worker, code, signal));
    return worker;
  };

  const onExit = (slot: number, worker: Worker, code: number | null, signal: string | null) => {
    if (workers.get(slot) === worker) workers.delete(slot);
    if (!firstUp && !stopping) return;
    if (stopping) {
      exitCodes.push(code);
      if (workers.size === 0) finish();
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - DEATH_WINDOW_MS) deaths.shift();
    if (deaths.length >= MAX_DEATHS_IN_WINDOW) {
      logger.fatal({ http_process: slot, code, signal, deaths: deaths.length, window_ms: DEATH_WINDOW_MS }, 'HTTP processes keep dying; giving up');
      stop(1);
      return;
    }
    const delay = Math.min(RESPAWN_BASE_DELAY_MS * 2 ** (deaths.length - 1), RESPAWN_MAX_DELAY_MS);
    logger.error({ http_process: slot, pid: worker.process.pid, code, signal, respawn_in_ms: delay }, 'HTTP process died; replacing it');
    const timer = setTimeout(() => {
      respawns.delete(timer);
      if (!stopping) fork(slot);
    }, delay);
    respawns.add(timer);
  };

  let exitCode = 0;
  const finish = () => {
    const failed = exitCodes.some((c) => c !== 0);
    logger.info({ exit_codes: exitCodes }, 'all HTTP processes exited');
    process.exit(failed || exitCode !== 0 ? 1 : 0);
  };

  /** Forwards SIGTERM to every process, then waits for them (each closes gracefully within the deadline). */
  const stop = (code: number) => {
    stopping = true;
    exitCode = code;
    for (const timer of respawns) clearTimeout(timer);
    setTimeout(() => {
      logger.error({ still_running: [...workers.keys()] }, 'HTTP processes did not exit in time; killing them');
      for (const w of workers.values()) w.process.kill('SIGKILL');
      process.exit(1);
    }, config.ops.shutdownDeadlineMs + 2 * HARD_EXIT_MARGIN_MS).unref();
    if (workers.size === 0) return finish();
    for (const w of workers.values()) w.process.kill('SIGTERM');
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: killing the HTTP processes');
        for (const w of workers.values()) w.process.kill('SIGKILL');
        process.exit(1);
      }
      logger.info({ signal, deadline_ms: config.ops.shutdownDeadlineMs, processes: workers.size }, 'shutting down the HTTP processes');
      stop(0);
    });
  }

  serveClusterMetrics();
  // The first process alone: it applies the migrations before any other opens the database.
  if (!(await listening(fork(1)))) {
    logger.fatal('the first HTTP process failed to start');
    process.exit(1);
  }
  firstUp = true;
  const rest = Array.from({ length: count - 1 }, (_, i) => fork(i + 2));
  await Promise.all(rest.map(listening));
  if (!stopping) logger.info({ processes: count, port: config.server.port, role: config.server.role }, 'hookspec cluster listening');
}

/** Resolves true once the worker listens, false if it exits first. */
function listening(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    worker.once('listening', () => resolve(true));
    worker.once('exit', () => resolve(false));
  });
}
