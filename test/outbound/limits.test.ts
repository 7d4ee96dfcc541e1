import { afterEach, describe, expect, it } from 'vitest';
import { generateSecret, MAX_SIGNING_SECRETS, rotateSecrets } from '../../src/outbound/secrets.js';
import { eventually, startEngine, startSubscriber, subscribe, type Subscriber, type TestEngine } from './support.js';

describe('per-subscription limits and secret rotation', () => {
  let t: TestEngine | undefined;
  const subscribers: Subscriber[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await Promise.all(subscribers.splice(0).map((s) => s.close()));
  });

  it('a slow subscriber holds only its own slots: a fast one is served meanwhile', async () => {
    t = await startEngine({ HOOKSPEC_SUBSCRIPTION_CONCURRENCY: '2', HOOKSPEC_MAX_IN_FLIGHT: '8', HOOKSPEC_DELIVERY_TIMEOUT_MS: '5000' });
    let inFlight = 0;
    let maxInFlight = 0;
    const slow = await startSubscriber((_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end();
      }, 300);
    });
    const fast = await startSubscriber();
    subscribers.push(slow, fast);
    await subscribe(t, slow);
    await subscribe(t, fast);
    for (let i = 0; i < 20; i++) await t.engine.publisher.publish('order.created', { i });
    await eventually(() => expect(fast.received).toHaveLength(20), 3000);
    // The slow one needs 10 × 300 ms for its 20 with two slots; the fast one was not made to wait for it.
    expect(slow.received.length).toBeLessThan(20);
    expect(maxInFlight).toBe(2);
    await eventually(() => expect(slow.received).toHaveLength(20), 6000);
  });

  it('subscriptions on one slow host hold at most that host\'s connections, so another host is served meanwhile', async () => {
    t = await startEngine({ HOOKSPEC_MAX_IN_FLIGHT: '8', HOOKSPEC_SUBSCRIPTION_CONCURRENCY: '4', HOOKSPEC_CONNECTIONS_PER_ORIGIN: '2', HOOKSPEC_DELIVERY_TIMEOUT_MS: '5000' });
    let inFlight = 0;
    let maxInFlight = 0;
    const slowHost = await startSubscriber((_req, res) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.end();
      }, 300);
    });
    const fast = await startSubscriber();
    subscribers.push(slowHost, fast);
    // Three subscriptions on one origin: 12 slots by their own concurrency, more than the 8 in all.
    for (const path of ['/a', '/b', '/c']) await subscribe(t, { ...slowHost, url: `${slowHost.url}${path}` });
    await subscribe(t, fast);
    const publishedAt = Date.now();
    for (let i = 0; i < 10; i++) await t.engine.publisher.publish('order.created', { i });
    await eventually(() => expect(fast.received).toHaveLength(10), 3000);
    // The slow host needs 30 × 300 ms ÷ 2 connections = 4.5 s; the fast one did not wait behind its queue.
    expect(fast.received[9]!.at - publishedAt).toBeLessThan(1500);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    await eventually(() => expect(slowHost.received).toHaveLength(30), 10_000);
  }, 20_000);

  it('subscriptions sharing a capped host take turns at its connections: one with a single event is not starved', async () => {
    t = await startEngine({ HOOKSPEC_SUBSCRIPTION_CONCURRENCY: '2', HOOKSPEC_CONNECTIONS_PER_ORIGIN: '2', HOOKSPEC_DELIVERY_TIMEOUT_MS: '5000' });
    const host = await startSubscriber((_req, res) => setTimeout(() => res.end(), 200));
    subscribers.push(host);
    await subscribe(t, { ...host, url: `${host.url}/a` }, ['order.created']);
    await subscribe(t, { ...host, url: `${host.url}/b` }, ['order.created']);
    await subscribe(t, { ...host, url: `${host.url}/c` }, ['ping']);
    for (let i = 0; i < 20; i++) await t.engine.publisher.publish('order.created', { i });
    const ping = await t.engine.publisher.publish('ping', {});
    const publishedAt = Date.now();
    // A and B hold 40 sends of 200 ms for 2 connections (4 s); C's one goes within a few turns.
    await eventually(() => expect(host.received.some((r) => r.id === ping.id)).toBe(true), 10_000);
    expect(host.received.find((r) => r.id === ping.id)!.at - publishedAt).toBeLessThan(1_500);
  }, 20_000);

  it('a backlog held back from claims does not hide a new subscription\'s deliveries behind it', async () => {
    t = await startEngine({ HOOKSPEC_SUBSCRIPTION_CONCURRENCY: '1', HOOKSPEC_DELIVERY_TIMEOUT_MS: '5000' });
    const slow = await startSubscriber((_req, res) => setTimeout(() => res.end(), 200));
    const fast = await startSubscriber();
    subscribers.push(slow, fast);
    await subscribe(t, slow);
    // 30 due rows for the slow one: it may hold 4 locally, so the claims exclude it and skip its backlog.
    for (let i = 0; i < 30; i++) await t.engine.publisher.publish('order.created', { i });
    await eventually(() => expect(slow.received.length).toBeGreaterThan(0));
    await subscribe(t, fast);
    const publishedAt = Date.now();
    await t.engine.publisher.publish('order.created', { late: true });
    await eventually(() => expect(fast.received).toHaveLength(1), 3000);
    expect(fast.received[0]!.at - publishedAt).toBeLessThan(1000);
    expect(slow.received.length).toBeLessThan(31);
  });

  it('rate_limit_per_second spaces the sends to one subscriber', async () => {
    t = await startEngine();
    const s = await startSubscriber();
    subscribers.push(s);
    await subscribe(t, s, ['*'], { rate_limit_per_second: 10 });
    for (let i = 0; i < 15; i++) await t.engine.publisher.publish('order.created', { i });
    await eventually(() => expect(s.received).toHaveLength(15), 4000);
    // A burst of 10, then 5 more at 10/s: at least ~400 ms between the first and the last.
    expect(s.received[14]!.at - s.received[0]!.at).toBeGreaterThanOrEqual(400);
  });

  it('a rate-limited backlog longer than a lease is sent, not worn out: each delivery keeps its attempts for real failures', async () => {
    // 1 s of each 3 s lease is left to start sends in: at 5/s a worker can start 5 of a claim, not all 15.
    t = await startEngine({ HOOKSPEC_LEASE_MS: '3000', HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000' });
    const seen = new Set<string>();
    // Each delivery fails once, then succeeds: one retry of the 4 attempts the schedule allows.
    const s = await startSubscriber((req, res) => {
      const id = String(req.headers['webhook-id']);
      res.statusCode = seen.has(id) ? 200 : 500;
      seen.add(id);
      res.end();
    });
    subscribers.push(s);
    await subscribe(t, s, ['*'], { rate_limit_per_second: 5 });
    const events: { id: string }[] = [];
    for (let i = 0; i < 15; i++) events.push(await t.engine.publisher.publish('order.created', { i }));
    const deliveries = async () => (await Promise.all(events.map((e) => t!.store.outbound.listDeliveriesForEvent(e.id)))).flat();
    await eventually(async () => expect((await deliveries()).map((d) => d.status)).toEqual(Array(15).fill('succeeded')), 15_000);
    // Two requests per delivery, and the attempt count says two: claims that ran out of lease unsent did not count.
    const requests = new Map<string, number>();
    for (const r of s.received) requests.set(r.id, (requests.get(r.id) ?? 0) + 1);
    expect([...requests.values()]).toEqual(Array(15).fill(2));
    expect((await deliveries()).map((d) => d.attempts)).toEqual(Array(15).fill(2));
  }, 30_000);

  it('during rotation both the old and the new secret sign, and each verifies on its own', async () => {
    t = await startEngine();
    const s = await startSubscriber();
    subscribers.push(s);
    const sub = await subscribe(t, s);
    const oldSecret = s.secrets[0]!;
    const newSecret = generateSecret();
    await t.store.outbound.setSubscriptionSecrets(sub.id, rotateSecrets(sub.secrets, newSecret, new Date(), 60_000), new Date());
    s.secrets = [oldSecret, newSecret];
    await t.engine.publisher.publish('order.created', { rotated: true });
    await eventually(() => expect(s.received).toHaveLength(1));
    expect(s.received[0]!.verified).toBe(true);
    expect(s.received[0]!.signature.split(' ')).toHaveLength(2);

    // After the grace period only the new one signs.
    await t.store.outbound.setSubscriptionSecrets(sub.id, rotateSecrets(sub.secrets, newSecret, new Date(), 60_000).map((x) => (x.expires_at ? { ...x, expires_at: new Date(Date.now() - 1).toISOString() } : x)), new Date());
    s.secrets = [newSecret];
    await t.engine.publisher.publish('order.created', { rotated: 'done' });
    await eventually(() => expect(s.received).toHaveLength(2));
    expect(s.received[1]!.signature.split(' ')).toHaveLength(1);
    expect(s.received[1]!.verified).toBe(true);
  });

  it(`many rotations within the grace period sign with the newest ${MAX_SIGNING_SECRETS} secrets only, so the header stays small`, async () => {
    t = await startEngine();
    const s = await startSubscriber();
    subscribers.push(s);
    const sub = await subscribe(t, s);
    let secrets = sub.secrets;
    const issued: string[] = [];
    for (let i = 0; i < 50; i++) {
      issued.unshift(generateSecret());
      secrets = rotateSecrets(secrets, issued[0]!, new Date(), 60_000);
    }
    await t.store.outbound.setSubscriptionSecrets(sub.id, secrets, new Date());
    s.secrets = [issued[0]!];
    await t.engine.publisher.publish('order.created', { rotated: 50 });
    await eventually(() => expect(s.received).toHaveLength(1));
    expect(s.received[0]!.signature.split(' ')).toHaveLength(MAX_SIGNING_SECRETS);
    expect(s.received[0]!.verified).toBe(true);
    // The oldest one still signing is the fifth newest; the sixth no longer verifies.
    s.secrets = [issued[MAX_SIGNING_SECRETS - 1]!];
    await t.engine.publisher.publish('order.created', { rotated: 'fifth' });
    await eventually(() => expect(s.received).toHaveLength(2));
    expect(s.received[1]!.verified).toBe(true);
    s.secrets = [issued[MAX_SIGNING_SECRETS]!];
    await t.engine.publisher.publish('order.created', { rotated: 'sixth' });
    await eventually(() => expect(s.received).toHaveLength(3));
    expect(s.received[2]!.verified).toBe(false);
  });
});
