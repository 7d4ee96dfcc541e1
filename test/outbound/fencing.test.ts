import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import { generateSecret } from '../../src/outbound/secrets.js';
import type { AttemptOutcome, ClaimedDelivery } from '../../src/store/outbound-store.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

/** The outbox store alone: claims, leases, the sweeper and fenced outcomes, with time moved by hand. */
describe('outbox claims and fencing', () => {
  let store: Store;
  let cleanup: () => void;
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  async function setup(subscriptions = 1, events = 1) {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    store = await openStore(sqliteUrl(tmp.dir));
    const t0 = new Date('2026-01-01T00:00:00Z');
    const subs = [];
    for (let i = 0; i < subscriptions; i++) {
      subs.push(
        await store.outbound.createSubscription({
          id: newId('sub'), url: `http://127.0.0.1:9/${i}`, events: ['*'], description: null, metadata: {},
          rate_limit_per_second: null, secret: generateSecret(), created_at: t0,
        }),
      );
    }
    for (let i = 0; i < events; i++) {
      await store.outbound.insertEvent({ id: newId('evt'), type: 'order.created', data_json: '{}', created_at: t0, newDeliveryId: () => newId('dlv') });
    }
    return { t0, subs };
  }

  const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
  const outcome = (c: ClaimedDelivery, result: AttemptOutcome['result'], t: Date): AttemptOutcome => ({
    delivery_id: c.id, owner: c.lease_owner, attempt: c.attempt, subscription_id: c.subscription.id, result,
    next_attempt_at: result === 'retry' ? t : null, started_at: t, finished_at: t, latency_ms: 1,
    response_status: result === 'delivered' ? 200 : 500, response_body: null, error: null,
    kind: result === 'delivered' ? 'succeeded' : 'failed',
  });

  it('a stale worker cannot record over the attempt that replaced it after its lease expired', async () => {
    const { t0 } = await setup();
    const [a] = await store.outbound.claimDue({ owner: 'A', now: t0, leaseUntil: at(t0, 1000), limit: 10, excludeSubscriptions: [] });
    expect(a).toMatchObject({ attempt: 1, schedule_attempt: 1 });
    // Nothing else is due while A holds the lease.
    expect(await store.outbound.claimDue({ owner: 'B', now: at(t0, 500), leaseUntil: at(t0, 1500), limit: 10, excludeSubscriptions: [] })).toEqual([]);
    expect(await store.outbound.sweepExpiredLeases(at(t0, 999))).toBe(0);
    expect(await store.outbound.sweepExpiredLeases(at(t0, 1001))).toBe(1);
    const [b] = await store.outbound.claimDue({ owner: 'B', now: at(t0, 1001), leaseUntil: at(t0, 5000), limit: 10, excludeSubscriptions: [] });
    expect(b).toMatchObject({ id: a!.id, attempt: 2 });

    const [stale] = await store.outbound.recordOutcomes([outcome(a!, 'delivered', at(t0, 1100))]);
    expect(stale!.applied).toBe(false);
    expect((await store.outbound.getDelivery(a!.id))!.status).toBe('delivering');
    const [fresh] = await store.outbound.recordOutcomes([outcome(b!, 'retry', at(t0, 1200))]);
    expect(fresh!.applied).toBe(true);
    expect((await store.outbound.getDelivery(a!.id))).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await store.outbound.listAttempts([a!.id])).map((x) => x.attempt)).toEqual([2]);
  });

  it('claims in batches, skips excluded subscriptions, and a manual retry restarts the schedule', async () => {
    const { t0, subs } = await setup(2, 3);
    const first = await store.outbound.claimDue({ owner: 'A', now: t0, leaseUntil: at(t0, 1000), limit: 2, excludeSubscriptions: [subs[0]!.id] });
    expect(first).toHaveLength(2);
    expect(new Set(first.map((c) => c.subscription.id))).toEqual(new Set([subs[1]!.id]));
    const dead = first[0]!;
    await store.outbound.recordOutcomes([outcome(dead, 'dead', t0)]);
    expect(await store.outbound.requeueDelivery(dead.id, at(t0, 10))).toBe(true);
    const again = await store.outbound.claimDue({ owner: 'A', now: at(t0, 10), leaseUntil: at(t0, 1000), limit: 10, excludeSubscriptions: [subs[0]!.id] });
    const replayed = again.find((c) => c.id === dead.id)!;
    expect(replayed).toMatchObject({ attempt: 2, schedule_attempt: 1 });
    // A delivery in flight cannot be re-queued by hand.
    expect(await store.outbound.requeueDelivery(replayed.id, at(t0, 20))).toBe(false);
  });

  it('idempotency: same key and body replays the event, a different body conflicts, an expired key is forgotten', async () => {
    const { t0 } = await setup();
    const key = { key: 'k1', request_hash: 'h1', expires_at: at(t0, 1000) };
    const first = await store.outbound.insertEvent({ id: newId('evt'), type: 'ping', data_json: '{}', created_at: t0, idempotency: key, newDeliveryId: () => newId('dlv') });
    expect(first.kind).toBe('created');
    const again = await store.outbound.insertEvent({ id: newId('evt'), type: 'ping', data_json: '{}', created_at: at(t0, 1), idempotency: key, newDeliveryId: () => newId('dlv') });
    expect(again).toMatchObject({ kind: 'replayed', event: { id: first.kind === 'created' ? first.event.id : '' } });
    const clash = await store.outbound.insertEvent({ id: newId('evt'), type: 'ping', data_json: '{"a":1}', created_at: at(t0, 2), idempotency: { ...key, request_hash: 'h2' }, newDeliveryId: () => newId('dlv') });
    expect(clash.kind).toBe('conflict');
    expect(await store.outbound.purgeIdempotencyKeys(at(t0, 1000))).toBe(1);
    const later = await store.outbound.insertEvent({ id: newId('evt'), type: 'ping', data_json: '{"a":1}', created_at: at(t0, 1001), idempotency: { ...key, request_hash: 'h2', expires_at: at(t0, 5000) }, newDeliveryId: () => newId('dlv') });
    expect(later.kind).toBe('created');
  });
});
