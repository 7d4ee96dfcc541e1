import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { BASE64 } from './standard-webhooks-secret.js';

/** Marks a sealed value; a plain subscription secret always starts with `whsec_`, so the two never mix up. */
const SEALED_PREFIX = 'sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Opened values kept by stored text: every delivery's claim would otherwise decrypt the same few secrets again. */
const OPENED_CACHE_MAX = 10_000;

/** A sealed value this process cannot open: the key it names is not configured, or the bytes were altered. */
export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

/**
 * Encrypts subscription signing secrets at rest (AES-256-GCM) with the keys of HOOKSPEC_SECRETS_KEY: the first seals,
 * any opens, so the key can be rotated. The subscription id is the associated data: a sealed secret copied into
 * another row does not open there. Without keys, values are stored as they are and a sealed one cannot be opened.
 */
export class SecretSealer {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string | undefined;
  private readonly opened = new Map<string, string>();

  constructor(keys: readonly Buffer[]) {
    for (const key of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`a secrets key must be ${KEY_BYTES} bytes (got ${key.length})`);
      this.keys.set(keyId(key), key);
    }
    this.currentKeyId = keys.length > 0 ? keyId(keys[0]!) : undefined;
  }

  get sealing(): boolean {
    return this.currentKeyId !== undefined;
  }

  /** The value to store for `plain`: sealed under the current key, or `plain` itself when no key is configured. */
  seal(plain: string, subscriptionId: string): string {
    if (this.currentKeyId === undefined) return plain;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv).setAAD(Buffer.from(subscriptionId));
    const sealed = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${this.currentKeyId}:${sealed.toString('base64')}`;
  }

  /** The secret a stored value holds. Throws SealedSecretError when it is sealed and cannot be opened here. */
  open(stored: string, subscriptionId: string): string {
    if (!stored.startsWith(SEALED_PREFIX)) return stored;
    const cacheKey = `${subscriptionId}\0${stored}`;
    const cached = this.opened.get(cacheKey);
    if (cached !== undefined) return cached;
    const plain = this.decrypt(stored, subscriptionId);
    if (this.opened.size >= OPENED_CACHE_MAX) this.opened.clear();
    this.opened.set(cacheKey, plain);
    return plain;
  }

  /** Whether a stored value should be sealed again: it is plain, or sealed under a key other than the current one. */
  stale(stored: string): boolean {
    if (this.currentKeyId === undefined) return false;
    return !stored.startsWith(`${SEALED_PREFIX}${this.currentKeyId}:`);
  }

  private decrypt(stored: string, subscriptionId: string): string {
    const rest = stored.slice(SEALED_PREFIX.length);
    const colon = rest.indexOf(':');
    const id = rest.slice(0, colon);
    const key = colon > 0 ? this.keys.get(id) : undefined;
    if (!key) {
      throw new SealedSecretError(this.keys.size === 0
        ? `subscription ${subscriptionId}'s secrets are sealed, and HOOKSPEC_SECRETS_KEY is not set: set it to the key they were sealed with`
        : `subscription ${subscriptionId}'s secrets are sealed with key ${id || '?'}, which HOOKSPEC_SECRETS_KEY does not list: add that key after the current one`);
    }
    const bytes = Buffer.from(rest.slice(colon + 1), 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedSecretError(`subscription ${subscriptionId}'s sealed secret is truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(subscriptionId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedSecretError(`subscription ${subscriptionId}'s sealed secret does not open with key ${id}: it was altered or belongs to another row`);
    }
  }
}

/** A short, public name for a key (a hash prefix), stored with each sealed value so the right key is tried. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('hookspec secrets key\0').update(key).digest('hex').slice(0, 8);
}

/** HOOKSPEC_SECRETS_KEY's value as keys: comma-separated base64 of 32 bytes each, the current key first. */
export function parseSecretsKeys(raw: string | undefined, name = 'HOOKSPEC_SECRETS_KEY'): Buffer[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry, i) => {
    const text = entry.trim();
    const key = Buffer.from(text, 'base64');
    if (!BASE64.test(text) || key.length !== KEY_BYTES) {
      throw new Error(`${name} must be comma-separated base64 keys of ${KEY_BYTES} bytes (entry ${i + 1} is not); make one with: openssl rand -base64 32`);
    }
    return key;
  });
}
