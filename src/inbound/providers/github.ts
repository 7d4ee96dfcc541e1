import { constantTimeEqual } from '../../crypto/constant-time.js';
import { hmacSha256 } from '../../crypto/hmac.js';
import { badSignature, headerValue, missing, type VerifyInput, type VerifyResult } from './verify-result.js';

export const GITHUB_SIGNATURE_HEADER = 'x-hub-signature-256';
const SIGNATURE_PATTERN = /^sha256=[0-9a-fA-F]{64}$/;

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`; no timestamp (dedupe on the delivery id). */
export function verify({ body, headers, secrets }: VerifyInput): VerifyResult {
  const header = headerValue(headers, GITHUB_SIGNATURE_HEADER);
  if (!header) return missing([GITHUB_SIGNATURE_HEADER]);
  if (!SIGNATURE_PATTERN.test(header)) return badSignature('X-Hub-Signature-256 must be "sha256=" followed by 64 hex digits');
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  for (let i = 0; i < secrets.length; i++) {
    if (constantTimeEqual(hmacSha256(secrets[i]!, body), given)) return { ok: true, secretIndex: i };
  }
  return badSignature('X-Hub-Signature-256 does not match the body for any configured secret');
}
