import type { Server } from 'node:http';
import type { Logger } from '../observability/logger.js';

/**
 * Background work that must finish cleanly on shutdown (the delivery worker, the pruner). `stop` stops taking
 * new work, waits for what is in flight, and releases what it holds (leases); `deadline` aborts when time is up,
 * after which it should abandon in-flight work quickly, release its leases and resolve.
 */
export interface Stoppable {
  name: string;
  stop(deadline: AbortSignal): Promise<void>;
}

/** After the deadline, stoppables get this much longer to release leases before the store is closed. */
export const RELEASE_GRACE_MS = 2_000;
/** Keep-alive connections become idle only after their response; close them as soon as they do. */
const IDLE_SWEEP_MS = 50;

export interface GracefulCloseOptions {
  server: Server;
  stoppables: Stoppable[];
  /** Closed last, once nothing uses it any more. */
  closeStore: () => Promise<void>;
  deadlineMs: number;
  log: Logger;
}

/**
 * Shutdown in order: stop accepting connections, let in-flight requests and background work finish until
 * the deadline, cut what is left, then close the store. Never rejects because of a slow part: it logs it.
 */
export async function closeGracefully(options: GracefulCloseOptions): Promise<void> {
  const { server, stoppables, closeStore, deadlineMs, log } = options;
  const started = Date.now();
  const deadline = AbortSignal.timeout(deadlineMs);

  const httpClosed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  server.closeIdleConnections();
  const stopped = Promise.all(
    stoppables.map((s) =>
      Promise.resolve()
        .then(() => s.stop(deadline))
        .catch((err: unknown) => log.error({ err, component: s.name }, 'stop failed')),
    ),
  );

  const onDeadline = new Promise<'deadline'>((resolve) => deadline.addEventListener('abort', () => resolve('deadline'), { once: true }));
  const outcome = await Promise.race([httpClosed.then(() => 'http'), onDeadline]);
  if (outcome === 'deadline') {
    log.warn({ deadline_ms: deadlineMs }, 'shutdown deadline reached; closing remaining connections');
    server.closeAllConnections();
  }
  clearInterval(sweep);
  await httpClosed;

  // A ref'd timer on purpose: it keeps the process alive while stoppables finish work that holds no handle.
  let graceTimer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((resolve) => {
    const left = Math.max(0, started + deadlineMs - Date.now()) + RELEASE_GRACE_MS;
    graceTimer = setTimeout(() => resolve('late'), left);
  });
  const outcomeOfStop = await Promise.race([stopped.then(() => 'stopped' as const), grace]);
  clearTimeout(graceTimer);
  if (outcomeOfStop === 'late') {
    log.warn({ components: stoppables.map((s) => s.name) }, 'background work did not stop in time; leases will expire');
  }
  await closeStore();
  log.info({ duration_ms: Date.now() - started }, 'shutdown complete');
}
