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

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** RFC 9110's three HTTP-date forms: IMF-fixdate, the obsolete RFC 850 one, and asctime (which is in GMT but says not). */
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`);

/** An HTTP-date in ms since the epoch; undefined for anything else, which Date.parse would often read as some date. */
function parseHttpDate(value: string): number | undefined {
  const text = IMF_FIXDATE.test(value) || RFC850_DATE.test(value) ? value : ASCTIME_DATE.test(value) ? `${value} GMT` : undefined;
  if (text === undefined) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * `Retry-After` as delta-seconds or an HTTP-date, in ms from `now`; undefined when absent or neither (`-5`, `1.5`,
 * `2030-01-01`), so the schedule applies instead of a misread date cutting the wait to the minimum.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = parseHttpDate(trimmed);
  return at === undefined ? undefined : Math.max(0, at - now.getTime());
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
