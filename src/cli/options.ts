import { InvalidArgumentError } from 'commander';
import { MAX_PAGE_SIZE } from '../api/pagination.js';

/** `raw` as a number when it is decimal digits only (not `1e3`, `0x10`, ` 5`), else NaN. */
function digits(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : NaN;
}

/** Commander parser for a TCP port (0 picks a free one). */
export function parsePort(raw: string): number {
  const port = digits(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return port;
}

/** Commander parser for a positive integer such as a batch size, in decimal digits. */
export function parsePositiveInt(raw: string): number {
  const value = digits(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError('must be a positive integer');
  return value;
}

/** Commander parser for a page size: 1 to 100, as the API accepts. */
export function parseLimit(raw: string): number {
  const value = digits(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) throw new InvalidArgumentError(`must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  return value;
}

const SINCE_HELP = 'must be an ISO 8601 time (2026-11-27T04:00:00Z) or a duration ago (90m, 24h, 7d)';

/** Commander parser for a time: ISO 8601 (`2026-11-27T04:00:00Z`) or relative to now (`90m`, `24h`, `7d`). */
export function parseSince(raw: string, now: Date = new Date()): string {
  const relative = /^(\d+)\s*(s|m|h|d)$/.exec(raw.trim());
  let time: number;
  if (relative) {
    const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    time = now.getTime() - Number(relative[1]) * unitMs;
  } else {
    const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
    time = date ? Date.parse(raw) : NaN;
    // Date.parse rolls 2026-02-30 over to March 2: a day the month does not have is a typo, not a time.
    if (date && !Number.isNaN(time)) {
      const day = new Date(0);
      day.setUTCFullYear(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
      if (day.getUTCMonth() !== Number(date[2]) - 1 || day.getUTCDate() !== Number(date[3])) {
        throw new InvalidArgumentError(`${date[0]} is not a day of the calendar`);
      }
    }
  }
  if (Number.isNaN(time)) throw new InvalidArgumentError(SINCE_HELP);
  // The API's date-time has a four-digit year; 99999999d ago (or no date at all, beyond ±273,790 years) is not one.
  const iso = Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : '';
  if (!/^\d{4}-/.test(iso)) throw new InvalidArgumentError('must be a time between the years 0000 and 9999');
  return iso;
}

/** Where a command's database URL came from, for its error messages: the flag, the variable, or the default. */
export function databaseUrlSource(flag: string | undefined): string {
  return flag !== undefined ? '--database-url' : process.env.DATABASE_URL ? 'DATABASE_URL' : 'the default DATABASE_URL';
}
