import type { IncomingHttpHeaders } from 'node:http';

// A receiver's required headers (signature, timestamp, delivery id, event) must come exactly once each; both checks
// answer undefined when they do, so the common case allocates nothing.

/** The names among `names` that are absent or empty, or undefined when every one is there. */
export function absentHeaders(headers: IncomingHttpHeaders, names: readonly string[]): string[] | undefined {
  let absent: string[] | undefined;
  for (let i = 0; i < names.length; i++) {
    if (!headers[names[i]!]) (absent ??= []).push(names[i]!);
  }
  return absent;
}

/**
 * The names among `names` that were sent more than once, or undefined. node joins a repeated header's values with
 * ", " (so "d3, d3" would become a dedup key); a value may hold ", " legitimately, so only then are the raw headers counted.
 */
export function repeatedHeaders(headers: IncomingHttpHeaders, rawHeaders: readonly string[], names: readonly string[]): string[] | undefined {
  let repeated: string[] | undefined;
  for (let i = 0; i < names.length; i++) {
    const value = headers[names[i]!];
    if (typeof value === 'string' && value.includes(', ') && occurrences(rawHeaders, names[i]!) > 1) (repeated ??= []).push(names[i]!);
  }
  return repeated;
}

/** The names among `names` that appear more than once in node's `rawHeaders`, or undefined: for headers node dedupes. */
export function sentMoreThanOnce(rawHeaders: readonly string[], names: readonly string[]): string[] | undefined {
  let repeated: string[] | undefined;
  for (let i = 0; i < names.length; i++) {
    if (occurrences(rawHeaders, names[i]!) > 1) (repeated ??= []).push(names[i]!);
  }
  return repeated;
}

/** How many times the lower-case `name` appears in node's `rawHeaders` (name, value, name, value, … as sent). */
function occurrences(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const raw = rawHeaders[i]!;
    if (raw.length === name.length && raw.toLowerCase() === name) count++;
  }
  return count;
}
