import type { IncomingHttpHeaders } from 'node:http';

/** What every provider's `verify` gets: the raw bytes as received, the request headers, the secrets and the clock. */
export interface VerifyInput {
  /** The raw request body, exactly as received (never re-serialized JSON). */
  body: Uint8Array;
  /** Request headers with lower-case names (node:http's `IncomingHttpHeaders`). */
  headers: IncomingHttpHeaders;
  /** Configured secrets; any one that matches is accepted (rotation). */
  secrets: readonly string[];
  /** Current time in Unix seconds (injected so tests can freeze it). */
  nowSec: number;
  /** Accepted clock difference either way, for schemes with a signed timestamp. @default 300 */
  toleranceSec?: number;
}

/** Why a request failed verification; each maps to one HTTP status in the pipeline. */
export type VerifyFailureReason = 'missing_headers' | 'bad_signature' | 'invalid_timestamp' | 'timestamp_outside_window';

/** The outcome of verification; never an exception, whatever the attacker sends. */
export type VerifyResult =
  | { ok: true; /** Index of the secret that matched (rotation visibility). */ secretIndex: number; /** Signed timestamp, when the scheme has one. */ timestamp?: number }
  | { ok: false; reason: VerifyFailureReason; message: string; /** Names of the absent headers, for `missing_headers`. */ missing?: string[] };

export const DEFAULT_TOLERANCE_SEC = 300;

/**
 * A header's value. node joins a repeated header's values with ", " (an array only for set-cookie, or when a caller
 * passes one: then the first); the pipeline refuses a repeated required header before verification reads it.
 */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The listed headers that are absent or empty, for a 400 that names them. */
export function missingHeaders(headers: IncomingHttpHeaders, names: readonly string[]): string[] {
  return names.filter((name) => !headerValue(headers, name));
}

export function missing(names: string[]): VerifyResult {
  return { ok: false, reason: 'missing_headers', missing: names, message: `Missing signature header(s): ${names.join(', ')}` };
}

export function badSignature(message: string): VerifyResult {
  return { ok: false, reason: 'bad_signature', message };
}

/** Parses a Unix-seconds timestamp header and checks it against the window. */
export function checkTimestamp(raw: string, nowSec: number, toleranceSec: number): { ok: true; timestamp: number } | VerifyResult {
  if (!/^\d{1,12}$/.test(raw)) return { ok: false, reason: 'invalid_timestamp', message: 'The signature timestamp is not a Unix time in seconds' };
  const timestamp = Number(raw);
  if (Math.abs(nowSec - timestamp) > toleranceSec) {
    return {
      ok: false,
      reason: 'timestamp_outside_window',
      message: `The signature timestamp is outside the ${toleranceSec} s tolerance window (replayed or clock skew)`,
    };
  }
  return { ok: true, timestamp };
}
