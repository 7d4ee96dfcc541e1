import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/inbound/dispatch/dispatcher.js';
import { HandlerRegistry } from '../../src/inbound/dispatch/handler-registry.js';
import { receivers } from '../../src/inbound/receivers/index.js';
import type { EventPublisher } from '../../src/outbound/publisher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { eventually } from '../outbound/support.js';
import { inboundDelivery } from '../support/inbound-delivery.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const CONFIG = { maxAttempts: 3, retryBaseMs: 10, leaseMs: 60_000, pollMs: 60_000, handlerTimeoutMs: 30_000 };

describe('deliveries stored under the dispatcher lease', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  const published: string[] = [];
  const publisher = { publish: async (type: string) => (published.push(type), { id: 'evt_x', type, created_at: '' }) } as unknown as EventPublisher;
  const row = (dispatcher: Dispatcher) => inboundDelivery({
    headers: { 'x-github-event': 'push', 'x-github-delivery': 'lease' }, body: Buffer.from('{"ref":"refs/heads/main"}'),
    receivedAt: new Date().toISOString(), nextAttemptAt: Date.now(), lease: dispatcher.offerLease(),
  });
  const dispatcherOn = (s: Store) => new Dispatcher({ store: s.inbound, publisher, handlers: new HandlerRegistry(tmp.dir), receivers: new Map(receivers.map((r) => [r.operationId, r])), config: CONFIG });

  beforeEach(async () => {
    tmp = makeTempDir('hookspec-lease-');
    store = await openStore(sqliteUrl(tmp.dir));
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('offers no lease unless it runs, and runs a leased delivery without claiming it (attempt 1)', async () => {
    const dispatcher = dispatcherOn(store);
    expect(dispatcher.offerLease()).toBeUndefined();
    dispatcher.start();
    const leased = row(dispatcher);
    expect(leased.lease?.owner).toBe(dispatcher.owner);
    await store.inbound.insertDeliveries([leased]);
    dispatcher.enqueue({ id: leased.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: leased.receivedAt }, true);
    await eventually(async () => expect(await store.inbound.getDelivery(leased.id)).toMatchObject({ status: 'processed', attempts: 1 }));
    expect(published).toContain('github.push');
    await dispatcher.stop();
  });

  it('on stop, gives back the leases of deliveries it had not started, so the next start takes them at once', async () => {
    const dispatcher = dispatcherOn(store);
    dispatcher.start();
    const rows = [row(dispatcher), row(dispatcher)];
    await store.inbound.insertDeliveries(rows);
    for (const r of rows) dispatcher.enqueue({ id: r.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: r.receivedAt }, true);
    // Stopped before its deferred pump ran: nothing started.
    await dispatcher.stop();
    for (const r of rows) expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'received', attempts: 1 });
    expect(await store.inbound.listDueDeliveries(Date.now(), 10)).toEqual(rows.map((r) => r.id));

    // A restarted process: its dispatcher rebuilds the payloads from the stored bodies.
    const restarted = await openStore(sqliteUrl(tmp.dir));
    const next = dispatcherOn(restarted);
    next.start();
    await eventually(async () => {
      for (const r of rows) expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 2 });
    });
    await next.stop();
    await restarted.close();
  });

  it('a delivery leased just before a stop and stored after it is given back, not left to wait out the lease', async () => {
    const dispatcher = dispatcherOn(store);
    dispatcher.start();
    const late = row(dispatcher);
    await dispatcher.stop();
    await store.inbound.insertDeliveries([late]);
    dispatcher.enqueue({ id: late.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: late.receivedAt }, true);
    await eventually(async () => expect(await store.inbound.getDelivery(late.id)).toMatchObject({ status: 'received' }), 2000);
    expect(await store.inbound.listDueDeliveries(Date.now(), 10)).toEqual([late.id]);
  });
});
