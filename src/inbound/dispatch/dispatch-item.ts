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
  /** Queues freshly committed deliveries for background processing. */
  enqueue(item: DispatchItem): void;
  /**
   * Runs a delivery's handler now and resolves with its return value, or with `undefined` after `timeoutMs`
   * (the handler keeps running in the background). Used for Slack slash commands, which answer in the response.
   */
  runNow(item: DispatchItem, timeoutMs: number): Promise<unknown>;
}
