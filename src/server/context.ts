import type { Config } from '../config/index.js';
import type { ReadinessCheck } from '../observability/readiness.js';
import type { EventPublisher } from '../outbound/publisher.js';
import type { Store } from '../store/store.js';

/** What request handlers may use; built once by `startHookspec` and passed down. */
export interface AppContext {
  config: Config;
  store: Store;
  publisher: EventPublisher;
  /** Readiness conditions beyond database and migrations (the delivery worker, where this process runs one). */
  readinessChecks?: ReadinessCheck[];
}
