/** What every Standard Webhooks secret starts with, by convention (the libraries let it be left out). */
export const SECRET_PREFIX = 'whsec_';

/** Standard base64 (not base64url), padding optional: how Standard Webhooks secrets and hookspec's own keys are written. */
export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The base64 part of a secret: after `whsec_`, which the Standard Webhooks libraries let you leave out. */
function encodedPart(secret: string): string {
  return secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
}

/** The HMAC key of a Standard Webhooks secret: the base64 after `whsec_`, decoded. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(encodedPart(secret), 'base64');
}

/** Whether `secret` is `whsec_` (optional) + base64; anything else would decode to some other key. */
export function isSecret(secret: string): boolean {
  const encoded = encodedPart(secret);
  return BASE64.test(encoded) && encoded.replace(/=+$/, '').length % 4 !== 1;
}
