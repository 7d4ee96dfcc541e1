import type { InboundLease } from '../../store/inbound-store.js';

/** A stored delivery on its way to the handlers and the publisher. */
export interface DispatchItem {
  /** Inbound log id (`in_…`). */
  id: string;
  provider: string;
  /** Catalog webhook name the event maps to. */
  catalogType: string;
  /** Parsed payload (the catalog `data`; for Standard Webhooks the whole envelope). */
  payload: unknown;
  /** Its JSON text as received, when there is one (see `ParsedDelivery.payloadJson`). */
  payloadJson?: string;
  /** ISO 8601; becomes the envelope `timestamp`. */
  receivedAt: string;
}

/** What the receive pipeline needs from the dispatcher. */
export interface InboundDispatcher {
  /**
   * A lease to store a delivery under, when this dispatcher runs and has room: the row is then stored already
   * claimed, and `enqueue(item, lease)` runs it without a claim round trip.
   */
  offerLease(): InboundLease | undefined;
  /**
   * The lease to store a delivery under whose sender waits for its handler's reply (`runNow`). Always given, even
   * when the poll is stopped or the queue is full: the row must be this process's from its insert, or a poll (here
   * or in another process sharing the database) could claim it first and the reply would be lost.
   */
  replyLease(): InboundLease;
  /** Queues freshly committed deliveries for background processing (`lease`: the one it was stored under). */
  enqueue(item: DispatchItem, lease?: InboundLease): void;
  /**
   * Runs a delivery's handler now and resolves with its return value as soon as the handler returns (the publish
   * and the completion follow in the background), or with `undefined` at `deadlineMs` (epoch ms). Used for Slack
   * slash commands and interactions, which answer in the response within Slack's 3 seconds. `lease`: the
   * `replyLease()` it was stored under (no claim needed, so no poll can have taken it first).
   */
  runNow(item: DispatchItem, deadlineMs: number, lease: InboundLease): Promise<unknown>;
}
