import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimedDelivery, EventRecord, OutboundStore } from '../../src/store/outbound-store.js';
import { eventually, startEngine, startSubscriber, subscribe, type Subscriber, type TestEngine } from './support.js';

/**
 * What a worker holds stays bounded when its subscribers fail fast, hang, or its outcome writes lag: the probe that
 * found this had 51 subscriptions on one host and 250 KB events, and the worker claimed on while its outcomes waited
 * behind one-by-one `delivery.exhausted` publishes, re-claimed rows whose leases ran out (a fresh copy of each event per
 * claim) and died out of memory. Real loopback subscribers, a real SQLite file.
 */
describe('worker backlog bounds', () => {
  let t: TestEngine | undefined;
  const subscribers: Subscriber[] = [];
  /** Opens the gate a test's store wrapper holds writes at (see `gate`). */
  let open = () => {};
  function gate(): Promise<void> {
    return new Promise((resolve) => (open = resolve));
  }
  afterEach(async () => {
    open();
    await t?.close();
    t = undefined;
    await Promise.all(subscribers.splice(0).map((s) => s.close()));
  });

  const MAX_IN_FLIGHT = 4;
  const big = { message: 'x'.repeat(100_000) };

  /** Rows of these events by status (`delivering` = leased: queued, on the wire or awaiting its outcome). */
  async function statuses(eventIds: string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const id of eventIds) for (const d of await t!.store.outbound.listDeliveriesForEvent(id)) counts[d.status] = (counts[d.status] ?? 0) + 1;
    return counts;
  }

  it('stops claiming while outcomes wait to be written, and claims reuse the event objects it still holds', async () => {
    const writes = gate();
    const claimedEvents = new Map<string, Set<EventRecord>>();
    const seen = (d: ClaimedDelivery) => {
      const set = claimedEvents.get(d.event.id) ?? new Set();
      set.add(d.event);
      claimedEvents.set(d.event.id, set);
    };
    t = await startEngine(
      { HOOKSPEC_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), HOOKSPEC_RETRY_SCHEDULE_MS: '0', HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000', HOOKSPEC_LEASE_MS: '60000' },
      (store): OutboundStore =>
        Object.assign(Object.create(store) as OutboundStore, {
          // A write that lags (a busy disk, another process holding the lock): nothing is recorded until it opens.
          recordOutcomes: async (outcomes: Parameters<OutboundStore['recordOutcomes']>[0]) => {
            await writes;
            return store.recordOutcomes(outcomes);
          },
          claimDue: async (input: Parameters<OutboundStore['claimDue']>[0]) => {
            const claimed = await store.claimDue(input);
            claimed.forEach(seen);
            return claimed;
          },
          insertEvent: async (input: Parameters<OutboundStore['insertEvent']>[0]) => {
            const result = await store.insertEvent(input);
            if (result.kind === 'created') result.leased?.forEach(seen);
            return result;
          },
        }),
    );
    // One host that fails at once: every send is quick, so only the bound stops the worker from sending on.
    const failing = await startSubscriber((_req, res) => {
      res.statusCode = 500;
      res.end('down');
    });
    subscribers.push(failing);
    for (let i = 0; i < 6; i++) await subscribe(t, failing, ['ping']);
    const events = [];
    for (let i = 0; i < 10; i++) events.push(await t.engine.publisher.publish('ping', big));
    const ids = events.map((e) => e.id);

    // While nothing can be written, the worker holds at most its claim room (2 × MAX_IN_FLIGHT) and as many sent rows
    // awaiting their write; before, it sent all 60.
    await new Promise((r) => setTimeout(r, 1500));
    const held = (await statuses(ids)).delivering ?? 0;
    expect(held).toBeLessThanOrEqual(3 * MAX_IN_FLIGHT);
    expect(failing.received.length).toBeLessThanOrEqual(3 * MAX_IN_FLIGHT);
    // Every delivery of an event the worker held came with the one object it already had, not a fresh copy.
    for (const [id, objects] of claimedEvents) expect(objects.size, `copies of ${id}`).toBe(1);

    open();
    await eventually(async () => expect(await statuses(ids)).toEqual({ dead: 60 }), 10_000);
    // Each was sent once: nothing re-claimed while its outcome waited, nothing lost.
    expect(new Set(failing.received.map((r) => r.id)).size).toBe(10);
    expect(failing.received).toHaveLength(60);
    for (const objects of claimedEvents.values()) expect(objects.size).toBe(1);
  }, 20_000);

  it('records outcomes while delivery.exhausted events are still being published', async () => {
    const announcementsHeld = gate();
    let announcements = 0;
    t = await startEngine(
      { HOOKSPEC_MAX_IN_FLIGHT: '2', HOOKSPEC_RETRY_SCHEDULE_MS: '0' },
      (store): OutboundStore =>
        Object.assign(Object.create(store) as OutboundStore, {
          // Publishing the operational events stalls: that must not hold up recording the outcomes after them.
          insertEvent: async (input: Parameters<OutboundStore['insertEvent']>[0]) => {
            if (input.type === 'delivery.exhausted') {
              announcements++;
              await announcementsHeld;
            }
            return store.insertEvent(input);
          },
        }),
    );
    const failing = await startSubscriber((_req, res) => {
      res.statusCode = 500;
      res.end('down');
    });
    const watcher = await startSubscriber();
    subscribers.push(failing, watcher);
    await subscribe(t, failing, ['ping']);
    await subscribe(t, watcher, ['delivery.exhausted']);
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push((await t.engine.publisher.publish('ping', { message: 'x' })).id);
    // Before, the first batch's announcements were awaited before the next batch was written: nothing more was.
    await eventually(async () => expect(await statuses(ids)).toEqual({ dead: 16 }), 5_000);
    expect(announcements).toBe(16);
    expect(watcher.received).toHaveLength(0);
    // Every death is announced, once, when publishing goes on.
    open();
    await eventually(() => expect(watcher.received).toHaveLength(16), 10_000);
    expect(new Set(watcher.received.map((r) => (r.payload.data as { event_id: string }).event_id))).toEqual(new Set(ids));
  }, 20_000);

  it('a burst of publishes hands the worker no more deliveries than it may hold', async () => {
    t = await startEngine({ HOOKSPEC_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000', HOOKSPEC_LEASE_MS: '60000' });
    // A host that never answers: whatever the worker leased stays leased for the whole check.
    const hanging = await startSubscriber(() => {});
    subscribers.push(hanging);
    for (let i = 0; i < 10; i++) await subscribe(t, hanging, ['ping']);
    // Published together: their handoffs are offered before any of them has leased anything.
    const events = await Promise.all(Array.from({ length: 8 }, () => t!.engine.publisher.publish('ping', big)));
    const ids = events.map((e) => e.id);
    const counts = await statuses(ids);
    expect((counts.delivering ?? 0) + (counts.pending ?? 0)).toBe(80);
    // Before, each of the first handoffs leased its whole fan-out: 4 × 10 rows for a worker whose claims hold 8 at most.
    expect(counts.delivering ?? 0).toBeLessThanOrEqual(2 * MAX_IN_FLIGHT);
    await new Promise((r) => setTimeout(r, 300));
    expect((await statuses(ids)).delivering ?? 0).toBeLessThanOrEqual(2 * MAX_IN_FLIGHT);
  }, 20_000);
});
