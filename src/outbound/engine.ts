import type { OutboundConfig } from '../config/outbound.js';
import type { OutboundStore } from '../store/outbound-store.js';
import { OutboxPublisher, type EventValidator } from './publish.js';
import { DeliveryHttpClient } from './send.js';
import { DeliveryWorker } from './worker.js';

/** The outbound room assembled: the outbox publisher and (unless this is an API-only process) the worker. */
export interface OutboundEngine {
  publisher: OutboxPublisher;
  worker: DeliveryWorker | undefined;
  start(): void;
  /** Stops the worker (see `DeliveryWorker.stop`) and closes the connection pool. */
  stop(deadline?: AbortSignal): Promise<void>;
}

export function createOutboundEngine(deps: { store: OutboundStore; config: OutboundConfig; validator: EventValidator; now?: () => Date }): OutboundEngine {
  const { store, config, validator } = deps;
  let worker: DeliveryWorker | undefined;
  const publisher = new OutboxPublisher({
    store,
    validator,
    idempotencyTtlMs: config.idempotencyTtlMs,
    onPublished: () => worker?.wake(),
    handoff: () => worker?.offerHandoff(),
    now: deps.now,
  });
  const http = new DeliveryHttpClient({
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectionsPerOrigin: config.connectionsPerOrigin,
    timeoutMs: config.timeoutMs,
  });
  if (config.runWorker) worker = new DeliveryWorker({ store, config, http, publisher, now: deps.now });
  let stopping: Promise<void> | undefined;
  return {
    publisher,
    worker,
    start: () => worker?.start(),
    // Idempotent: the pool can be closed only once.
    stop(deadline) {
      stopping ??= (async () => {
        await worker?.stop(deadline);
        await http.close(deadline);
      })();
      return stopping;
    },
  };
}
