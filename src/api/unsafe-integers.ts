import { HttpError } from '../errors/http-error.js';
import { endOfString, isQuote } from './json-text.js';

const MINUS = 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The first integer in a JSON text that a JavaScript number cannot hold exactly (beyond 2^53), or undefined.
 * JSON.parse would round it silently: an int64 id of 12345678901234567890 would be stored and sent on as
 * 12345678901234567000. One pass over the characters, strings skipped, whatever the text (it may not be JSON).
 */
export function findUnsafeInteger(json: string): string | undefined {
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
    // Fractions and exponents are floating point by nature; only whole integers are checked.
    if (next === 0x2e || next === 0x65 || next === 0x45) {
      while (i < n && /[0-9.eE+-]/.test(json[i]!)) i++;
      i--;
      continue;
    }
    const token = json.slice(start, i);
    i--;
    if (token.length < 16 || token === '-') continue;
    const value = Number(token);
    if (!Number.isFinite(value) || BigInt(token) !== BigInt(value)) return token;
  }
  return undefined;
}

/** Refuses a body's text with such an integer as 422, before it is parsed and rounded. */
export function refuseUnsafeIntegers(json: string): void {
  const token = findUnsafeInteger(json);
  if (token !== undefined) {
    const shown = token.length > 40 ? `${token.slice(0, 40)}… (${token.length} digits)` : token;
    throw new HttpError(422, 'unsafe_integer', `The integer ${shown} cannot be kept exactly (JSON numbers are doubles beyond 2^53); send it as a string.`);
  }
}
