/** Retry timing: the schedule with jitter, and `Retry-After` parsing with clamping. */

/**
 * Delay before schedule attempt `n` (1-based; attempt 1 is the first send) or undefined when the schedule is
 * exhausted. Jitter spreads each delay uniformly over ±`jitter` so retries of one outage do not arrive together.
 */
export function scheduledDelay(schedule: readonly number[], n: number, jitter: number, random: () => number = Math.random): number | undefined {
  const base = schedule[n - 1];
  if (base === undefined) return undefined;
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
