import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../config/index.js';
import { logger } from '../observability/logger.js';
import { collectProcessMetrics } from '../observability/metrics.js';
import { exposeDiskGauge } from '../observability/disk-gauge.js';
import { diskSpaceCheck } from '../observability/disk-space.js';
import { workerCheck } from '../observability/readiness.js';
import { createInbound } from '../inbound/inbound.js';
import { catalogValidator } from '../outbound/catalog-validator.js';
import { createOutboundEngine } from '../outbound/engine.js';
import type { ApiContext } from '../api/context.js';
import { exposeQueueGauges } from '../observability/queue-gauges.js';
import { startPruneScheduler } from '../retention/scheduler.js';
import { openStore } from '../store/open.js';
import { SecretSealer } from '../crypto/secret-sealer.js';
import { resealSecrets, withSealedSecrets } from '../outbound/sealed-secrets.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { AppContext } from './context.js';
import { closeGracefully, type Stoppable } from './graceful-close.js';
import { createHttpServer, type FastPath } from './http.js';
import { warnStaleSubscriptions } from './stale-subscriptions.js';
import { createWorkerApp } from './worker-app.js';

export interface RunningHookspec {
  url: string;
  port: number;
  server: Server;
  store: Store;
  context: AppContext;
  /**
   * Stops accepting, lets in-flight requests and background work (delivery attempts) finish until
   * `config.ops.shutdownDeadlineMs`, releases leases, closes the store. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** The composition root: store → services → HTTP; used by `main.ts`, the CLI and the integration tests. */
export async function startHookspec(config: Config = loadConfig()): Promise<RunningHookspec> {
  collectProcessMetrics();
  const opened = await openStore(config.server.databaseUrl, { bodyLogDirectIo: config.server.bodyLogDirectIo });
  const store = await sealStoredSecrets(opened, new SecretSealer(config.outbound.secretsKeys));
  // api: receivers + /v1, no delivery worker; worker: delivery worker + ops routes only; all: both.
  const role = config.server.role;
  const outboundConfig = { ...config.outbound, runWorker: role !== 'api' };
  const outbound = createOutboundEngine({ store: store.outbound, config: outboundConfig, validator: catalogValidator() });
  if (config.outbound.allowPrivateNetworks) logger.warn('HOOKSPEC_ALLOW_PRIVATE_NETWORKS=true: subscriber URLs may reach loopback and private networks (development only)');
  const publisher = outbound.publisher;
  let workerState: 'starting' | 'running' | 'stopping' = 'starting';
  const context: ApiContext = { config, store, publisher, wakeWorker: () => outbound.worker?.wake() };
  // An API-only process runs no worker, so its readiness does not depend on one.
  context.readinessChecks = outbound.worker ? [workerCheck(() => workerState)] : [];
  if (store.dataDirectory && config.ops.readyMinFreeMb > 0) context.readinessChecks.push(diskSpaceCheck(store.dataDirectory, config.ops.readyMinFreeMb));
  const inbound = createInbound({ config: config.inbound, store: store.inbound, publisher });
  const fastPaths: FastPath[] = role === 'worker' ? [] : [inbound.fastPath];
  // Background work that close() stops (concurrently, within the deadline): the delivery worker, the pruner.
  const stoppables: Stoppable[] = [{ name: 'inbound', stop: (deadline) => inbound.stop(deadline) }, { name: 'delivery worker', stop: (deadline) => outbound.stop(deadline) }];
  if (role !== 'api') stoppables.push(startPruneScheduler(store.retention, config.ops, logger));
  const hideQueueGauges = exposeQueueGauges(store.queueStats);
  stoppables.push({ name: 'queue gauges', stop: async () => hideQueueGauges() });
  if (store.dataDirectory) {
    const hideDiskGauge = exposeDiskGauge(store.dataDirectory);
    stoppables.push({ name: 'disk gauge', stop: async () => hideDiskGauge() });
  }
  const server = createHttpServer(fastPaths, role === 'worker' ? createWorkerApp(context) : createApp(context), config.server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, config.server.port, config.server.host)));
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  if (role !== 'worker') inbound.start();
  outbound.start();
  workerState = 'running';
  logger.info({ port, database: store.dialect, role }, 'hookspec listening');
  // Said once at start, so a first 503 or 401 is not the first anyone hears of a missing setting.
  if (role !== 'worker' && inbound.missingSecrets.length > 0) {
    logger.warn({ variables: inbound.missingSecrets }, `receivers without a secret answer 503 until it is set: ${inbound.missingSecrets.join(', ')}`);
  }
  if (role !== 'worker' && !config.server.apiKey) logger.warn('HOOKSPEC_API_KEY is not set: every /v1 call is refused (401)');
  // Where deliveries run (one process of a cluster): a subscription to a renamed or removed event gets nothing, silently.
  if (role !== 'api') await warnStaleSubscriptions(store.outbound, publisher.eventTypes, logger);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    store,
    context,
    close() {
      workerState = 'stopping';
      closing ??= closeGracefully({
        server,
        stoppables,
        closeStore: () => store.close(),
        deadlineMs: config.ops.shutdownDeadlineMs,
        log: logger,
      });
      return closing;
    },
  };
}

/** The startup line for a port that cannot be had says which setting to change. */
function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  if (err.code === 'EADDRINUSE') return new Error(`port ${port} on ${host} is already in use: set PORT to a free port`, { cause: err });
  if (err.code === 'EACCES') return new Error(`port ${port} on ${host} needs privileges this process lacks: set PORT to 1024 or above`, { cause: err });
  return err;
}

/**
 * The store with subscription secrets sealed at rest: secrets stored plain or under an older key are sealed with the
 * current one first. A secret that cannot be opened stops the start (the store is closed) with the reason.
 */
async function sealStoredSecrets(store: Store, sealer: SecretSealer): Promise<Store> {
  try {
    const resealed = await resealSecrets(store.outbound, sealer);
    if (resealed > 0) logger.info({ subscriptions: resealed }, 'subscription secrets sealed with the current HOOKSPEC_SECRETS_KEY');
  } catch (err) {
    await store.close();
    throw err;
  }
  return { ...store, outbound: withSealedSecrets(store.outbound, sealer) };
}
