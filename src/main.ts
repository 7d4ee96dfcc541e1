import cluster from 'node:cluster';
import { loadConfig, type Config } from './config/index.js';
import { logger } from './observability/logger.js';

/**
 * `make run`: start everything with the environment's configuration; SIGTERM/SIGINT shut down cleanly (exit 0).
 * With HOOKSPEC_HTTP_PROCESSES > 1 this process is the cluster primary and each forked copy of it one HTTP process.
 * (Imports are dynamic so the primary never loads the server it does not run.)
 */
let config: Config | undefined;
try {
  config = loadConfig();
  if (config.server.httpProcesses > 1 && cluster.isPrimary) await (await import('./server/cluster.js')).runCluster(config);
  else if (config.server.httpProcesses > 1) await (await import('./server/cluster-worker.js')).runClusterWorker(config);
  else {
    const [{ startHookspec }, { exitOnSignals }] = await Promise.all([import('./server/start.js'), import('./server/signals.js')]);
    exitOnSignals(await startHookspec(config), config);
  }
} catch (err) {
  // A bad setting or a busy port: one structured line naming it and a non-zero exit; the stack only at debug level.
  logger.fatal(logger.isLevelEnabled('debug') ? { err } : {}, `startup failed: ${startupMessage(err, config)}`);
  process.exit(1);
}

/** The error's message; an address that cannot be listened on names HOST, as `hookspec serve` does, since node's does not. */
function startupMessage(err: unknown, config: Config | undefined): string {
  if (!(err instanceof Error)) return String(err);
  const code = ((err.cause ?? err) as NodeJS.ErrnoException).code;
  const badHost = code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL';
  return badHost && config ? `cannot listen on ${config.server.host} (HOST): ${err.message}` : err.message;
}
