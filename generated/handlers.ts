// generated from openapi.yaml; do not edit
import type { EventEnvelope, EventType } from './aliases.js';

/** Batching of a handler: up to `maxSize` events of one type at once, flushed after `maxWaitMs`. */
export interface BatchOptions {
  maxSize: number;
  maxWaitMs: number;
}

/** A handler for one event type; dispatch always calls `handle` with a list (one event unless batched). */
export interface EventHandler<T extends EventType = EventType> {
  readonly type: T;
  readonly batch: BatchOptions | undefined;
  handle(events: EventEnvelope<T>[]): Promise<void>;
}

/** Defines the handler of one event type; with `batch`, `fn` receives the batch. */
export function defineEventHandler<T extends EventType>(
  type: T,
  fn: (event: EventEnvelope<T>) => Promise<void> | void,
): EventHandler<T>;
export function defineEventHandler<T extends EventType>(
  type: T,
  fn: (events: EventEnvelope<T>[]) => Promise<void> | void,
  options: { batch: BatchOptions },
): EventHandler<T>;
export function defineEventHandler<T extends EventType>(
  type: T,
  fn: ((event: EventEnvelope<T>) => Promise<void> | void) | ((events: EventEnvelope<T>[]) => Promise<void> | void),
  options: { batch?: BatchOptions } = {},
): EventHandler<T> {
  const batch = options.batch;
  if (batch) {
    const handleBatch = fn as (events: EventEnvelope<T>[]) => Promise<void> | void;
    return { type, batch, handle: async (events) => handleBatch(events) };
  }
  const handleOne = fn as (event: EventEnvelope<T>) => Promise<void> | void;
  return {
    type,
    batch: undefined,
    // One at a time, in order: a handler that is not batched sees events as they arrived.
    handle: async (events) => {
      for (const event of events) await handleOne(event);
    },
  };
}

/** A handler for every event type; leaving one out is a compile error. */
export type EventHandlerMap = { [T in EventType]: EventHandler<T> };

/** Checks at compile time that every event type has its handler, and lists them sorted by type. */
export function defineEventHandlers(handlers: EventHandlerMap): EventHandler[] {
  return (Object.keys(handlers) as EventType[]).sort().map((type) => handlers[type] as unknown as EventHandler);
}
