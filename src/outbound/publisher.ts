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
}

export interface PublishedEvent {
  id: string;
  type: string;
  created_at: string;
}
