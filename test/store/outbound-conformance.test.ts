import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import type { AttemptOutcome, ClaimedDelivery, NewEvent, NewSubscription } from '../../src/store/outbound-store.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from './dialects.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);

function subscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    id: newId('sub'),
    url: 'https://example.com/hook',
    events: ['order.created'],
    description: null,
    metadata: {},
    rate_limit_per_second: null,
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    created_at: at(0),
    ...overrides,
  };
}

function event(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: newId('evt'),
    type: 'order.created',
    data_json: '{"order_id":"o_1","total":{"amount":1200,"currency":"EUR"}}',
    created_at: at(1_000),
    newDeliveryId: () => newId('dlv'),
    ...overrides,
  };
}

function outcome(claimed: ClaimedDelivery, overrides: Partial<AttemptOutcome> = {}): AttemptOutcome {
  return {
    delivery_id: claimed.id,
    owner: claimed.lease_owner,
    attempt: claimed.attempt,
    subscription_id: claimed.subscription.id,
    result: 'delivered',
    next_attempt_at: null,
    started_at: at(2_000),
    finished_at: at(2_050),
    latency_ms: 50,
    response_status: 200,
    response_body: 'ok',
    error: null,
    kind: 'succeeded',
    ...overrides,
  };
}

const failure = (claimed: ClaimedDelivery, startedMs: number, overrides: Partial<AttemptOutcome> = {}): AttemptOutcome =>
  outcome(claimed, {
    result: 'retry',
    next_attempt_at: at(startedMs + 5_000),
    started_at: at(startedMs),
    finished_at: at(startedMs + 10),
    response_status: 500,
    response_body: 'down',
    error: 'HTTP 500',
    kind: 'failed',
    ...overrides,
  });

