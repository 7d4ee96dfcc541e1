import { randomBytes } from 'node:crypto';
import { BASE64, SECRET_PREFIX } from '../crypto/standard-webhooks-secret.js';
import type { SubscriptionSecret } from '../store/outbound-store.js';

/** Bytes of a generated secret (Svix and Standard Webhooks use 24). */
export const SECRET_BYTES = 24;
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

/** A new signing secret: `whsec_` + base64 of 24 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** Why a caller-provided secret is unusable, or undefined when it is fine. */
export function secretProblem(secret: string): string | undefined {
  if (!secret.startsWith(SECRET_PREFIX)) return `a secret must start with "${SECRET_PREFIX}"`;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return 'a secret must be whsec_ followed by base64';
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) return `a secret must decode to ${MIN_SECRET_BYTES}..${MAX_SECRET_BYTES} bytes (got ${bytes})`;
  return undefined;
}

/** What GET shows instead of the secret: the prefix and the last four characters. */
export function maskSecret(secret: string): string {
  return `${SECRET_PREFIX}****${secret.slice(-4)}`;
}

/** Secrets that sign a delivery at `now`: the current one and any rotated-out one still in its grace period. */
export function signingSecrets(secrets: SubscriptionSecret[], now: Date): string[] {
  return secrets.filter((s) => s.expires_at === null || Date.parse(s.expires_at) > now.getTime()).map((s) => s.secret);
}

/**
 * Secrets that sign at once, the current one included. Each adds ~50 bytes to `webhook-signature`: without a bound,
 * a few hundred rotations within the grace period made a header that subscribers' servers refuse (431).
 */
export const MAX_SIGNING_SECRETS = 5;

/**
 * The secret list after a rotation: the new one current, the old current one expiring after the grace period. Past
 * `MAX_SIGNING_SECRETS` the oldest still in its grace period stops signing early.
 */
export function rotateSecrets(secrets: SubscriptionSecret[], next: string, now: Date, graceMs: number): SubscriptionSecret[] {
  const expiresAt = new Date(now.getTime() + graceMs).toISOString();
  // A secret rotated back in (A → B → A) signs once, as the current one, not also as its older self.
  const kept = secrets
    .filter((s) => s.secret !== next && (s.expires_at === null || Date.parse(s.expires_at) > now.getTime()))
    .map((s) => (s.expires_at === null ? { secret: s.secret, expires_at: expiresAt } : s));
  return [{ secret: next, expires_at: null }, ...kept].slice(0, MAX_SIGNING_SECRETS);
}
