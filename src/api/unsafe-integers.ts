import { HttpError } from '../errors/http-error.js';

/** JSON strings (skipped) and number tokens, in order. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * The first integer in a JSON text that a JavaScript number cannot hold exactly (beyond 2^53), or undefined.
 * JSON.parse would round it silently: an int64 id of 12345678901234567890 would be stored and sent on as
 * 12345678901234567000.
 */
export function findUnsafeInteger(json: string): string | undefined {
  for (const [token] of json.matchAll(TOKENS)) {
    // Strings are skipped whole; fractions and exponents are floating point by nature.
    if (token.startsWith('"') || token.length < 16 || /[.eE]/.test(token)) continue;
    if (BigInt(token) !== BigInt(Number(token))) return token;
  }
  return undefined;
}

/** express.json's `verify`: refuses a body with such an integer as 422, before it is parsed and rounded. */
export function refuseUnsafeIntegers(_req: unknown, _res: unknown, body: Buffer): void {
  const token = findUnsafeInteger(body.toString('utf8'));
  if (token !== undefined) {
    throw new HttpError(422, 'unsafe_integer', `The integer ${token} cannot be kept exactly (JSON numbers are doubles beyond 2^53); send it as a string.`);
  }
}
