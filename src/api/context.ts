import type { AppContext } from '../server/context.js';
import type { OutboxPublisher } from '../outbound/publish.js';

/** What the management handlers use: the app context plus the outbound engine's publisher and worker. */
export interface ApiContext extends AppContext {
  publisher: OutboxPublisher;
  /** Makes the local worker look for due deliveries now (after a retry, recover or re-enable). */
  wakeWorker(): void;
}
