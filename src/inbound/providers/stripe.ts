import { constantTimeEqual } from '../../crypto/constant-time.js';
import { hmacSha256 } from '../../crypto/hmac.js';
import {
  badSignature, checkTimestamp, DEFAULT_TOLERANCE_SEC, headerValue, missing, type VerifyInput, type VerifyResult,
} from './verify-result.js';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;
/** A header with more entries than this is not from Stripe; refusing it bounds the work. */
const MAX_ENTRIES = 16;

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=…][,v0=…]`; HMAC-SHA256 over `t + "." + raw body`, keyed with the
 * `whsec_…` string's UTF-8 bytes (not base64-decoded). `v0` is ignored; any `v1` may match (secret roll).
 */
export function verify({ body, headers, secrets, nowSec, toleranceSec = DEFAULT_TOLERANCE_SEC }: VerifyInput): VerifyResult {
  const header = headerValue(headers, STRIPE_SIGNATURE_HEADER);
  if (!header) return missing([STRIPE_SIGNATURE_HEADER]);
  // Only entries that name something count towards the limit (stripe-node skips the others too).
  const entries = header.split(',').filter((entry) => entry.includes('='));
  if (entries.length > MAX_ENTRIES) return badSignature('Stripe-Signature has too many entries');
  let rawTimestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (key === 't') rawTimestamp = value;
    else if (key === 'v1' && HEX_SHA256.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (rawTimestamp === undefined) return badSignature('Stripe-Signature has no t= timestamp');
  if (signatures.length === 0) return badSignature('Stripe-Signature has no v1= signature');
  const time = checkTimestamp(rawTimestamp, nowSec, toleranceSec);
  if (!('timestamp' in time)) return time;
  for (let i = 0; i < secrets.length; i++) {
    const expected = hmacSha256(secrets[i]!, rawTimestamp, '.', body);
    if (signatures.some((given) => constantTimeEqual(expected, given))) return { ok: true, secretIndex: i, timestamp: time.timestamp };
  }
  return badSignature('No v1 signature in Stripe-Signature matches the body for any configured secret');
}
