import type { Config } from '../config/index.js';
import { logger } from '../observability/logger.js';
import { exposeMetricsToPrimary } from './cluster-metrics.js';
import { closeAndExit } from './signals.js';

/** Environment variable the primary sets on each HTTP process it forks: its slot, 1 to N (1 keeps the configured role). */
export const HTTP_PROCESS_SLOT_ENV = 'HOOKSPEC_HTTP_PROCESS_SLOT';

/**
 * One HTTP process of a cluster (forked by `cluster.ts`): the same server as a single process, with `/metrics`
 * answered for the whole cluster and shutdown driven by the primary.
 */
export async function runClusterWorker(config: Config): Promise<void> {
  logger.setBindings({ http_process: Number(process.env[HTTP_PROCESS_SLOT_ENV]), pid: process.pid });
  // Before the server's modules load: the primary may ask for metrics as soon as this process is connected.
  exposeMetricsToPrimary();
  const { startHookspec } = await import('./start.js');
  const starting = startHookspec(config);
  exitOnPrimarySignal(starting, config);
  await starting;
}

/**
 * SIGTERM starts a graceful close (once: systemd may signal the whole group and the primary forwards it too);
 * SIGINT is ignored because Ctrl-C reaches every process of the terminal's group and the primary forwards it as
 * SIGTERM. Escalation (a second signal) is the primary's: it kills the workers.
 */
function exitOnPrimarySignal(starting: Promise<{ close(): Promise<void> }>, config: Config): void {
  process.on('SIGINT', () => undefined);
  process.once('SIGTERM', () => {
    process.on('SIGTERM', () => undefined);
    closeAndExit(() => starting.then((running) => running.close()), config);
  });
}
