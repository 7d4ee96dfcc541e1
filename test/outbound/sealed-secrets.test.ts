import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSecretsKeys, SealedSecretError, SecretSealer } from '../../src/crypto/secret-sealer.js';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { openStore } from '../../src/store/open.js';
import { DIALECTS, type TestDatabase } from '../store/dialects.js';
import { eventually, startSubscriber, type Subscriber } from './support.js';

const key = () => randomBytes(32);
const b64 = (k: Buffer) => k.toString('base64');
const SECRET = 'whsec_' + randomBytes(24).toString('base64');

describe('SecretSealer', () => {
  it('seals to text that holds neither the secret nor a fixed form, and opens it again', () => {
    const sealer = new SecretSealer([key()]);
    const a = sealer.seal(SECRET, 'sub_1');
    const b = sealer.seal(SECRET, 'sub_1');
    expect(a).toMatch(/^sealed:v1:[0-9a-f]{8}:/);
    expect(a).not.toContain(SECRET.slice(6));
    expect(a).not.toBe(b);
    expect(sealer.open(a, 'sub_1')).toBe(SECRET);
    expect(sealer.open(b, 'sub_1')).toBe(SECRET);
  });

  it('refuses a sealed secret moved to another subscription, or altered', () => {
    const sealer = new SecretSealer([key()]);
    const sealed = sealer.seal(SECRET, 'sub_1');
    expect(() => sealer.open(sealed, 'sub_2')).toThrow(SealedSecretError);
    const bytes = Buffer.from(sealed.slice(sealed.lastIndexOf(':') + 1), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    const altered = sealed.slice(0, sealed.lastIndexOf(':') + 1) + bytes.toString('base64');
    expect(() => sealer.open(altered, 'sub_1')).toThrow(/was altered or belongs to another row/);
    expect(() => sealer.open(sealed.slice(0, sealed.lastIndexOf(':') + 5), 'sub_1')).toThrow(/truncated/);
  });

  it('opens with any listed key, seals with the first, and names what is missing', () => {
    const [oldKey, newKey] = [key(), key()];
    const sealedOld = new SecretSealer([oldKey]).seal(SECRET, 'sub_1');
    const rotated = new SecretSealer([newKey, oldKey]);
    expect(rotated.open(sealedOld, 'sub_1')).toBe(SECRET);
    expect(rotated.stale(sealedOld)).toBe(true);
    expect(rotated.stale(rotated.seal(SECRET, 'sub_1'))).toBe(false);
    expect(rotated.stale(SECRET)).toBe(true);
    expect(() => new SecretSealer([newKey]).open(sealedOld, 'sub_1')).toThrow(/sealed with key [0-9a-f]{8}, which HOOKSPEC_SECRETS_KEY does not list/);
    expect(() => new SecretSealer([]).open(sealedOld, 'sub_1')).toThrow(/HOOKSPEC_SECRETS_KEY is not set/);
  });

  it('without a key stores secrets as they are', () => {
    const none = new SecretSealer([]);
    expect(none.sealing).toBe(false);
    expect(none.seal(SECRET, 'sub_1')).toBe(SECRET);
    expect(none.open(SECRET, 'sub_1')).toBe(SECRET);
    expect(none.stale(SECRET)).toBe(false);
  });

  it.each([
    ['not base64', 'not*base64'],
    ['16 bytes', randomBytes(16).toString('base64')],
    ['an empty entry', `${b64(key())},`],
  ])('refuses a key setting of %s with one line naming the variable', (_name, raw) => {
    expect(() => parseSecretsKeys(raw)).toThrow(/^HOOKSPEC_SECRETS_KEY must be comma-separated base64 keys of 32 bytes/);
  });

  it('reads a rotation list, current key first', () => {
    const [a, b] = [key(), key()];
    expect(parseSecretsKeys(` ${b64(a)} , ${b64(b)}`)).toEqual([a, b]);
    expect(parseSecretsKeys(undefined)).toEqual([]);
    expect(parseSecretsKeys('')).toEqual([]);
  });
});

describe.each(DIALECTS)('subscription secrets sealed at rest ($name)', (dialect) => {
  let db: TestDatabase | undefined;
  let running: RunningHookspec | undefined;
  const subscribers: Subscriber[] = [];
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await Promise.all(subscribers.splice(0).map((s) => s.close()));
    await db?.cleanup();
    db = undefined;
  });

  const start = async (secretsKey?: string) => {
    running = await startHookspec(loadConfig({
      PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db!.url, HOOKSPEC_API_KEY: 'k', HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKSPEC_POLL_INTERVAL_MS: '20', HOOKSPEC_INBOUND_DISPATCH: 'false', ...(secretsKey === undefined ? {} : { HOOKSPEC_SECRETS_KEY: secretsKey }),
    }));
    return running;
  };
  const stop = async () => {
    await running?.close();
    running = undefined;
  };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${running!.url}${path}`, {
      method, headers: { authorization: 'Bearer k', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  /** What the database holds, read past the sealing layer. */
  const stored = async (id: string) => {
    const raw = await openStore(db!.url);
    try {
      return (await raw.outbound.getSubscription(id))!.secrets.map((s) => s.secret);
    } finally {
      await raw.close();
    }
  };
  /** A delivery reaches a real subscriber and verifies with standardwebhooks under the secrets the API gave out. */
  const delivered = async (s: Subscriber, secrets: string[]) => {
    s.secrets = secrets;
    const before = s.received.length;
    expect((await api('POST', '/v1/events', { type: 'ping', data: { message: 'hi' } })).status).toBe(202);
    await eventually(() => expect(s.received.length).toBe(before + 1));
    expect(s.received.at(-1)!.verified).toBe(true);
  };

  it('seals new and rotated secrets, signs with the secrets themselves, and shows them only masked', async () => {
    db = await dialect.fresh();
    await start(b64(key()));
    const s = await startSubscriber();
    subscribers.push(s);
    const created = await api('POST', '/v1/subscriptions', { url: s.url, events: ['ping'] });
    expect(created.status).toBe(201);
    const { id, secret } = created.json;
    expect(secret).toMatch(/^whsec_/);
    const [raw] = await stored(id);
    expect(raw).toMatch(/^sealed:v1:/);
    expect(raw).not.toContain(secret.slice(6));
    await delivered(s, [secret]);

    const rotated = await api('POST', `/v1/subscriptions/${id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    const next = rotated.json.secret;
    expect((await stored(id)).every((v) => v.startsWith('sealed:v1:') && !v.includes(next.slice(6)) && !v.includes(secret.slice(6)))).toBe(true);
    // During the grace period both secrets sign.
    await delivered(s, [secret, next]);
    expect((await api('GET', `/v1/subscriptions/${id}`)).json.secret).toBe(`whsec_****${next.slice(-4)}`);
  });

  it('a secret sealed since the start under a key this instance lacks holds back only its own deliveries', async () => {
    db = await dialect.fresh();
    await start(b64(key()));
    const [good, bad] = [await startSubscriber(), await startSubscriber()];
    subscribers.push(good, bad);
    const goodSub = (await api('POST', '/v1/subscriptions', { url: good.url, events: ['ping'] })).json;
    const badSub = (await api('POST', '/v1/subscriptions', { url: bad.url, events: ['ping'] })).json;
    // Another instance, with another key, rotates the secret.
    const raw = await openStore(db!.url);
    await raw.outbound.setSubscriptionSecrets(badSub.id, [{ secret: new SecretSealer([key()]).seal(SECRET, badSub.id), expires_at: null }], new Date());
    await raw.close();
    await delivered(good, [goodSub.secret]);
    await delivered(good, [goodSub.secret]);
    expect(bad.received).toHaveLength(0);
    const shown = await api('GET', `/v1/subscriptions/${badSub.id}`);
    expect(shown.status).toBe(500);
    expect(shown.json).toMatchObject({ code: 'secret_unreadable', detail: expect.stringContaining('does not list') });
  });

  it('seals plain secrets at start, moves them to a new key, and refuses to start without the key they need', async () => {
    db = await dialect.fresh();
    await start();
    const s = await startSubscriber();
    subscribers.push(s);
    const { id, secret } = (await api('POST', '/v1/subscriptions', { url: s.url, events: ['ping'] })).json;
    expect(await stored(id)).toEqual([secret]);
    await stop();

    const [first, second] = [key(), key()];
    await start(b64(first));
    const sealedFirst = (await stored(id))[0]!;
    expect(sealedFirst).toMatch(/^sealed:v1:/);
    await delivered(s, [secret]);
    await stop();

    await start(`${b64(second)},${b64(first)}`);
    const sealedSecond = (await stored(id))[0]!;
    expect(sealedSecond.split(':')[2]).not.toBe(sealedFirst.split(':')[2]);
    await delivered(s, [secret]);
    await stop();

    // The first key is retired: everything was sealed again under the second.
    await start(b64(second));
    await delivered(s, [secret]);
    await stop();

    await expect(start()).rejects.toThrow(/HOOKSPEC_SECRETS_KEY is not set/);
    await expect(start(b64(first))).rejects.toThrow(/does not list/);
    // A refused start changed nothing: the right key still opens the secret.
    expect(await stored(id)).toEqual([sealedSecond]);
    await start(b64(second));
    await delivered(s, [secret]);
  });
});