describe.each(DIALECTS)('outbound store conformance on $name', (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let other: Store;

  beforeEach(async () => {
    db = await dialect.fresh();
    store = await openStore(db.url);
    // A second instance on the same database: another API node or delivery worker.
    other = await openStore(db.url);
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    await db.cleanup();
  });

  const claim = (s: Store, owner: string, nowMs: number, limit = 100, leaseMs = 60_000, exclude: string[] = []) =>
    s.outbound.claimDue({ owner, now: at(nowMs), leaseUntil: at(nowMs + leaseMs), limit, excludeSubscriptions: exclude });

  it('creates, reads, pages, updates, rotates and soft-deletes subscriptions', async () => {
    const a = await store.outbound.createSubscription(subscription({ metadata: { team: 'b', app: 'a' }, description: 'first' }));
    const b = await store.outbound.createSubscription(subscription({ events: ['*'], rate_limit_per_second: 5 }));
    expect(a).toMatchObject({
      url: 'https://example.com/hook',
      events: ['order.created'],
      description: 'first',
      metadata: { team: 'b', app: 'a' },
      rate_limit_per_second: null,
      secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', expires_at: null }],
      status: 'active',
      disabled_reason: null,
      failing_since: null,
      created_at: at(0).toISOString(),
      updated_at: at(0).toISOString(),
    });
    expect(await other.outbound.getSubscription(a.id)).toEqual(a);
    expect((await other.outbound.listSubscriptions({ limit: 10 })).map((s) => s.id)).toEqual([b.id, a.id]);
    expect((await other.outbound.listSubscriptions({ limit: 10, cursor: b.id })).map((s) => s.id)).toEqual([a.id]);

    const updated = await other.outbound.updateSubscription(a.id, { url: 'https://example.com/v2', description: null, disabled: true, updated_at: at(5) });
    expect(updated).toMatchObject({ url: 'https://example.com/v2', description: null, status: 'disabled', disabled_reason: 'manual', events: ['order.created'] });
    expect(await store.outbound.updateSubscription(a.id, { disabled: false, updated_at: at(6) })).toMatchObject({ status: 'active', disabled_reason: null });

    const rotated = [
      { secret: 'whsec_new', expires_at: null },
      { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', expires_at: at(86_400_000).toISOString() },
    ];
    expect((await store.outbound.setSubscriptionSecrets(a.id, rotated, at(7)))?.secrets).toEqual(rotated);

    expect(await other.outbound.deleteSubscription(a.id, at(8))).toBe(true);
    expect(await store.outbound.deleteSubscription(a.id, at(9))).toBe(false);
    expect(await store.outbound.getSubscription(a.id)).toBeUndefined();
    expect(await store.outbound.updateSubscription(a.id, { url: 'https://x.example', updated_at: at(9) })).toBeUndefined();
    expect((await store.outbound.listSubscriptions({ limit: 10 })).map((s) => s.id)).toEqual([b.id]);
  });

  it('fans an event out to every matching active subscription, and only there', async () => {
    const exact = await store.outbound.createSubscription(subscription());
    const wildcard = await store.outbound.createSubscription(subscription({ events: ['*'] }));
    await store.outbound.createSubscription(subscription({ events: ['ping'] }));
    const disabled = await store.outbound.createSubscription(subscription({ events: ['*'] }));
    await store.outbound.disableSubscription(disabled.id, 'manual', at(1));
    const deleted = await store.outbound.createSubscription(subscription({ events: ['order.created'] }));
    await store.outbound.deleteSubscription(deleted.id, at(1));

    const ev = event();
    const created = await other.outbound.insertEvent(ev);
    expect(created).toEqual({ kind: 'created', deliveries: 2, event: { id: ev.id, type: ev.type, data_json: ev.data_json, created_at: at(1_000).toISOString() } });
    const deliveries = await store.outbound.listDeliveriesForEvent(ev.id);
    expect(deliveries.map((d) => d.subscription_id).sort()).toEqual([exact.id, wildcard.id].sort());
    expect(deliveries[0]).toMatchObject({
      event_id: ev.id,
      event_type: 'order.created',
      url: 'https://example.com/hook',
      status: 'pending',
      attempts: 0,
      next_attempt_at: at(1_000).toISOString(),
      last_response_status: null,
      last_error: null,
      created_at: at(1_000).toISOString(),
    });
    expect(await store.outbound.getDelivery(deliveries[0]!.id)).toEqual(deliveries[0]);
    expect(await store.outbound.getEvent(ev.id)).toEqual(created.kind === 'created' && created.event);

    const ping = await store.outbound.insertEvent(event({ type: 'ping', data_json: '{}', only_subscription_id: disabled.id }));
    expect(ping).toMatchObject({ kind: 'created', deliveries: 1 });
  });

  it('finds active subscriptions naming types outside the catalog, never a wildcard, disabled or deleted one', async () => {
    const catalog = ['order.created', 'ping'];
    expect(await store.outbound.findStaleSubscriptions(catalog, 5)).toEqual({ count: 0, ids: [], types: [] });
    await store.outbound.createSubscription(subscription({ events: ['order.created', 'ping'] }));
    await store.outbound.createSubscription(subscription({ events: ['*', 'order.cancelled'] }));
    const disabled = await store.outbound.createSubscription(subscription({ events: ['order.cancelled'] }));
    await store.outbound.disableSubscription(disabled.id, 'manual', at(1));
    const deleted = await store.outbound.createSubscription(subscription({ events: ['order.gone'] }));
    await store.outbound.deleteSubscription(deleted.id, at(1));
    const stale = [
      await store.outbound.createSubscription(subscription({ events: ['order.created', 'order.refunded'] })),
      await store.outbound.createSubscription(subscription({ events: ['order.cancelled'] })),
      await store.outbound.createSubscription(subscription({ events: ['order.cancelled', 'order.refunded'] })),
    ].map((s) => s.id).sort();
    expect(await other.outbound.findStaleSubscriptions(catalog, 5)).toEqual({ count: 3, ids: stale, types: ['order.cancelled', 'order.refunded'] });
    expect(await other.outbound.findStaleSubscriptions(catalog, 2)).toEqual({ count: 3, ids: stale.slice(0, 2), types: ['order.cancelled', 'order.refunded'] });
    expect((await store.outbound.findStaleSubscriptions([...catalog, 'order.cancelled', 'order.refunded'], 5)).count).toBe(0);
  });

  it('lists events newest first by type, time and cursor', async () => {
    const e1 = event({ created_at: at(1_000) });
    const e2 = event({ type: 'ping', data_json: '{}', created_at: at(2_000) });
    const e3 = event({ created_at: at(3_000) });
    for (const e of [e1, e2, e3]) await store.outbound.insertEvent(e);
    expect((await other.outbound.listEvents({ limit: 10 })).map((e) => e.id)).toEqual([e3.id, e2.id, e1.id]);
    expect((await other.outbound.listEvents({ limit: 10, type: 'order.created' })).map((e) => e.id)).toEqual([e3.id, e1.id]);
    expect((await other.outbound.listEvents({ limit: 10, since: at(2_000) })).map((e) => e.id)).toEqual([e3.id, e2.id]);
    expect((await other.outbound.listEvents({ limit: 1, cursor: e3.id })).map((e) => e.id)).toEqual([e2.id]);
  });

  it('answers a repeated idempotency key with the first event, a changed body with a conflict, an expired key afresh', async () => {
    await store.outbound.createSubscription(subscription());
    const key = { key: 'order-1', request_hash: 'h1', expires_at: at(10_000) };
    const first = await store.outbound.insertEvent(event({ idempotency: key }));
    expect(first.kind).toBe('created');
    const again = await other.outbound.insertEvent(event({ idempotency: key, created_at: at(2_000) }));
    expect(again).toEqual({ kind: 'replayed', event: first.kind === 'created' && first.event });
    expect(await other.outbound.insertEvent(event({ idempotency: { ...key, request_hash: 'h2' }, created_at: at(2_000) }))).toEqual({ kind: 'conflict' });
    expect((await other.outbound.listEvents({ limit: 10 })).length).toBe(1);

    const late = await store.outbound.insertEvent(event({ idempotency: { ...key, request_hash: 'h2', expires_at: at(30_000) }, created_at: at(10_000) }));
    expect(late.kind).toBe('created');
    expect(await store.outbound.purgeIdempotencyKeys(at(29_999))).toBe(0);
    expect(await other.outbound.purgeIdempotencyKeys(at(30_000))).toBe(1);
  });

  it('answers a key that alone names its request (request_hash null) with its first event, whatever hash it was stored with', async () => {
    await store.outbound.createSubscription(subscription());
    // Stored by an earlier version with a body hash: a key-only retry of the same delivery is still a replay.
    const hashed = { key: 'inbound:in_1', request_hash: 'h1', expires_at: at(10_000) };
    const first = await store.outbound.insertEvent(event({ idempotency: hashed }));
    const keyOnly = { key: 'inbound:in_1', request_hash: null, expires_at: at(10_000) };
    expect(await other.outbound.insertEvent(event({ idempotency: keyOnly, created_at: at(2_000) }))).toEqual({ kind: 'replayed', event: first.kind === 'created' && first.event });

    const fresh = { key: 'inbound:in_2', request_hash: null, expires_at: at(10_000) };
    const created = await store.outbound.insertEvent(event({ idempotency: fresh }));
    expect(created.kind).toBe('created');
    expect(await other.outbound.insertEvent(event({ idempotency: fresh, created_at: at(2_000) }))).toEqual({ kind: 'replayed', event: created.kind === 'created' && created.event });
    expect((await other.outbound.listEvents({ limit: 10 })).length).toBe(2);
  });

  it('creates one event when two instances publish with the same key at the same moment', async () => {
    await store.outbound.createSubscription(subscription());
    for (let round = 0; round < 10; round++) {
      const key = { key: `race-${round}`, request_hash: 'same', expires_at: at(100_000) };
      const results = await Promise.all([store.outbound.insertEvent(event({ idempotency: key })), other.outbound.insertEvent(event({ idempotency: key }))]);
      expect(results.map((r) => r.kind).sort()).toEqual(['created', 'replayed']);
      const ids = results.map((r) => (r.kind === 'conflict' ? undefined : r.event.id));
      expect(ids[0]).toBe(ids[1]);
    }
    expect((await store.outbound.listEvents({ limit: 100 })).length).toBe(10);
  });

  it('claims due deliveries once across instances, with a lease and the next attempt number', async () => {
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(await store.outbound.createSubscription(subscription({ events: ['*'] })));
    for (let i = 0; i < 20; i++) await store.outbound.insertEvent(event({ created_at: at(1_000 + i) }));
    expect(await claim(store, 'early', 999)).toEqual([]);

    const [a, b] = await Promise.all([claim(store, 'wrk_a', 5_000, 40), claim(other, 'wrk_b', 5_000, 40)]);
    const all = [...a, ...b];
    expect(all).toHaveLength(60);
    expect(new Set(all.map((c) => c.id)).size).toBe(60);
    expect(a.every((c) => c.lease_owner === 'wrk_a' && c.attempt === 1 && c.schedule_attempt === 1 && c.lease_expires_at === T0 + 65_000)).toBe(true);
    expect(a[0]!.event).toMatchObject({ type: 'order.created', data_json: event().data_json });
    expect(a[0]!.subscription).toEqual({
      id: expect.any(String),
      url: 'https://example.com/hook',
      secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', expires_at: null }],
      rate_limit_per_second: null,
    });
    expect(await claim(other, 'wrk_c', 6_000)).toEqual([]);
    expect((await store.outbound.getDelivery(all[0]!.id))?.status).toBe('delivering');
  });

  it('skips excluded and disabled subscriptions when claiming', async () => {
    const keep = await store.outbound.createSubscription(subscription());
    const excluded = await store.outbound.createSubscription(subscription());
    const disabled = await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event());
    await store.outbound.disableSubscription(disabled.id, 'manual', at(1_500));
    const claimed = await claim(other, 'wrk', 5_000, 10, 60_000, [excluded.id]);
    expect(claimed.map((c) => c.subscription.id)).toEqual([keep.id]);
  });

  it('fences results: a stale or foreign attempt never overwrites the newer one, and expired leases are swept', async () => {
    await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event());
    const [first] = await claim(store, 'wrk_old', 2_000, 10, 10_000);
    expect(await other.outbound.sweepExpiredLeases(at(11_999))).toBe(0);
    expect(await other.outbound.sweepExpiredLeases(at(12_001))).toBe(1);
    const [second] = await claim(other, 'wrk_new', 12_001, 10, 10_000);
    expect(second).toMatchObject({ id: first!.id, attempt: 2, lease_owner: 'wrk_new' });

    // The old worker finally answers: its attempt 1 result must not land.
    const [stale] = await store.outbound.recordOutcomes([outcome(first!)]);
    expect(stale).toEqual({ delivery_id: first!.id, applied: false });
    expect(await store.outbound.recordOutcomes([outcome(second!, { owner: 'wrk_old' })])).toEqual([{ delivery_id: first!.id, applied: false }]);
    expect((await store.outbound.getDelivery(first!.id))?.status).toBe('delivering');

    const [fresh] = await other.outbound.recordOutcomes([failure(second!, 12_100)]);
    expect(fresh).toEqual({ delivery_id: first!.id, applied: true });
    expect(await store.outbound.getDelivery(first!.id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      next_attempt_at: at(17_100).toISOString(),
      last_response_status: 500,
      last_error: 'HTTP 500',
    });
    expect(await store.outbound.listAttempts([first!.id])).toEqual([
      {
        delivery_id: first!.id,
        attempt: 2,
        started_at: at(12_100).toISOString(),
        response_status: 500,
        latency_ms: 50,
        response_body: 'down',
        error: 'HTTP 500',
        outcome: 'failed',
        next_attempt_at: at(17_100).toISOString(),
      },
    ]);
    expect(await claim(store, 'wrk', 17_099)).toEqual([]);
    const [third] = await claim(store, 'wrk', 17_100);
    expect(third).toMatchObject({ attempt: 3, schedule_attempt: 3 });
    await store.outbound.recordOutcomes([outcome(third!)]);
    expect(await other.outbound.getDelivery(first!.id)).toMatchObject({ status: 'succeeded', attempts: 3, next_attempt_at: null });
  });

  it('keeps the failure clock in the database: set by one instance, cleared or acted on by another', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    for (let i = 0; i < 3; i++) await store.outbound.insertEvent(event());
    const [d1, d2, d3] = await claim(store, 'wrk_a', 2_000);
    await store.outbound.recordOutcomes([failure(d1!, 2_000)]);
    expect((await other.outbound.getSubscription(sub.id))?.failing_since).toBe(at(2_000).toISOString());
    // A later failure keeps the start of the streak; not yet old enough to disable.
    const [notYet] = await other.outbound.recordOutcomes([failure(d2!, 3_000, { disable_if_failing_since_before: at(1_999) })]);
    expect(notYet).toEqual({ delivery_id: d2!.id, applied: true });
    expect((await store.outbound.getSubscription(sub.id))?.failing_since).toBe(at(2_000).toISOString());
    const [disabled] = await other.outbound.recordOutcomes([failure(d3!, 4_000, { result: 'dead', next_attempt_at: null, disable_if_failing_since_before: at(2_000) })]);
    expect(disabled).toEqual({
      delivery_id: d3!.id,
      applied: true,
      disabled_subscription: { id: sub.id, url: sub.url, reason: 'failing', failing_since: at(2_000).toISOString() },
    });
    expect(await store.outbound.getSubscription(sub.id)).toMatchObject({ status: 'disabled', disabled_reason: 'failing' });
    expect(await store.outbound.disableSubscription(sub.id, 'again', at(5_000))).toBe(false);

    // Re-enabling clears the clock; a success also clears it.
    expect(await store.outbound.updateSubscription(sub.id, { disabled: false, updated_at: at(6_000) })).toMatchObject({ status: 'active', failing_since: null });
    await store.outbound.insertEvent(event({ created_at: at(6_000) }));
    await store.outbound.insertEvent(event({ created_at: at(6_000) }));
    const [e1, e2] = await claim(other, 'wrk_b', 7_000);
    await other.outbound.recordOutcomes([failure(e1!, 7_000), outcome(e2!, { started_at: at(7_100) })]);
    expect((await store.outbound.getSubscription(sub.id))?.failing_since).toBeNull();
  });

  it('disables a subscription once on 410 Gone, even when two outcomes say so', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event());
    await store.outbound.insertEvent(event());
    const [g1, g2] = await claim(store, 'wrk', 2_000);
    const gone = (c: ClaimedDelivery) =>
      failure(c, 2_000, { result: 'failed', next_attempt_at: null, response_status: 410, kind: 'gone', error: 'gone', disable_reason: 'gone' });
    const effects = await store.outbound.recordOutcomes([gone(g1!), gone(g2!)]);
    expect(effects.filter((e) => e.disabled_subscription).map((e) => e.disabled_subscription!.reason)).toEqual(['gone']);
    expect(await other.outbound.getSubscription(sub.id)).toMatchObject({ status: 'disabled', disabled_reason: 'gone' });
    expect((await other.outbound.getDelivery(g1!.id))?.status).toBe('failed');
  });

  it('re-queues by hand: one delivery, or every failed one since a time, restarting the schedule', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event({ created_at: at(1_000) }));
    await store.outbound.insertEvent(event({ created_at: at(3_000) }));
    await store.outbound.insertEvent(event({ created_at: at(3_500) }));
    const [old, recent, delivered] = await claim(store, 'wrk', 4_000);
    expect(await other.outbound.requeueDelivery(old!.id, at(4_100))).toBe(false);
    const dead = (c: ClaimedDelivery) => failure(c, 4_200, { result: 'dead', next_attempt_at: null });
    await store.outbound.recordOutcomes([dead(old!), dead(recent!), outcome(delivered!)]);

    // Only the failed or dead ones since then: a delivered one is not sent again.
    expect(await other.outbound.requeueFailedSince(sub.id, at(2_000), at(5_000))).toBe(1);
    expect(await store.outbound.getDelivery(recent!.id)).toMatchObject({ status: 'pending', next_attempt_at: at(5_000).toISOString() });
    expect((await store.outbound.getDelivery(delivered!.id))?.status).toBe('succeeded');
    expect(await other.outbound.requeueDelivery(old!.id, at(5_000))).toBe(true);
    const again = await claim(store, 'wrk', 5_000);
    expect(again.map((c) => [c.attempt, c.schedule_attempt])).toEqual([
      [2, 1],
      [2, 1],
    ]);

    await store.outbound.deleteSubscription(sub.id, at(6_000));
    expect(await store.outbound.requeueDelivery(old!.id, at(6_000))).toBe(false);
  });

  it('cancels pending deliveries when their subscription is deleted', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    const ev = event();
    await store.outbound.insertEvent(ev);
    await other.outbound.deleteSubscription(sub.id, at(1_500));
    expect((await store.outbound.listDeliveriesForEvent(ev.id)).map((d) => d.status)).toEqual(['cancelled']);
    expect(await claim(store, 'wrk', 5_000)).toEqual([]);
  });

  it('releases unsent claims of one owner at once, undoing their attempt', async () => {
    await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event());
    await store.outbound.insertEvent(event());
    const [mine, alsoMine] = await claim(store, 'wrk_a', 2_000);
    expect(await other.outbound.releaseClaims('wrk_b', [mine!.id], at(2_100))).toBe(0);
    expect(await other.outbound.releaseClaims('wrk_a', [mine!.id], at(2_100))).toBe(1);
    expect(await store.outbound.getDelivery(mine!.id)).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: at(2_100).toISOString() });
    expect((await store.outbound.getDelivery(alsoMine!.id))?.status).toBe('delivering');
    const [again] = await claim(other, 'wrk_b', 2_200);
    expect(again).toMatchObject({ id: mine!.id, attempt: 1 });
  });

  it('releases attempts cut off at a shutdown deadline, keeping their attempt number as the fence', async () => {
    await store.outbound.createSubscription(subscription());
    await store.outbound.insertEvent(event());
    const [cut] = await claim(store, 'wrk_a', 2_000);
    expect(await other.outbound.releaseClaims('wrk_a', [cut!.id], at(2_100), { attempted: true })).toBe(1);
    expect(await store.outbound.getDelivery(cut!.id)).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: at(2_100).toISOString() });
    const [again] = await claim(other, 'wrk_b', 2_200);
    expect(again).toMatchObject({ id: cut!.id, attempt: 2 });
  });

  it('caps one claim at perSubscriptionLimit rows per subscription, so one backlog cannot fill the batch', async () => {
    const busy = await store.outbound.createSubscription(subscription());
    for (let i = 0; i < 3; i++) await store.outbound.insertEvent(event({ created_at: at(1_000 + i) }));
    const quiet = await store.outbound.createSubscription(subscription({ events: ['ping'], created_at: at(1_100) }));
    await store.outbound.insertEvent(event({ type: 'ping', data_json: '{}', created_at: at(1_200) }));
    const claimed = await store.outbound.claimDue({ owner: 'wrk', now: at(5_000), leaseUntil: at(65_000), limit: 4, excludeSubscriptions: [], perSubscriptionLimit: 2 });
    const per = (id: string) => claimed.filter((c) => c.subscription.id === id).length;
    expect([per(busy.id), per(quiet.id)]).toEqual([2, 1]);
  });

  it('reaches subscriptions behind more due rows of disabled and excluded ones than its scan reads, within the caps', async () => {
    const early = await store.outbound.createSubscription(subscription({ events: ['early', 'late'] }));
    await store.outbound.insertEvent(event({ type: 'early', data_json: '{}', created_at: at(900) }));
    const disabled = await store.outbound.createSubscription(subscription({ events: ['bulk'] }));
    const excluded = await store.outbound.createSubscription(subscription({ events: ['bulk'] }));
    // 60 due rows the claim may not take, ahead of the rest: far more than a 4-row claim's scan reads.
    for (let i = 0; i < 30; i++) await store.outbound.insertEvent(event({ type: 'bulk', data_json: '{}', created_at: at(1_000 + i) }));
    await store.outbound.disableSubscription(disabled.id, 'manual', at(1_100));
    const behind = await store.outbound.createSubscription(subscription({ events: ['late'], created_at: at(1_200) }));
    for (let i = 0; i < 3; i++) await store.outbound.insertEvent(event({ type: 'late', data_json: '{}', created_at: at(2_000 + i) }));
    const claimed = await store.outbound.claimDue({ owner: 'wrk', now: at(5_000), leaseUntil: at(65_000), limit: 4, excludeSubscriptions: [excluded.id], perSubscriptionLimit: 2 });
    const per = (id: string) => claimed.filter((c) => c.subscription.id === id).length;
    expect(per(behind.id)).toBe(2);
    expect([1, 2]).toContain(per(early.id));
    expect(per(disabled.id) + per(excluded.id)).toBe(0);
    // The earliest due rows of the subscription behind, not any two of them.
    const times = claimed.filter((c) => c.subscription.id === behind.id).map((c) => c.event.created_at);
    expect(times.sort()).toEqual([at(2_000).toISOString(), at(2_001).toISOString()]);
  });

  it('caps a rate-limited subscription at what its rate can start within rateWindowMs, and at least one row', async () => {
    const two = await store.outbound.createSubscription(subscription({ rate_limit_per_second: 2 }));
    const one = await store.outbound.createSubscription(subscription({ rate_limit_per_second: 1 }));
    const free = await store.outbound.createSubscription(subscription());
    for (let i = 0; i < 10; i++) await store.outbound.insertEvent(event({ created_at: at(1_000 + i) }));
    const input = { now: at(5_000), leaseUntil: at(65_000), limit: 50, excludeSubscriptions: [], perSubscriptionLimit: 64 };
    const claimed = await store.outbound.claimDue({ ...input, owner: 'wrk_a', rateWindowMs: 1_500 });
    const per = (id: string) => claimed.filter((c) => c.subscription.id === id).length;
    // 2/s × 1.5 s = 3; 1/s × 1.5 s = 1; unlimited: all 10.
    expect([per(two.id), per(one.id), per(free.id)]).toEqual([3, 1, 10]);
    if (dialect.name === 'postgres') {
      // A second live worker halves each share: 2/s ÷ 2 × 1.5 s = 1.
      const next = await other.outbound.claimDue({ ...input, owner: 'wrk_b', rateWindowMs: 1_500 });
      expect(next.filter((c) => c.subscription.id === two.id)).toHaveLength(1);
      expect(next.find((c) => c.subscription.id === two.id)?.subscription.rate_limit_per_second).toBe(1);
    }
  });

  it.runIf(dialect.name === 'postgres')('the sweep cancels a row left pending by an attempt that raced the delete of its subscription', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    const ev = event();
    await store.outbound.insertEvent(ev);
    await other.outbound.deleteSubscription(sub.id, new Date());
    // What READ COMMITTED can leave: a re-queue that checked the subscription before the delete committed.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`UPDATE deliveries SET status = 'pending', next_attempt_at = 0 WHERE event_id = $1`, [ev.id]);
    await client.end();
    await store.outbound.sweepExpiredLeases(new Date());
    expect((await store.outbound.listDeliveriesForEvent(ev.id)).map((d) => d.status)).toEqual(['cancelled']);
  });

  it('a claim going back to the queue after its subscription was deleted is cancelled, not left pending for ever', async () => {
    const sub = await store.outbound.createSubscription(subscription());
    for (let i = 0; i < 3; i++) await store.outbound.insertEvent(event({ created_at: at(1_000 + i) }));
    const [retried, released, expired] = await claim(store, 'wrk_a', 2_000, 10, 10_000);
    await other.outbound.deleteSubscription(sub.id, at(2_500));
    await store.outbound.recordOutcomes([failure(retried!, 3_000)]);
    await store.outbound.releaseClaims('wrk_a', [released!.id], at(3_100));
    expect(await other.outbound.sweepExpiredLeases(at(12_001))).toBe(1);
    for (const d of [retried!, released!, expired!]) expect((await store.outbound.getDelivery(d.id))?.status, d.id).toBe('cancelled');
    expect(await claim(other, 'wrk_b', 100_000)).toEqual([]);
  });
});
