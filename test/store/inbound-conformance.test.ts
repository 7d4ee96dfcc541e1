import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { inboundDelivery as delivery } from '../support/inbound-delivery.js';
import { DIALECTS, type TestDatabase } from './dialects.js';

describe.each(DIALECTS)('inbound store conformance on $name', (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let other: Store;

  beforeEach(async () => {
    db = await dialect.fresh();
    store = await openStore(db.url);
    // A second instance on the same database: another API node or dispatcher.
    other = await openStore(db.url);
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    await db.cleanup();
  });

  it('stores a batch and reads every field back unchanged', async () => {
    const row = delivery({ validationOk: false, validationErrors: [{ pointer: '/ref', keyword: 'type', message: 'must be string' }] });
    expect(await store.inbound.insertDeliveries([row])).toEqual([{ id: row.id, duplicate: false }]);
    const read = await other.inbound.getDelivery(row.id);
    expect(read).toMatchObject({
      id: row.id,
      provider: row.provider,
      receiver: row.receiver,
      deliveryId: row.deliveryId,
      eventType: row.eventType,
      catalogType: row.catalogType,
      headers: row.headers,
      source: row.source,
      secretIndex: 0,
      validationOk: false,
      validationErrors: row.validationErrors,
      status: 'received',
      attempts: 0,
      lastError: null,
      receivedAt: row.receivedAt,
      processedAt: null,
    });
    expect(Buffer.compare(read!.body!, row.body)).toBe(0);
  });

  it('marks a repeated delivery id as duplicate, within one batch and across batches, and keeps the first row', async () => {
    const first = delivery();
    const again = delivery({ deliveryId: first.deliveryId });
    const otherProvider = delivery({ provider: 'stripe', deliveryId: first.deliveryId });
    expect(await store.inbound.insertDeliveries([first, again, otherProvider])).toEqual([
      { id: first.id, duplicate: false },
      { id: first.id, duplicate: true },
      { id: otherProvider.id, duplicate: false },
    ]);
    const later = delivery({ deliveryId: first.deliveryId });
    expect(await other.inbound.insertDeliveries([later])).toEqual([{ id: first.id, duplicate: true }]);
    expect(await store.inbound.getDelivery(again.id)).toBeUndefined();
  });

  it('stores a delivery id once when two instances insert it at the same moment', async () => {
    for (let round = 0; round < 10; round++) {
      const shared = delivery();
      const a = { ...shared };
      const b = { ...delivery(), deliveryId: shared.deliveryId };
      // Each batch also carries its own fresh rows in a different order (no deadlock, no lost row).
      const extraA = delivery();
      const extraB = delivery();
      const [ra, rb] = await Promise.all([
        store.inbound.insertDeliveries([extraA, a]),
        other.inbound.insertDeliveries([b, extraB]),
      ]);
      const sharedResults = [ra[1]!, rb[0]!];
      expect(sharedResults.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(sharedResults.map((r) => r.id)).size).toBe(1);
      expect(ra[0]).toEqual({ id: extraA.id, duplicate: false });
      expect(rb[1]).toEqual({ id: extraB.id, duplicate: false });
    }
  });

  it('records nothing to process for a delivery stored as processed', async () => {
    const row = delivery({ status: 'processed' });
    await store.inbound.insertDeliveries([row]);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'processed', processedAt: row.receivedAt });
    expect(await store.inbound.listDueDeliveries(10_000, 10)).toEqual([]);
  });

  it('leases a delivery to one claimer only, and fences its completion on owner and attempt', async () => {
    const row = delivery();
    await store.inbound.insertDeliveries([row]);
    expect(await store.inbound.listDueDeliveries(2_000, 10)).toEqual([row.id]);
    const [a, b] = await Promise.all([
      store.inbound.claimDeliveries([row.id], 'node-a', 60_000, 2_000),
      other.inbound.claimDeliveries([row.id], 'node-b', 60_000, 2_000),
    ]);
    const winners = [...a, ...b];
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id: row.id, attempts: 1, eventType: 'push', catalogType: 'github.push', headers: row.headers });
    expect(Buffer.compare(winners[0]!.body, row.body)).toBe(0);
    const owner = a.length ? 'node-a' : 'node-b';
    const loser = a.length ? 'node-b' : 'node-a';
    const at = new Date(3_000).toISOString();
    const done = { id: row.id, attempt: 1, status: 'processed' as const, lastError: null, nextAttemptAt: 0, at };
    expect(await store.inbound.completeDeliveries([{ ...done, owner: loser }])).toBe(0);
    expect(await store.inbound.completeDeliveries([{ ...done, owner, attempt: 2 }])).toBe(0);
    expect(await other.inbound.completeDeliveries([{ ...done, owner }])).toBe(1);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'processed', attempts: 1, processedAt: at });
    expect(await store.inbound.claimDeliveries([row.id], 'node-c', 60_000, 100_000)).toEqual([]);
  });

  it('lets another node take a delivery whose lease expired, and the old owner can no longer complete it', async () => {
    const row = delivery();
    await store.inbound.insertDeliveries([row]);
    expect(await store.inbound.claimDeliveries([row.id], 'crashed', 5_000, 2_000)).toHaveLength(1);
    expect(await other.inbound.claimDeliveries([row.id], 'node-b', 20_000, 4_999)).toEqual([]);
    expect(await other.inbound.listDueDeliveries(5_000, 10)).toEqual([row.id]);
    const [taken] = await other.inbound.claimDeliveries([row.id], 'node-b', 20_000, 5_000);
    expect(taken?.attempts).toBe(2);
    const at = new Date(6_000).toISOString();
    expect(await store.inbound.completeDeliveries([{ id: row.id, owner: 'crashed', attempt: 1, status: 'processed', lastError: null, nextAttemptAt: 0, at }])).toBe(0);
    expect(
      await other.inbound.completeDeliveries([{ id: row.id, owner: 'node-b', attempt: 2, status: 'received', lastError: 'boom', nextAttemptAt: 9_000, at }]),
    ).toBe(1);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'received', lastError: 'boom', processedAt: null });
    expect(await store.inbound.listDueDeliveries(8_999, 10)).toEqual([]);
    expect(await store.inbound.listDueDeliveries(9_000, 10)).toEqual([row.id]);
  });

  it('stores a delivery already claimed under a lease: nobody else takes it until the lease expires', async () => {
    const row = delivery({ lease: { owner: 'receiver-node', until: 5_000 } });
    await store.inbound.insertDeliveries([row]);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'processing', attempts: 1 });
    expect(await other.inbound.listDueDeliveries(4_999, 10)).toEqual([]);
    expect(await other.inbound.claimDeliveries([row.id], 'node-b', 20_000, 4_999)).toEqual([]);
    // The holder completes attempt 1 without having claimed it.
    const at = new Date(3_000).toISOString();
    expect(await store.inbound.completeDeliveries([{ id: row.id, owner: 'receiver-node', attempt: 1, status: 'processed', lastError: null, nextAttemptAt: 0, at }])).toBe(1);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'processed', attempts: 1, processedAt: at });

    // A holder that died: after the lease, the poll sees it and another node's claim makes it attempt 2.
    const orphan = delivery({ lease: { owner: 'crashed', until: 5_000 } });
    await store.inbound.insertDeliveries([orphan]);
    expect(await other.inbound.listDueDeliveries(5_000, 10)).toEqual([orphan.id]);
    const [taken] = await other.inbound.claimDeliveries([orphan.id], 'node-b', 20_000, 5_000);
    expect(taken?.attempts).toBe(2);
    expect(taken!.body.equals(orphan.body)).toBe(true);
  });

  it('renews a lease only for its holder and attempt, expired or not, and a renewed lease keeps claimers off', async () => {
    const [held, taken, done] = [delivery(), delivery(), delivery()].map((r) => ({ ...r, lease: { owner: 'holder', until: 5_000 } }));
    await store.inbound.insertDeliveries([held!, taken!, done!]);
    // taken: its lease expired and another node claimed it (attempt 2); done: its holder finished it.
    expect(await other.inbound.claimDeliveries([taken!.id], 'node-b', 60_000, 5_000)).toHaveLength(1);
    const at = new Date(3_000).toISOString();
    await store.inbound.completeDeliveries([{ id: done!.id, owner: 'holder', attempt: 1, status: 'processed', lastError: null, nextAttemptAt: 0, at }]);
    // held's lease expired too (now 7_000 > 5_000), but nobody claimed it: the holder may keep it.
    expect(await store.inbound.renewLeases([held!.id, taken!.id, done!.id, 'in_missing'], 'holder', 1, 40_000)).toEqual([held!.id]);
    expect(await other.inbound.listDueDeliveries(39_999, 10)).toEqual([]);
    expect(await other.inbound.claimDeliveries([held!.id], 'node-b', 90_000, 39_999)).toEqual([]);
    expect(await store.inbound.renewLeases([held!.id], 'node-b', 1, 50_000)).toEqual([]);
    expect(await store.inbound.renewLeases([held!.id], 'holder', 2, 50_000)).toEqual([]);
    expect(await store.inbound.renewLeases([], 'holder', 1, 50_000)).toEqual([]);
    expect(await other.inbound.claimDeliveries([held!.id], 'node-b', 90_000, 40_000)).toHaveLength(1);
  });

  it('requeues a finished delivery for replay but not one in flight', async () => {
    const row = delivery();
    await store.inbound.insertDeliveries([row]);
    await store.inbound.claimDeliveries([row.id], 'node-a', 60_000, 2_000);
    expect(await other.inbound.requeueDelivery(row.id, 3_000)).toBe(false);
    await store.inbound.completeDeliveries([
      { id: row.id, owner: 'node-a', attempt: 1, status: 'failed', lastError: 'bad', nextAttemptAt: 0, at: new Date(2_500).toISOString() },
    ]);
    expect(await other.inbound.requeueDelivery(row.id, 3_000)).toBe(true);
    // It starts over: the whole retry budget again.
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'received', lastError: null, attempts: 0 });
    expect(await store.inbound.listDueDeliveries(3_000, 10)).toEqual([row.id]);
    // Already due: a second replay would add no run, even one whose clock reads earlier (it waited for a lock).
    expect(await other.inbound.requeueDelivery(row.id, 3_100)).toBe(false);
    expect(await other.inbound.requeueDelivery(row.id, 2_000)).toBe(false);
  });

  it('a replay of a delivery waiting out a retry runs it now, from attempt 0', async () => {
    const row = delivery();
    await store.inbound.insertDeliveries([row]);
    await store.inbound.claimDeliveries([row.id], 'node-a', 60_000, 2_000);
    await store.inbound.completeDeliveries([
      { id: row.id, owner: 'node-a', attempt: 1, status: 'received', lastError: 'busy', nextAttemptAt: 50_000, at: new Date(2_500).toISOString() },
    ]);
    expect(await store.inbound.listDueDeliveries(3_000, 10)).toEqual([]);
    expect(await other.inbound.requeueDelivery(row.id, 3_000)).toBe(true);
    expect(await store.inbound.getDelivery(row.id)).toMatchObject({ status: 'received', lastError: null, attempts: 0 });
    expect(await store.inbound.listDueDeliveries(3_000, 10)).toEqual([row.id]);
    const [claimed] = await store.inbound.claimDeliveries([row.id], 'node-b', 60_000, 3_000);
    expect(claimed?.attempts).toBe(1);
  });

  it('lists newest first with filters and an id cursor', async () => {
    const rows = [
      delivery(),
      delivery({ provider: 'stripe', eventType: 'charge.succeeded' }),
      delivery(),
      delivery({ status: 'processed' }),
    ];
    await store.inbound.insertDeliveries(rows);
    const ids = (await other.inbound.listDeliveries({ limit: 10 })).map((r) => r.id);
    expect(ids).toEqual(rows.map((r) => r.id).reverse());
    expect((await store.inbound.listDeliveries({ limit: 10, provider: 'stripe' })).map((r) => r.id)).toEqual([rows[1]!.id]);
    expect((await store.inbound.listDeliveries({ limit: 10, eventType: 'push', status: 'received' })).map((r) => r.id)).toEqual([
      rows[2]!.id,
      rows[0]!.id,
    ]);
    expect((await store.inbound.listDeliveries({ limit: 2, before: rows[2]!.id })).map((r) => r.id)).toEqual([rows[1]!.id, rows[0]!.id]);
  });

  it('lists without bodies but with their sizes, and matches an event type exactly or as a prefix before a dot', async () => {
    const rows = [
      delivery({ eventType: 'pull_request.opened', body: Buffer.from('{"action":"opened"}') }),
      delivery({ eventType: 'pull_request_review.submitted' }),
      delivery({ eventType: 'pull_request' }),
      delivery({ eventType: 'pull_request.closed', body: Buffer.alloc(70_000, 0x20) }),
    ];
    await store.inbound.insertDeliveries(rows);
    const listed = await other.inbound.listDeliveries({ limit: 10, eventType: 'pull_request' });
    expect(listed.map((r) => r.id)).toEqual([rows[3]!.id, rows[2]!.id, rows[0]!.id]);
    expect(listed.map((r) => r.bodySize)).toEqual([70_000, rows[2]!.body.length, 19]);
    expect(listed[0]).not.toHaveProperty('body');
    expect((await store.inbound.listDeliveries({ limit: 10, eventType: 'pull_request.opened' })).map((r) => r.id)).toEqual([rows[0]!.id]);
    // Not a prefix match on any string: `pull` alone names no event.
    expect(await store.inbound.listDeliveries({ limit: 10, eventType: 'pull' })).toEqual([]);
    expect((await store.inbound.getDelivery(rows[3]!.id))!.bodySize).toBe(70_000);
  });

  it('lists refusals filtered by source, receiver and reason, paging by id', async () => {
    const refusal = (source: string, receiver: string, reason: string) => ({
      at: new Date().toISOString(), source, receiver, status: 401, reason, detail: `${reason} from ${source}`, headerNames: ['content-type'], bodySize: 10,
    });
    await store.inbound.insertRefusals([
      refusal('203.0.113.7', 'receiveGithubWebhook', 'invalid_signature'),
      refusal('198.51.100.9', 'receiveGithubWebhook', 'invalid_signature'),
      refusal('203.0.113.7', 'receiveStripeWebhook', 'timestamp_outside_window'),
      refusal('203.0.113.7', 'receiveGithubWebhook', 'invalid_signature'),
    ], 100);
    const all = await other.inbound.listRefusals({ limit: 10 });
    expect(all).toHaveLength(4);
    const fromAttacker = await store.inbound.listRefusals({ limit: 10, source: '203.0.113.7', receiver: 'receiveGithubWebhook', reason: 'invalid_signature' });
    expect(fromAttacker.map((r) => r.id)).toEqual([all[0]!.id, all[3]!.id]);
    expect((await store.inbound.listRefusals({ limit: 10, reason: 'timestamp_outside_window' })).map((r) => r.id)).toEqual([all[1]!.id]);
    expect((await store.inbound.listRefusals({ limit: 2, before: all[1]!.id })).map((r) => r.id)).toEqual([all[2]!.id, all[3]!.id]);
  });

  it('keeps the newest refusals within the bound', async () => {
    const refusal = (n: number) => ({
      at: new Date(1_700_000_000_000 + n).toISOString(),
      source: `10.0.0.${n}`,
      receiver: 'receiveStripeWebhook',
      status: 401,
      reason: 'bad signature',
      detail: n === 0 ? null : `No v1= signature matches (${n})`,
      headerNames: ['stripe-signature', 'content-type'],
      bodySize: n === 0 ? null : 100 + n,
    });
    await store.inbound.insertRefusals([refusal(0), refusal(1), refusal(2)], 4);
    await other.inbound.insertRefusals([refusal(3), refusal(4)], 4);
    const kept = await store.inbound.listRefusals({ limit: 10 });
    expect(kept.map((r) => r.source)).toEqual(['10.0.0.4', '10.0.0.3', '10.0.0.2', '10.0.0.1']);
    expect(kept[0]).toMatchObject({ ...refusal(4), id: expect.any(Number) });
  });
});
