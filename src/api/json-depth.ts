import { HttpError } from '../errors/http-error.js';
import { endOfString, isQuote } from './json-text.js';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * How deeply a `/v1` body may nest objects and arrays (Jackson's default limit). JSON.parse copes with any depth, but
 * JSON.stringify, the idempotency hash and the stores recurse: a 256 KiB body can nest 100 000 levels, and at a few
 * thousand the outbox write ran out of stack and answered 500.
 */
export const MAX_JSON_DEPTH = 1000;

/** Whether a JSON text nests objects and arrays deeper than `max`. One pass over the characters, strings skipped, whatever the text. */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (isQuote(c)) {
      i = endOfString(json, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** Refuses a body's text nested deeper than MAX_JSON_DEPTH as 400, before it is parsed. */
export function refuseDeepNesting(json: string): void {
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) {
    throw new HttpError(400, 'json_too_deep', `The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`);
  }
}
