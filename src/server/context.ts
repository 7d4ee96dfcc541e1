import type { Config } from '../config/index.js';
import type { EventPublisher } from '../outbound/publisher.js';
import type { Store } from '../store/store.js';

/** What request handlers may use; built once by `startHookspec` and passed down. */
export interface AppContext {
  config: Config;
  store: Store;
  publisher: EventPublisher;
}
