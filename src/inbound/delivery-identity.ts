import type { ParsedDelivery } from './receivers/receiver.js';

/**
 * The longest delivery id or event type the inbound log takes: far above any provider's (GitHub's GUIDs are 36
 * characters, Stripe's event ids about 30), far below PostgreSQL's limit for a row of the unique index (~2.7 KB).
 */
export const MAX_IDENTITY_LENGTH = 255;

/**
 * Why a parsed delivery's id or event type cannot be stored as it is, or undefined. GitHub's delivery id is an
 * unsigned header, so anyone replaying one signed body chooses it: an unbounded one failed the whole write batch.
 */
export function identityProblem(delivery: Pick<ParsedDelivery, 'deliveryId' | 'eventType'>): string | undefined {
  return problemOf('delivery id', delivery.deliveryId) ?? problemOf('event type', delivery.eventType);
}

/** Called on every delivery: two plain calls rather than a list of pairs built per request. */
function problemOf(what: string, value: string): string | undefined {
  if (value.length > MAX_IDENTITY_LENGTH) return `The ${what} is ${value.length} characters long; at most ${MAX_IDENTITY_LENGTH} are accepted.`;
  // PostgreSQL's text cannot hold NUL; refused on every store so that both answer the same.
  if (value.includes('\u0000')) return `The ${what} contains a NUL character, which the inbound log cannot store.`;
  return undefined;
}
