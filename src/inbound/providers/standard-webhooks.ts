import { constantTimeEqual } from '../../crypto/constant-time.js';
import { hmacSha256 } from '../../crypto/hmac.js';
import { secretKey } from '../../crypto/standard-webhooks-secret.js';
import {
  badSignature, checkTimestamp, DEFAULT_TOLERANCE_SEC, headerValue, missingHeaders, missing, type VerifyInput, type VerifyResult,
} from './verify-result.js';

export const STANDARD_ID_HEADER = 'webhook-id';
export const STANDARD_TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_SIGNATURE_HEADER = 'webhook-signature';
/** A header with more signatures than this is not a legitimate rotation; refusing it bounds the work. */
const MAX_SIGNATURES = 16;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Standard Webhooks v1: HMAC-SHA256 over `webhook-id + "." + webhook-timestamp + "." + raw body`; `webhook-signature`
 * holds space-separated `v1,<base64>` entries and any may match; other versions (`v1a`) are ignored.
 */
export function verify({ body, headers, secrets, nowSec, toleranceSec = DEFAULT_TOLERANCE_SEC }: VerifyInput): VerifyResult {
  const absent = missingHeaders(headers, [STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, STANDARD_SIGNATURE_HEADER]);
  if (absent.length > 0) return missing(absent);
  const id = headerValue(headers, STANDARD_ID_HEADER)!;
  const rawTimestamp = headerValue(headers, STANDARD_TIMESTAMP_HEADER)!;
  // Runs of spaces between entries are no entries: counted, 20 spaces before a valid signature refused it.
  const entries = headerValue(headers, STANDARD_SIGNATURE_HEADER)!.split(' ').filter((entry) => entry !== '');
  if (entries.length > MAX_SIGNATURES) return badSignature('webhook-signature has too many entries');
  const signatures: Buffer[] = [];
  for (const entry of entries) {
    const [version, value] = entry.split(',');
    if (version === 'v1' && value !== undefined && BASE64_SHA256.test(value)) signatures.push(Buffer.from(value, 'base64'));
  }
  if (signatures.length === 0) return badSignature('webhook-signature has no "v1,<base64>" entry');
  const time = checkTimestamp(rawTimestamp, nowSec, toleranceSec);
  if (!('timestamp' in time)) return time;
  for (let i = 0; i < secrets.length; i++) {
    const expected = hmacSha256(secretKey(secrets[i]!), id, '.', rawTimestamp, '.', body);
    if (signatures.some((given) => constantTimeEqual(expected, given))) return { ok: true, secretIndex: i, timestamp: time.timestamp };
  }
  return badSignature('No v1 signature in webhook-signature matches the body for any configured secret');
}
