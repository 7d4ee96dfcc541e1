import cluster from 'node:cluster';
import { loadConfig } from './config/index.js';
import { logger } from './observability/logger.js';

/**
 * `make run`: start everything with the environment's configuration; SIGTERM/SIGINT shut down cleanly (exit 0).
 * With HOOKSPEC_HTTP_PROCESSES > 1 this process is the cluster primary and each forked copy of it one HTTP process.
 * (Imports are dynamic so the primary never loads the server it does not run.)
 */
try {
  const config = loadConfig();
  if (config.server.httpProcesses > 1 && cluster.isPrimary) await (await import('./server/cluster.js')).runCluster(config);
  else if (config.server.httpProcesses > 1) await (await import('./server/cluster-worker.js')).runClusterWorker(config);
  else {
    const [{ startHookspec }, { exitOnSignals }] = await Promise.all([import('./server/start.js'), import('./server/signals.js')]);
    exitOnSignals(await startHookspec(config), config);
  }
} catch (err) {
  // A bad setting or a busy port: one structured line naming it and a non-zero exit; the stack only at debug level.
  logger.fatal(logger.isLevelEnabled('debug') ? { err } : {}, `startup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
