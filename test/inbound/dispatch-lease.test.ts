import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    dispatcher.enqueue({ id: leased.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: leased.receivedAt }, leased.lease);
    await eventually(async () => expect(await store.inbound.getDelivery(leased.id)).toMatchObject({ status: 'processed', attempts: 1 }));
    expect(published).toContain('github.push');
    await dispatcher.stop();
  });

  it('on stop, gives back the leases of deliveries it had not started, so the next start takes them at once', async () => {
    const dispatcher = dispatcherOn(store);
    dispatcher.start();
    const rows = [row(dispatcher), row(dispatcher)];
    await store.inbound.insertDeliveries(rows);
    for (const r of rows) dispatcher.enqueue({ id: r.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: r.receivedAt }, r.lease);
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
    dispatcher.enqueue({ id: late.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: late.receivedAt }, late.lease);
    await eventually(async () => expect(await store.inbound.getDelivery(late.id)).toMatchObject({ status: 'received' }), 2000);
    expect(await store.inbound.listDueDeliveries(Date.now(), 10)).toEqual([late.id]);
  });

  describe('a held delivery whose lease ran out while it waited in the queue', () => {
    const g = globalThis as unknown as { __leaseRuns: string[] };
    // Counts runs per dispatcher; a second process is a second dispatcher (its own owner) on the same file.
    const countingHandler = () => writeFileSync(join(tmp.dir, 'github.push.mjs'),
      'export default { type: "github.push", async handle(events) { const { ref } = events[0].data; globalThis.__leaseRuns.push(ref);' +
      ' if (ref.endsWith("slow")) await new Promise((r) => setTimeout(r, 200)); } };\n');
    const expiredRow = (dispatcher: Dispatcher, ref: string) => inboundDelivery({
      headers: { 'x-github-event': 'push', 'x-github-delivery': ref }, body: Buffer.from(JSON.stringify({ ref })),
      receivedAt: new Date().toISOString(), nextAttemptAt: Date.now(), lease: { owner: dispatcher.owner, until: Date.now() - 1 },
    });
    const itemOf = (r: ReturnType<typeof expiredRow>, ref: string) => ({ id: r.id, provider: 'github', catalogType: 'github.push', payload: { ref }, receivedAt: r.receivedAt });
    beforeEach(() => {
      g.__leaseRuns = [];
      countingHandler();
    });

    it('is not run here once another process has claimed it: the handler runs once, not in both', async () => {
      const here = dispatcherOn(store);
      const other = dispatcherOn(store);
      here.start();
      other.start(); // its first poll finds the expired lease and claims the row
      const r = expiredRow(here, 'refs/heads/taken');
      await store.inbound.insertDeliveries([r]);
      await other.poll();
      await eventually(async () => expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 2 }));
      // Only now does this process get to the delivery it stored under its own, long expired, lease.
      here.enqueue(itemOf(r, 'refs/heads/taken'), r.lease);
      await eventually(() => expect(here.idle()).toBe(true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(g.__leaseRuns).toEqual(['refs/heads/taken']);
      expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 2 });
      await Promise.all([here.stop(), other.stop()]);
    });

    it('is renewed and run when nobody took it, and the renewed lease keeps other processes off it', async () => {
      const here = dispatcherOn(store);
      const other = dispatcherOn(store);
      here.start();
      const r = expiredRow(here, 'refs/heads/kept-slow');
      await store.inbound.insertDeliveries([r]);
      here.enqueue(itemOf(r, 'refs/heads/kept-slow'), r.lease);
      await eventually(() => expect(g.__leaseRuns).toEqual(['refs/heads/kept-slow']));
      // While its handler runs here, another process looks for expired leases: the renewed one is not.
      other.start();
      await other.poll();
      await eventually(async () => expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 1 }));
      expect(g.__leaseRuns).toEqual(['refs/heads/kept-slow']);
      await Promise.all([here.stop(), other.stop()]);
    });

    it('renews in the store only for leases too short for an attempt: one that still covers it is not read or written', async () => {
      const here = dispatcherOn(store);
      here.start();
      const fresh = row(here);
      await store.inbound.insertDeliveries([fresh]);
      const renewed: string[][] = [];
      const renewLeases = store.inbound.renewLeases.bind(store.inbound);
      store.inbound.renewLeases = async (ids, ...rest) => (renewed.push(ids), renewLeases(ids, ...rest));
      here.enqueue({ id: fresh.id, provider: 'github', catalogType: 'github.push', payload: { ref: 'refs/heads/fresh' }, receivedAt: fresh.receivedAt }, fresh.lease);
      const stale = expiredRow(here, 'refs/heads/stale');
      await store.inbound.insertDeliveries([stale]);
      here.enqueue(itemOf(stale, 'refs/heads/stale'), stale.lease);
      await eventually(async () => {
        for (const r of [fresh, stale]) expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 1 });
      });
      expect(renewed.flat()).toEqual([stale.id]);
      await here.stop();
    });
  });
  it('a claim that came back too late for a whole attempt (a slow database) renews its lease before running', async () => {
    const short = { ...CONFIG, leaseMs: 1_500, handlerTimeoutMs: 400 };
    const dispatcher = new Dispatcher({ store: store.inbound, publisher, handlers: new HandlerRegistry(tmp.dir), receivers: new Map(receivers.map((r) => [r.operationId, r])), config: short });
    const r = inboundDelivery({ headers: { 'x-github-event': 'push', 'x-github-delivery': 'slow-claim' }, body: Buffer.from('{"ref":"refs/heads/slow-claim"}'), receivedAt: new Date().toISOString(), nextAttemptAt: Date.now() });
    await store.inbound.insertDeliveries([r]);
    // The claim commits at once but its answer arrives 300 ms later: 1.2 s of lease left, under 0.4 s + 1 s.
    const claim = store.inbound.claimDeliveries.bind(store.inbound);
    store.inbound.claimDeliveries = async (...args) => {
      const claimed = await claim(...args);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return claimed;
    };
    const renewed: [string[], number][] = [];
    const renew = store.inbound.renewLeases.bind(store.inbound);
    store.inbound.renewLeases = async (ids, owner, attempt, until) => (renewed.push([ids, attempt]), renew(ids, owner, attempt, until));
    dispatcher.start();
    await eventually(async () => expect(await store.inbound.getDelivery(r.id)).toMatchObject({ status: 'processed', attempts: 1 }));
    expect(renewed).toEqual([[[r.id], 1]]);
    await dispatcher.stop();
  });

  describe('stop and the shutdown deadline', () => {
    const sleepingHandler = (ms: number) =>
      writeFileSync(join(tmp.dir, 'github.push.mjs'), `export default { type: "github.push", async handle() { globalThis.__handlerStarted = true; await new Promise((r) => setTimeout(r, ${ms})); } };\n`);
    const started = async (dispatcher: Dispatcher) => {
      (globalThis as { __handlerStarted?: boolean }).__handlerStarted = false;
      dispatcher.start();
      const leased = row(dispatcher);
      await store.inbound.insertDeliveries([leased]);
      dispatcher.enqueue({ id: leased.id, provider: 'github', catalogType: 'github.push', payload: {}, receivedAt: leased.receivedAt }, leased.lease);
      // Running, not just queued: a queued one is handed back at stop.
      await eventually(() => expect((globalThis as { __handlerStarted?: boolean }).__handlerStarted).toBe(true));
      return leased;
    };

    it('lets a running handler finish until the deadline it is given, past the 5 s it used to allow', async () => {
      sleepingHandler(5_600);
      const dispatcher = dispatcherOn(store);
      const leased = await started(dispatcher);
      await dispatcher.stop(AbortSignal.timeout(15_000));
      expect(await store.inbound.getDelivery(leased.id)).toMatchObject({ status: 'processed', attempts: 1 });
    }, 20_000);

    it('returns at the deadline, leaving a handler still running to its lease (it runs again after the restart)', async () => {
      sleepingHandler(3_000);
      const dispatcher = dispatcherOn(store);
      const leased = await started(dispatcher);
      const before = Date.now();
      await dispatcher.stop(AbortSignal.timeout(200));
      expect(Date.now() - before).toBeLessThan(1_500);
      expect((await store.inbound.getDelivery(leased.id))?.status).toBe('processing');
      await new Promise((r) => setTimeout(r, 3_200));
    }, 10_000);
  });
});
