import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startEngine, startSubscriber, subscribe, type Subscriber, type TestEngine } from './support.js';

const order = { order_id: 'o_1', total: 1200 };

describe('delivery end to end (loopback subscribers verified with standardwebhooks)', () => {
  let t: TestEngine | undefined;
  const subscribers: Subscriber[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await Promise.all(subscribers.splice(0).map((s) => s.close()));
  });
  async function subscriber(...args: Parameters<typeof startSubscriber>) {
    const s = await startSubscriber(...args);
    subscribers.push(s);
    return s;
  }
  const deliveries = async (eventId: string) => t!.store.outbound.listDeliveriesForEvent(eventId);

  it('fans an event out to every matching subscription, signed, with the envelope byte for byte', async () => {
    t = await startEngine();
    const all = await subscriber();
    const orders = await subscriber();
    const other = await subscriber();
    await subscribe(t, all, ['*']);
    await subscribe(t, orders, ['order.created']);
    await subscribe(t, other, ['github.push']);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(() => expect(all.received.length + orders.received.length).toBe(2));
    for (const s of [all, orders]) {
      const [r] = s.received;
      expect(r!.verified).toBe(true);
      expect(r!.id).toBe(event.id);
      expect(r!.payload).toEqual({ type: 'order.created', timestamp: event.created_at, data: order });
    }
    expect(other.received).toHaveLength(0);
    await eventually(async () => expect((await deliveries(event.id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']));
  });

  it('retries a 500 on the schedule with the same webhook-id and logs every attempt', async () => {
    t = await startEngine();
    const s = await subscriber((_req, res, n) => {
      res.statusCode = n < 3 ? 500 : 200;
      res.end(n < 3 ? 'boom' : 'ok');
    });
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('succeeded'));
    expect(s.received.map((r) => r.id)).toEqual([event.id, event.id, event.id]);
    expect(s.received.every((r) => r.verified)).toBe(true);
    // Schedule 0,30,60 ms: the gaps follow it.
    expect(s.received[1]!.at - s.received[0]!.at).toBeGreaterThanOrEqual(25);
    expect(s.received[2]!.at - s.received[1]!.at).toBeGreaterThanOrEqual(55);
    const [delivery] = await deliveries(event.id);
    const attempts = await t.store.outbound.listAttempts([delivery!.id]);
    expect(attempts.map((a) => [a.attempt, a.response_status, a.outcome, a.response_body])).toEqual([
      [1, 500, 'failed', 'boom'],
      [2, 500, 'failed', 'boom'],
      [3, 200, 'succeeded', 'ok'],
    ]);
  });

  it('kills a delivery after the schedule, publishes delivery.exhausted once, and recover re-sends it', async () => {
    t = await startEngine();
    let healthy = false;
    const s = await subscriber((_req, res) => {
      res.statusCode = healthy ? 204 : 500;
      res.end();
    });
    const watcher = await subscriber();
    const sub = await subscribe(t, s, ['*']);
    await subscribe(t, watcher, ['delivery.exhausted']);
    const since = new Date();
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(() => expect(watcher.received).toHaveLength(1));
    const exhausted = watcher.received[0]!.payload;
    expect(exhausted.type).toBe('delivery.exhausted');
    expect(exhausted.data).toMatchObject({ event_id: event.id, event_type: 'order.created', subscription_id: sub.id, attempts: 3, last_status: 500 });
    const [dead] = await deliveries(event.id);
    expect(dead!.status).toBe('dead');
    // The failing subscriber also gets (and fails) the delivery.exhausted event: that one dies quietly, no loop.
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.received).toHaveLength(1);

    healthy = true;
    expect(await t.store.outbound.requeueFailedSince(sub.id, since, new Date())).toBe(2);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('succeeded'));
  });

  it('signs each attempt with the time it is sent, not the time the event was published', async () => {
    // An event published an hour ago, as a retry 10 h into the schedule or a manual retry meets it: signed with its
    // publish time, standardwebhooks (5 min tolerance) would refuse every such attempt.
    t = await startEngine();
    const s = await subscriber();
    await subscribe(t, s);
    const { newId } = await import('../../src/ids.js');
    const publishedAt = new Date(Date.now() - 3_600_000);
    const inserted = await t.store.outbound.insertEvent({
      id: newId('evt'), type: 'order.created', data_json: JSON.stringify(order), created_at: publishedAt, newDeliveryId: () => newId('dlv'),
    });
    expect(inserted.kind).toBe('created');
    t.engine.worker!.wake();
    await eventually(() => expect(s.received).toHaveLength(1));
    const [r] = s.received;
    expect(Math.abs(Number(r!.timestamp) - r!.at / 1000)).toBeLessThan(5);
    expect(r!.verified).toBe(true);
    // The envelope keeps the publish time.
    expect(r!.payload.timestamp).toBe(publishedAt.toISOString());
  });

  it('treats a 301 as a failure and never follows it', async () => {
    t = await startEngine({ HOOKSPEC_RETRY_SCHEDULE_MS: '0' });
    const target = await subscriber();
    const s = await subscriber((_req, res) => {
      res.writeHead(301, { location: target.url });
      res.end();
    });
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('dead'));
    const [d] = await deliveries(event.id);
    const [attempt] = await t.store.outbound.listAttempts([d!.id]);
    expect(attempt).toMatchObject({ response_status: 301, outcome: 'failed' });
    expect(attempt!.error).toContain('not followed');
    expect(target.received).toHaveLength(0);
  });

  it('disables the subscription on 410 and announces subscription.disabled', async () => {
    t = await startEngine();
    const gone = await subscriber((_req, res) => {
      res.statusCode = 410;
      res.end();
    });
    const watcher = await subscriber();
    const sub = await subscribe(t, gone, ['order.created']);
    await subscribe(t, watcher, ['subscription.disabled']);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(() => expect(watcher.received).toHaveLength(1));
    expect(watcher.received[0]!.payload.data).toMatchObject({ subscription_id: sub.id, url: gone.url, reason: 'gone' });
    expect((await t.store.outbound.getSubscription(sub.id))!.status).toBe('disabled');
    expect((await deliveries(event.id))[0]!.status).toBe('failed');
    expect(gone.received).toHaveLength(1);
    // A disabled subscription gets nothing more.
    await t.engine.publisher.publish('order.created', order);
    await new Promise((r) => setTimeout(r, 200));
    expect(gone.received).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    t = await startEngine();
    const s = await subscriber((_req, res, n) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '1' });
      res.end();
    });
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('succeeded'), 5000);
    expect(s.received[1]!.at - s.received[0]!.at).toBeGreaterThanOrEqual(950);
    const attempts = await t.store.outbound.listAttempts([(await deliveries(event.id))[0]!.id]);
    expect(attempts[0]!.outcome).toBe('rate_limited');
  });

  it('times out a hanging subscriber and retries', async () => {
    t = await startEngine({ HOOKSPEC_DELIVERY_TIMEOUT_MS: '200' });
    const s = await subscriber((_req, res, n) => {
      if (n > 1) res.end('ok');
    });
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('succeeded'));
    const attempts = await t.store.outbound.listAttempts([(await deliveries(event.id))[0]!.id]);
    expect(attempts.map((a) => a.outcome)).toEqual(['timeout', 'succeeded']);
    expect(attempts[0]!.error).toContain('timed out');
  });

  it('records connection refused as a network error and retries until dead', async () => {
    t = await startEngine();
    const s = await subscriber();
    await s.close();
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('dead'));
    const attempts = await t.store.outbound.listAttempts([(await deliveries(event.id))[0]!.id]);
    expect(attempts.map((a) => a.outcome)).toEqual(['network_error', 'network_error', 'network_error']);
    expect(attempts[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it('cuts the logged response body to 4 KB', async () => {
    t = await startEngine();
    const s = await subscriber((_req, res) => res.end('x'.repeat(10_000)));
    await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await deliveries(event.id))[0]!.status).toBe('succeeded'));
    const [attempt] = await t.store.outbound.listAttempts([(await deliveries(event.id))[0]!.id]);
    expect(attempt!.response_body).toHaveLength(4096);
  });

  it('disables a subscription whose deliveries have all failed for the configured time', async () => {
    t = await startEngine({ HOOKSPEC_DISABLE_AFTER_MS: '100', HOOKSPEC_RETRY_SCHEDULE_MS: '0,80,80,80' });
    const s = await subscriber((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const sub = await subscribe(t, s, ['order.created']);
    await t.engine.publisher.publish('order.created', order);
    await eventually(async () => expect((await t!.store.outbound.getSubscription(sub.id))!).toMatchObject({ status: 'disabled', disabled_reason: 'failing' }));
  });
});
