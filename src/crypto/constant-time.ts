import { timingSafeEqual } from 'node:crypto';

/** Compares two byte strings in constant time; unequal lengths are simply unequal (timingSafeEqual would throw). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
