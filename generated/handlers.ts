// generated from openapi.yaml; do not edit
import type { EventEnvelope, EventType } from './aliases.js';

/** Batching of a handler: up to `maxSize` events of one type at once, flushed after `maxWaitMs`. */
export interface BatchOptions {
  maxSize: number;
  maxWaitMs: number;
}

/** What dispatch gives a handler besides its events. */
export interface HandlerContext {
  /**
   * Aborted when the attempt's time is up (`HOOKSPEC_HANDLER_TIMEOUT_MS`): the attempt has then failed and will be
   * retried, so pass the signal to `fetch` and database calls and let the work stop with it.
   */
  readonly signal: AbortSignal;
}

/** A handler for one event type; dispatch always calls `handle` with a list (one event unless batched). */
export interface EventHandler<T extends EventType = EventType> {
  readonly type: T;
  readonly batch: BatchOptions | undefined;
  /** Resolves with what the handler returned for each event (a reply, for events that take one). */
  handle(events: EventEnvelope<T>[], context?: HandlerContext): Promise<unknown[]>;
}

/** For calls outside dispatch (tests, scripts): a signal that never aborts. */
const NO_DEADLINE: HandlerContext = { signal: new AbortController().signal };

/** What a handler may return: nothing, or a reply the receiver sends back (a Slack slash command's message). */
export type HandlerResult = unknown;

/** Defines the handler of one event type; with `batch`, `fn` receives the batch. `context.signal` ends with the attempt. */
export function defineEventHandler<T extends EventType>(
  type: T,
  fn: (event: EventEnvelope<T>, context: HandlerContext) => Promise<HandlerResult> | HandlerResult,
): EventHandler<T>;
export function defineEventHandler<T extends EventType>(
  type: T,
  fn: (events: EventEnvelope<T>[], context: HandlerContext) => Promise<HandlerResult> | HandlerResult,
  options: { batch: BatchOptions },
): EventHandler<T>;
export function defineEventHandler<T extends EventType>(
  type: T,
  fn:
    | ((event: EventEnvelope<T>, context: HandlerContext) => Promise<HandlerResult> | HandlerResult)
    | ((events: EventEnvelope<T>[], context: HandlerContext) => Promise<HandlerResult> | HandlerResult),
  options: { batch?: BatchOptions } = {},
): EventHandler<T> {
  const batch = options.batch;
  if (batch) {
    const handleBatch = fn as (
      events: EventEnvelope<T>[],
      context: HandlerContext,
    ) => Promise<HandlerResult> | HandlerResult;
    return { type, batch, handle: async (events, context = NO_DEADLINE) => [await handleBatch(events, context)] };
  }
  const handleOne = fn as (event: EventEnvelope<T>, context: HandlerContext) => Promise<HandlerResult> | HandlerResult;
  return {
    type,
    batch: undefined,
    // One at a time, in order: a handler that is not batched sees events as they arrived.
    handle: async (events, context = NO_DEADLINE) => {
      const results: unknown[] = [];
      for (const event of events) results.push(await handleOne(event, context));
      return results;
    },
  };
}

/** A handler for every event type; leaving one out is a compile error. */
export type EventHandlerMap = { [T in EventType]: EventHandler<T> };

/** Checks at compile time that every event type has its handler, and lists them sorted by type. */
export function defineEventHandlers(handlers: EventHandlerMap): EventHandler[] {
  return (Object.keys(handlers) as EventType[]).sort().map((type) => handlers[type] as unknown as EventHandler);
}
