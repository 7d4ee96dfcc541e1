import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import { generateSecret } from '../../src/outbound/secrets.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { eventually, startEngine, startSubscriber, subscribe, type Subscriber, type TestEngine } from './support.js';

/** Deliveries leased to the local worker in the publish transaction (no claim), on SQLite. */
describe('publish handoff', () => {
  const tmp = makeTempDir();
  let store: Store | undefined;
  let t: TestEngine | undefined;
  let subscriber: Subscriber | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await t?.close();
    t = undefined;
    await subscriber?.close();
  });
  afterAll(() => tmp.cleanup());

  async function twoSubscriptions(s: Store): Promise<[string, string]> {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const sub = await s.outbound.createSubscription({
        id: newId('sub'), url: `http://127.0.0.1:${9000 + i}/`, events: ['*'], description: null, metadata: {},
        rate_limit_per_second: null, secret: generateSecret(), created_at: new Date(),
      });
      ids.push(sub.id);
    }
    return ids as [string, string];
  }

  it('leases the new deliveries in the same transaction, fenced like a claim; an excluded subscription stays pending', async () => {
    store = await openStore(sqliteUrl(tmp.dir, 'lease.db'));
    const [kept, excluded] = await twoSubscriptions(store);
    const now = new Date();
    const result = await store.outbound.insertEvent({
      id: newId('evt'), type: 'order.created', data_json: '{"a":1}', created_at: now, newDeliveryId: () => newId('dlv'),
      lease: { owner: 'wrk_a', until: new Date(now.getTime() + 60_000), excludeSubscriptions: new Set([excluded]) },
    });
    expect(result.kind).toBe('created');
    const leased = result.kind === 'created' ? result.leased! : [];
    expect(leased.map((d) => [d.subscription.id, d.attempt, d.lease_owner])).toEqual([[kept, 1, 'wrk_a']]);
    expect(leased[0]!.event.data_json).toBe('{"a":1}');
    expect(leased[0]!.subscription.secrets).toHaveLength(1);
    // The excluded one is due for a claim; the leased one is not claimable while its lease holds.
    const claimed = await store.outbound.claimDue({ owner: 'wrk_b', now, leaseUntil: new Date(now.getTime() + 60_000), limit: 10, excludeSubscriptions: [] });
    expect(claimed.map((d) => d.subscription.id)).toEqual([excluded]);
    const outcome = (owner: string) => ({
      delivery_id: leased[0]!.id, owner, attempt: 1, subscription_id: kept, result: 'delivered' as const, next_attempt_at: null,
      started_at: now, finished_at: now, latency_ms: 1, response_status: 200, response_body: 'ok', error: null, kind: 'succeeded' as const,
    });
    expect((await store.outbound.recordOutcomes([outcome('wrk_other')]))[0]!.applied).toBe(false);
    expect((await store.outbound.recordOutcomes([outcome('wrk_a')]))[0]!.applied).toBe(true);
  });

  it('a handed-off delivery that was never sent (crashed worker) is re-queued by the sweeper and claimed as attempt 2', async () => {
    store = await openStore(sqliteUrl(tmp.dir, 'sweep.db'));
    await twoSubscriptions(store);
    const now = new Date();
    await store.outbound.insertEvent({
      id: newId('evt'), type: 'order.created', data_json: '{}', created_at: now, newDeliveryId: () => newId('dlv'),
      lease: { owner: 'wrk_dead', until: new Date(now.getTime() + 1_000), excludeSubscriptions: new Set() },
    });
    const later = new Date(now.getTime() + 2_000);
    expect(await store.outbound.sweepExpiredLeases(later)).toBe(2);
    const claimed = await store.outbound.claimDue({ owner: 'wrk_b', now: later, leaseUntil: new Date(later.getTime() + 60_000), limit: 10, excludeSubscriptions: [] });
    expect(claimed.map((d) => d.attempt)).toEqual([2, 2]);
  });

  it('a running worker sends a published event without waiting for a claim or a poll', async () => {
    // A poll interval far longer than the test: only the handoff (or a claim woken by the publish) can deliver.
    t = await startEngine({ HOOKSPEC_POLL_INTERVAL_MS: '60000' });
    subscriber = await startSubscriber();
    await subscribe(t, subscriber);
    const event = await t.engine.publisher.publish('order.created', { n: 1 });
    await eventually(() => expect(subscriber!.received).toHaveLength(1), 2000);
    const [delivery] = await t.store.outbound.listDeliveriesForEvent(event.id);
    await eventually(async () => expect((await t!.store.outbound.getDelivery(delivery!.id))!.status).toBe('succeeded'));
    expect(subscriber.received[0]!.verified).toBe(true);
  });
});
