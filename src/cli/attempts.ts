import type { Schemas } from '../../generated/aliases.js';

function count(n: number): string {
  return `${n} attempt${n === 1 ? '' : 's'}`;
}

/**
 * A delivery's attempts as its log shows them. `attempt_count` also counts attempts that have no row (yet): the one
 * in flight, or one whose worker stopped; both numbers are given then, so "2 attempts" never stands over one row.
 */
export function attemptSummary(delivery: Schemas['Delivery']): string {
  const finished = delivery.attempts.length;
  if (delivery.attempt_count === finished) return count(finished);
  return `${count(delivery.attempt_count)} started, ${finished} finished`;
}
