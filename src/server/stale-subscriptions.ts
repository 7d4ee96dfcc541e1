import type { Logger } from '../observability/logger.js';
import type { OutboundStore } from '../store/outbound-store.js';

/** Subscription ids named in the warning; the rest are counted. */
export const STALE_IDS_SHOWN = 5;

/**
 * Warns once, at start, about active subscriptions whose `events` name types the catalog no longer has (renamed or
 * removed in openapi.yaml): they stay active and silently receive nothing for those types.
 */
export async function warnStaleSubscriptions(store: OutboundStore, catalog: readonly string[], log: Logger): Promise<void> {
  const stale = await store.findStaleSubscriptions(catalog, STALE_IDS_SHOWN).catch((err: unknown) => {
    // Advice only: a failed look must not stop the server.
    log.warn({ err }, 'could not check subscriptions for event types the catalog no longer has');
    return undefined;
  });
  if (!stale || stale.count === 0) return;
  const more = stale.count > stale.ids.length ? ` and ${stale.count - stale.ids.length} more` : '';
  const who = stale.count === 1 ? '1 active subscription names' : `${stale.count} active subscriptions name`;
  const get = stale.count === 1 ? 'receives' : 'receive';
  log.warn(
    { subscriptions: stale.count, ids: stale.ids, unknown_types: stale.types },
    `${who} event types the catalog no longer has and ${get} nothing for them: ${stale.types.join(', ')} ` +
      `(${stale.ids.join(', ')}${more}); PATCH /v1/subscriptions/{id} with events from GET /v1/event-types`,
  );
}
