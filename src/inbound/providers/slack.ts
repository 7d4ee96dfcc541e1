import { constantTimeEqual } from '../../crypto/constant-time.js';
import { hmacSha256 } from '../../crypto/hmac.js';
import {
  badSignature, checkTimestamp, DEFAULT_TOLERANCE_SEC, headerValue, missingHeaders, missing, type VerifyInput, type VerifyResult,
} from './verify-result.js';

export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';
export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';
const SIGNATURE_PATTERN = /^v0=[0-9a-fA-F]{64}$/;

/** Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body)>`, 5-minute window. */
export function verify({ body, headers, secrets, nowSec, toleranceSec = DEFAULT_TOLERANCE_SEC }: VerifyInput): VerifyResult {
  const absent = missingHeaders(headers, [SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER]);
  if (absent.length > 0) return missing(absent);
  const header = headerValue(headers, SLACK_SIGNATURE_HEADER)!;
  const rawTimestamp = headerValue(headers, SLACK_TIMESTAMP_HEADER)!;
  if (!SIGNATURE_PATTERN.test(header)) return badSignature('X-Slack-Signature must be "v0=" followed by 64 hex digits');
  const time = checkTimestamp(rawTimestamp, nowSec, toleranceSec);
  if (!('timestamp' in time)) return time;
  const given = Buffer.from(header.slice('v0='.length), 'hex');
  for (let i = 0; i < secrets.length; i++) {
    if (constantTimeEqual(hmacSha256(secrets[i]!, 'v0:', rawTimestamp, ':', body), given)) {
      return { ok: true, secretIndex: i, timestamp: time.timestamp };
    }
  }
  return badSignature('X-Slack-Signature does not match the body for any configured secret');
}
