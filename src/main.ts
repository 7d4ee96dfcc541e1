import { logger } from './observability/logger.js';
import { startHookspec } from './server/start.js';

/** `make run`: start everything with the environment's configuration; SIGTERM/SIGINT shut down cleanly. */
const running = await startHookspec();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
