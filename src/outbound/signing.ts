import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { secretKey } from '../crypto/standard-webhooks-secret.js';

/** Standard Webhooks request headers for one attempt (a type alias, so it is usable as a header record). */
export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** Decoded signing keys by secret text; bounded so rotated-out secrets cannot pile up. */
const keys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 10_000;

/** The HMAC key of a `whsec_` secret (base64 after the prefix), decoded once per secret rather than per attempt. */
function signingKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    key = createSecretKey(secretKey(secret));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Signs `id.timestamp.body` with every given secret (key = base64-decoded part after `whsec_`), giving
 * `v1,<base64>` entries separated by spaces, as Standard Webhooks 1.0 specifies.
 */
export function signStandardWebhook(msgId: string, timestampSeconds: number, body: string, secrets: string[]): SignedHeaders {
  const timestamp = String(timestampSeconds);
  // One string, one native update: cheaper than feeding the five parts separately.
  const content = `${msgId}.${timestamp}.${body}`;
  let signatures = '';
  for (const secret of secrets) {
    const mac = createHmac('sha256', signingKey(secret)).update(content).digest('base64');
    signatures = signatures ? `${signatures} v1,${mac}` : `v1,${mac}`;
  }
  return { 'webhook-id': msgId, 'webhook-timestamp': timestamp, 'webhook-signature': signatures };
}
