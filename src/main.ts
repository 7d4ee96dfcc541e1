import { loadConfig } from './config/index.js';
import { startHookspec } from './server/start.js';
import { exitOnSignals } from './server/signals.js';

/** `make run`: start everything with the environment's configuration; SIGTERM/SIGINT shut down cleanly (exit 0). */
const config = loadConfig();
exitOnSignals(await startHookspec(config), config);
