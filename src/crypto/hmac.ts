import { createHmac } from 'node:crypto';

/** HMAC-SHA256 over the concatenated parts, without copying them into one buffer first. */
export function hmacSha256(key: string | Uint8Array, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
