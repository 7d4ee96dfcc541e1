import { HttpError } from '../errors/http-error.js';
import { someEscape } from './json-text.js';

const NUL_ESCAPE = 'u0000';

/** Why a NUL is refused, said once for the body and the query. */
const NOT_ACCEPTED = 'NUL characters (U+0000) are not accepted';

/**
 * Whether a JSON text has a string holding the escape `\u0000`. PostgreSQL cannot store a NUL in text or jsonb (a 500
 * "invalid byte sequence"), and SQLite would keep what PostgreSQL refuses; a raw NUL byte is already invalid JSON.
 */
export function hasNulEscape(json: string): boolean {
  return someEscape(json, (i) => json.startsWith(NUL_ESCAPE, i + 1) || i + 1);
}

/** Refuses a body's text holding a NUL in any string (a key or a value) as 400, before it is parsed. */
export function refuseNulEscapes(json: string): void {
  if (hasNulEscape(json)) throw new HttpError(400, 'nul_character', `The body has a string with \\u0000: ${NOT_ACCEPTED}.`);
}

/** The first query parameter (by name) whose decoded name or value holds a NUL, or undefined. */
export function findNulParameter(query: unknown, name = ''): string | undefined {
  if (typeof query === 'string') return query.includes('\0') ? name : undefined;
  if (query === null || typeof query !== 'object') return undefined;
  for (const [key, value] of Object.entries(query)) {
    const path = name ? `${name}[${key}]` : key;
    if (key.includes('\0')) return path;
    const found = findNulParameter(value, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses a query whose decoded names or values hold a NUL as 400: the stores would compare against it, and PostgreSQL fails. */
export function refuseNulParameters(query: unknown): void {
  const name = findNulParameter(query);
  if (name !== undefined) {
    const shown = name.replace(/\0/g, '\\u0000').slice(0, 64);
    throw new HttpError(400, 'invalid_parameter', `Query parameter "${shown}" has a NUL character: ${NOT_ACCEPTED}.`);
  }
}
