import { HttpError } from '../errors/http-error.js';
import { endOfString, isQuote } from './json-text.js';

const MINUS = 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A number JSON.parse would change: an integer it rounds, or a number past a double's range it makes Infinity. */
export interface UnsafeNumber {
  token: string;
  kind: 'integer' | 'overflow';
}

/**
 * The first number in a JSON text that a JavaScript number cannot hold: an integer beyond 2^53 (JSON.parse would round
 * an int64 id of 12345678901234567890 to 12345678901234567000), or any number beyond ±1.8e308 (JSON.parse makes it
 * Infinity, which is stored as null). One pass over the characters, strings skipped, whatever the text (it may not be JSON).
 */
export function findUnsafeNumber(json: string): UnsafeNumber | undefined {
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (isQuote(c)) {
      i = endOfString(json, i);
      continue;
    }
    if (!isDigit(c) && c !== MINUS) continue;
    const start = i;
    if (c === MINUS) i++;
    while (i < n && isDigit(json.charCodeAt(i))) i++;
    const next = json.charCodeAt(i);
    // Fractions and exponents are floating point by nature, rounded as such; only one past a double's range is refused.
    if (next === 0x2e || next === 0x65 || next === 0x45) {
      while (i < n && /[0-9.eE+-]/.test(json[i]!)) i++;
      const token = json.slice(start, i);
      i--;
      if (Number.isNaN(Number(token)) || Number.isFinite(Number(token))) continue;
      return { token, kind: 'overflow' };
    }
    const token = json.slice(start, i);
    i--;
    if (token.length < 16 || token === '-') continue;
    const value = Number(token);
    if (!Number.isFinite(value) || BigInt(token) !== BigInt(value)) return { token, kind: 'integer' };
  }
  return undefined;
}

/** Refuses a body's text with such a number as 422, before it is parsed and rounded or lost. */
export function refuseUnsafeIntegers(json: string): void {
  const found = findUnsafeNumber(json);
  if (found === undefined) return;
  const { token, kind } = found;
  const shown = token.length > 40 ? `${token.slice(0, 40)}… (${token.length} characters)` : token;
  if (kind === 'overflow') {
    throw new HttpError(422, 'unsafe_integer', `The number ${shown} is too large for a double (beyond ±1.8e308) and would be stored as null; send it as a string.`);
  }
  throw new HttpError(422, 'unsafe_integer', `The integer ${shown} cannot be kept exactly (JSON numbers are doubles beyond 2^53); send it as a string.`);
}
