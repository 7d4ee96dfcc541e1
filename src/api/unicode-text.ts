import { isUtf8 } from 'node:buffer';
import { HttpError } from '../errors/http-error.js';
import { someEscape } from './json-text.js';

const BACKSLASH = 0x5c;
const U = 0x75;

/** The UTF-16 unit a `\uXXXX` escape at `i` (the backslash) writes, or -1 when it is not one. */
function escapedUnit(json: string, i: number): number {
  if (json.charCodeAt(i + 1) !== U) return -1;
  const hex = json.slice(i + 2, i + 6);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Whether a JSON text has a string with an unpaired surrogate escape (`"\ud800"`). JSON.parse accepts it, but it is
 * no character: written out as UTF-8 it became U+FFFD, so the stored text was not what the client sent. Raw bytes
 * cannot carry one (invalid UTF-8 is refused before).
 */
export function hasLoneSurrogateEscape(json: string): boolean {
  return someEscape(json, (i) => {
    const unit = escapedUnit(json, i);
    if (isLow(unit)) return true;
    if (!isHigh(unit)) return i + 1;
    // A high surrogate counts only with the low one right after it; the pair is read as one.
    return !isLow(json.charCodeAt(i + 6) === BACKSLASH ? escapedUnit(json, i + 6) : -1) || i + 7;
  });
}

/** Refuses a body that is not valid UTF-8, or whose JSON strings hold unpaired surrogates, as 400: either was stored as U+FFFD. */
export function refuseIllFormedText(body: Buffer, json: string): void {
  if (!isUtf8(body)) throw new HttpError(400, 'invalid_utf8', 'The body is not valid UTF-8.');
  if (hasLoneSurrogateEscape(json)) {
    throw new HttpError(400, 'invalid_unicode', 'The body has a string with an unpaired surrogate escape (\\ud800-\\udfff alone), which is no character.');
  }
}
