import type { Config } from '../config/index.js';
import { logger } from '../observability/logger.js';
import type { RunningHookspec } from './start.js';

/** If close() itself hangs past its deadline, exit anyway rather than wait for the orchestrator's SIGKILL. */
export const HARD_EXIT_MARGIN_MS = 5_000;

/**
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests and delivery attempts within the deadline,
 * release leases, exit 0. A second signal exits at once with 1.
 */
export function exitOnSignals(running: RunningHookspec, config: Config): void {
  let shuttingDown = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      shuttingDown = true;
      closeAndExit(() => running.close(), config, { signal });
    });
  }
}

/** Closes within the deadline (plus a margin if close() itself hangs), then exits 0, or 1 if closing failed. */
export function closeAndExit(close: () => Promise<void>, config: Config, fields: Record<string, unknown> = {}): void {
  logger.info({ ...fields, deadline_ms: config.ops.shutdownDeadlineMs }, 'shutting down');
  setTimeout(() => {
    logger.error('shutdown hung; exiting');
    process.exit(1);
  }, config.ops.shutdownDeadlineMs + HARD_EXIT_MARGIN_MS).unref();
  close().then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
}
