import type { Schemas } from '../../generated/aliases.js';
import type { AttemptRecord, DeliveryRecord, EventRecord, SubscriptionRecord } from '../store/outbound-store.js';
import { maskSecret } from '../outbound/secrets.js';

/** The current signing secret (the one without an expiry). */
export function currentSecret(sub: SubscriptionRecord): string {
  return (sub.secrets.find((s) => s.expires_at === null) ?? sub.secrets[0]!).secret;
}

/** A subscription as the API shows it; the secret is masked unless this is the creating response. */
export function presentSubscription(sub: SubscriptionRecord, reveal = false): Schemas['Subscription'] {
  const secret = currentSecret(sub);
  return {
    id: sub.id,
    url: sub.url,
    events: sub.events,
    description: sub.description ?? '',
    status: sub.status,
    disabled_reason: sub.disabled_reason,
    rate_limit_per_second: sub.rate_limit_per_second,
    metadata: sub.metadata,
    secret: reveal ? secret : maskSecret(secret),
    created_at: sub.created_at,
    updated_at: sub.updated_at,
  };
}

export function presentEvent(event: EventRecord): Schemas['Event'] {
  return { id: event.id, type: event.type, data: JSON.parse(event.data_json), created_at: event.created_at };
}

/** A delivery with its attempt log; a cancelled delivery (subscription deleted) shows as failed. */
export function presentDelivery(delivery: DeliveryRecord, attempts: AttemptRecord[]): Schemas['Delivery'] {
  return {
    id: delivery.id,
    event_id: delivery.event_id,
    subscription_id: delivery.subscription_id,
    url: delivery.url,
    status: delivery.status === 'cancelled' ? ('failed' as const) : delivery.status,
    attempt_count: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? delivery.next_attempt_at : null,
    created_at: delivery.created_at,
    updated_at: delivery.updated_at,
    attempts: attempts
      .filter((a) => a.delivery_id === delivery.id)
      .map((a) => ({
        attempt: a.attempt,
        started_at: a.started_at,
        status_code: a.response_status,
        latency_ms: a.latency_ms,
        response_body: a.response_body,
        error: a.error,
        outcome: a.outcome,
      })),
  };
}
