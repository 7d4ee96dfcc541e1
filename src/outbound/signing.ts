import { hmacSha256 } from '../crypto/hmac.js';
import { SECRET_PREFIX } from './secrets.js';

/** Standard Webhooks request headers for one attempt. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs `id.timestamp.body` with every given secret (key = base64-decoded part after `whsec_`), giving
 * `v1,<base64>` entries separated by spaces, as Standard Webhooks 1.0 specifies.
 */
export function signStandardWebhook(msgId: string, timestampSeconds: number, body: string, secrets: string[]): SignedHeaders {
  const timestamp = String(timestampSeconds);
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
    return `v1,${hmacSha256(key, msgId, '.', timestamp, '.', body).toString('base64')}`;
  });
  return { 'webhook-id': msgId, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}
