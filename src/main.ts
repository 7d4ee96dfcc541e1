import { loadConfig } from './config/index.js';
import { logger } from './observability/logger.js';
import { startHookspec } from './server/start.js';
import { exitOnSignals } from './server/signals.js';

/** `make run`: start everything with the environment's configuration; SIGTERM/SIGINT shut down cleanly (exit 0). */
try {
  const config = loadConfig();
  exitOnSignals(await startHookspec(config), config);
} catch (err) {
  // A bad setting or a busy port: one structured line and a non-zero exit, not a stack trace on stderr.
  logger.fatal({ err }, `startup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
