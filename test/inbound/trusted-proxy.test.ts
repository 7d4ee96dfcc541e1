import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, post, signed, startHarness, type Harness, type SignedRequest } from './support/harness.js';

// Behind a reverse proxy every provider reaches hookspec from the proxy's address (here the loopback peer).
const THRESHOLD = 3;
const push = fixture('github-push.json');
const forwardedFor = (req: SignedRequest, xff: string): SignedRequest => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': xff } });
const tampered = async (xff: string) => forwardedFor({ ...(await signed.github(push)), body: push.toString().replace('"refs/heads/main"', '"refs/heads/evil"') }, xff);

async function refusalSources(h: Harness, reason?: string): Promise<string[]> {
  await h.settle();
  return (await h.store.inbound.listRefusals({ limit: 1000 })).filter((r) => !reason || r.reason === reason).map((r) => r.source);
}

/** Sends `req` until it is answered 429 (at most `tries` times); the statuses seen. */
async function hammer(h: Harness, build: () => Promise<SignedRequest>, tries = 10): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < tries && statuses.at(-1) !== 429; i++) statuses.push((await post(h.url, await build())).status);
  return statuses;
}

describe('HOOKSPEC_TRUSTED_PROXIES=127.0.0.1: the flood guard and the audit see the forwarded client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ HOOKSPEC_TRUSTED_PROXIES: '127.0.0.1', HOOKSPEC_INBOUND_FLOOD_THRESHOLD: String(THRESHOLD), HOOKSPEC_INBOUND_FLOOD_WINDOW_MS: '30000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('an attacker behind the proxy gets 429 while a real delivery through the same proxy still gets 200', async () => {
    const statuses = await hammer(h, () => tampered('203.0.113.7'));
    expect(statuses.slice(0, THRESHOLD)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);

    const delivery = crypto.randomUUID();
    const good = await post(h.url, forwardedFor(await signed.github(push, 'push', delivery), '198.51.100.9'));
    expect(good.status).toBe(200);

    expect(await refusalSources(h, 'too_many_failures')).toEqual(['203.0.113.7']);
    expect(new Set(await refusalSources(h, 'invalid_signature'))).toEqual(new Set(['203.0.113.7']));
    const stored = (await h.store.inbound.listDeliveries({ limit: 100 })).find((d) => d.deliveryId === delivery);
    expect(stored?.source).toBe('198.51.100.9');
  });

  it('a client-written leftmost entry is not believed: spoofing the real sender neither frames it nor escapes the block', async () => {
    const before = (await refusalSources(h)).length;
    // Every request claims to come from the real sender; only the entry our proxy appended counts.
    const statuses = await hammer(h, () => tampered('198.51.100.9, 203.0.113.20'));
    expect(statuses.at(-1)).toBe(429);
    // Rotating the spoofed part does not make a new address (one of two requests within a second may be the probe).
    const rotated = [(await post(h.url, await tampered('1.2.3.4, 203.0.113.20'))).status, (await post(h.url, await tampered('5.6.7.8, 203.0.113.20'))).status];
    expect(rotated).toContain(429);
    const sources = await refusalSources(h);
    expect(new Set(sources.slice(0, sources.length - before))).toEqual(new Set(['203.0.113.20']));
    expect((await post(h.url, forwardedFor(await signed.github(push), '198.51.100.9'))).status).toBe(200);
  });

  it('repeated X-Forwarded-For lines are joined (RFC 9110) and the last one, our proxy\'s, counts', async () => {
    const req = await signed.github(push);
    const url = new URL(h.url);
    const status = await new Promise<number>((resolve, reject) => {
      // node's client sends an array as two header lines.
      const headers = { ...req.headers, 'x-hub-signature-256': 'sha256=' + '0'.repeat(64), 'x-forwarded-for': ['1.2.3.4', '203.0.113.30'] };
      const out = request({ host: url.hostname, port: url.port, path: req.path, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      out.on('error', reject);
      out.end(req.body);
    });
    expect(status).toBe(401);
    expect((await refusalSources(h))[0]).toBe('203.0.113.30');
  });

  it('a missing or unreadable X-Forwarded-For falls back to the socket address', async () => {
    expect((await post(h.url, await tampered('203.0.113.40'))).status).toBe(401);
    expect((await refusalSources(h))[0]).toBe('203.0.113.40');
    const { 'x-forwarded-for': _, ...withoutHeader } = (await tampered('')).headers;
    const requests = [{ ...(await tampered('')), headers: withoutHeader }, await tampered(''), await tampered('not-an-address'), await tampered('203.0.113.7:'), await tampered('203.0.113.7,')];
    for (const req of requests) {
      expect((await post(h.url, req)).status).toBeOneOf([401, 429]);
      expect((await refusalSources(h))[0]).toBe('127.0.0.1');
    }
  });
});

describe('HOOKSPEC_TRUSTED_PROXIES behind a proxy that appends ports and brackets (Azure Application Gateway)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ HOOKSPEC_TRUSTED_PROXIES: '127.0.0.1', HOOKSPEC_INBOUND_FLOOD_THRESHOLD: String(THRESHOLD), HOOKSPEC_INBOUND_FLOOD_WINDOW_MS: '30000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('an attacker at IP:port is blocked alone: real senders at other IP:ports through the same proxy get 200', async () => {
    // The same attacker, a new source port per connection: still one address.
    let port = 40000;
    const statuses = await hammer(h, () => tampered(`203.0.113.50:${port++}`));
    expect(statuses.at(-1)).toBe(429);
    const senders = ['198.51.100.9:443', '[2001:DB8::7]:50123', '[2001:db8:0:0:0:0:0:8]', '::ffff:198.51.100.10'];
    const ids: string[] = [];
    for (const xff of senders) {
      const delivery = crypto.randomUUID();
      ids.push(delivery);
      expect((await post(h.url, forwardedFor(await signed.github(push, 'push', delivery), xff))).status, xff).toBe(200);
    }
    await h.settle();
    const stored = await h.store.inbound.listDeliveries({ limit: 100 });
    expect(ids.map((id) => stored.find((d) => d.deliveryId === id)?.source)).toEqual(['198.51.100.9', '2001:db8::7', '2001:db8::8', '198.51.100.10']);
    expect(new Set(await refusalSources(h))).toEqual(new Set(['203.0.113.50']));
  });
});

describe.each([
  ['unset', {}],
  ['naming other addresses than the peer', { HOOKSPEC_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32' }],
])('HOOKSPEC_TRUSTED_PROXIES %s: X-Forwarded-For is ignored', (_name, env: Record<string, string>) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ...env, HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '10000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('the refusal and the delivery are recorded under the socket address', async () => {
    expect((await post(h.url, await tampered('203.0.113.7'))).status).toBe(401);
    expect(await refusalSources(h)).toEqual(['127.0.0.1']);
    const delivery = crypto.randomUUID();
    expect((await post(h.url, forwardedFor(await signed.github(push, 'push', delivery), '198.51.100.9'))).status).toBe(200);
    const stored = (await h.store.inbound.listDeliveries({ limit: 100 })).find((d) => d.deliveryId === delivery);
    expect(stored?.source).toBe('127.0.0.1');
  });
});
