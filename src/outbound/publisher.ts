/** What the inbound side (and the API) needs from the outbound engine: durably record an event for delivery. */
export interface EventPublisher {
  /**
   * Validates `data` against the catalog schema of `type`, writes the event and one delivery per matching
   * subscription in one transaction, and resolves once that is committed.
   */
  publish(type: string, data: unknown, options?: PublishOptions): Promise<PublishedEvent>;
}

/** Idempotency keys of the events the receivers forward (`inbound:<delivery id>`): no API caller may use them. */
export const INBOUND_KEY_PREFIX = 'inbound:';

export interface PublishOptions {
  /** Same key + same body returns the first result; same key + different body is a conflict. */
  idempotencyKey?: string;
  /** `data` as JSON text, when the caller already holds it (a received payload): stored as is, not serialized again. */
  dataJson?: string;
  /**
   * The key alone names the request (a received delivery's `inbound:` key, only ever sent with that delivery's
   * payload): a live key is a replay and the body is not hashed. Hashing a webhook payload canonically cost more
   * than the rest of its publish.
   */
  keyOnly?: boolean;
}

export interface PublishedEvent {
  id: string;
  type: string;
  created_at: string;
}
