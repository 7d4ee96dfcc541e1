import { InvalidArgumentError } from 'commander';

/** Commander parser for a TCP port (0 picks a free one). */
export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return port;
}

/** Commander parser for a positive integer such as a page size. */
export function parsePositiveInt(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('must be a positive integer');
  return value;
}

/** Commander parser for a time: ISO 8601 (`2026-11-27T04:00:00Z`) or relative to now (`90m`, `24h`, `7d`). */
export function parseSince(raw: string, now: Date = new Date()): string {
  const relative = /^(\d+)\s*(s|m|h|d)$/.exec(raw.trim());
  if (relative) {
    const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(relative[1]) * unitMs).toISOString();
  }
  const parsed = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(parsed)) {
    throw new InvalidArgumentError('must be an ISO 8601 time (2026-11-27T04:00:00Z) or a duration ago (90m, 24h, 7d)');
  }
  return new Date(parsed).toISOString();
}
