import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, MAX_BATCHES_IN_FLIGHT } from '../../src/inbound/group-commit.js';
import type { InboundStore, NewInboundDelivery } from '../../src/store/inbound-store.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../store/dialects.js';
import { inboundDelivery as delivery } from '../support/inbound-delivery.js';

/** The real store, with each batch's write held until the test opens its gate: batches in flight become observable. */
function gatedStore(inner: InboundStore) {
  const held: { rows: NewInboundDelivery[]; open(): void }[] = [];
  let writing = 0;
  let maxWriting = 0;
  const store: InboundStore = Object.create(inner);
  store.insertDeliveries = async (rows) => {
    writing++;
    maxWriting = Math.max(maxWriting, writing);
    await new Promise<void>((open) => held.push({ rows, open }));
    try {
      return await inner.insertDeliveries(rows);
    } finally {
      writing--;
    }
  };
  return { store, held, maxWriting: () => maxWriting };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe.each(DIALECTS)('group commit on $name', (dialect) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    db = await dialect.fresh();
    store = await openStore(db.url);
  });
  afterEach(async () => {
    await store.close();
    await db.cleanup();
  });

  it('one batch per event-loop turn; the next batch starts while the last one is still being written', async () => {
    const gated = gatedStore(store.inbound);
    const commit = new GroupCommit(gated.store, 100, 256);
    const first = [delivery(), delivery()].map((row) => commit.write(row));
    await nextTurn();
    const second = [delivery()].map((row) => commit.write(row));
    await nextTurn();
    expect(gated.held.map((b) => b.rows.length)).toEqual([2, 1]);

    // The second batch commits first: each request waits for its own batch only.
    gated.held[1]!.open();
    const [stored] = await Promise.all(second);
    expect(await store.inbound.getDelivery(stored!.id)).toMatchObject({ id: stored!.id });
    let firstDone = false;
    void Promise.all(first).then(() => (firstDone = true));
    await nextTurn();
    expect(firstDone).toBe(false);
    gated.held[0]!.open();
    for (const result of await Promise.all(first)) {
      expect(result.duplicate).toBe(false);
      expect(await store.inbound.getDelivery(result.id)).toMatchObject({ id: result.id });
    }
  });

  it(`at most ${MAX_BATCHES_IN_FLIGHT} batches in flight; what waits meanwhile joins one batch, and idle() waits for all of it`, async () => {
    const gated = gatedStore(store.inbound);
    const commit = new GroupCommit(gated.store, 100, 256);
    const writes = [];
    for (let turn = 0; turn < MAX_BATCHES_IN_FLIGHT + 3; turn++) {
      writes.push(commit.write(delivery()));
      await nextTurn();
    }
    expect(gated.held).toHaveLength(MAX_BATCHES_IN_FLIGHT);
    expect(commit.saturated()).toBe(false);
    let idle = false;
    void commit.idle().then(() => (idle = true));
    gated.held[0]!.open();
    await expect.poll(() => gated.held.length, { timeout: 10_000 }).toBe(MAX_BATCHES_IN_FLIGHT + 1);
    // The three writes that waited for room went out together.
    expect(gated.held.at(-1)!.rows).toHaveLength(3);
    for (const batch of gated.held.slice(1)) batch.open();
    const results = await Promise.all(writes);
    expect(new Set(results.map((r) => r.id)).size).toBe(writes.length);
    await nextTurn();
    expect(idle).toBe(true);
    expect(gated.maxWriting()).toBe(MAX_BATCHES_IN_FLIGHT);
  });

  it('the same delivery id in two batches in flight is stored once; the other answer says duplicate with its id', async () => {
    const gated = gatedStore(store.inbound);
    const commit = new GroupCommit(gated.store, 100, 256);
    const original = delivery();
    const a = commit.write(original);
    await nextTurn();
    const b = commit.write({ ...delivery(), deliveryId: original.deliveryId, provider: original.provider });
    await nextTurn();
    gated.held[1]!.open();
    gated.held[0]!.open();
    const results = await Promise.all([a, b]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(results[0]!.id).toBe(results[1]!.id);
    expect(await store.inbound.listDeliveries({ limit: 10 })).toHaveLength(1);
  });

  it('a failed batch rejects its own writes only, and counts against the bound only while in flight', async () => {
    const gated = gatedStore(store.inbound);
    const commit = new GroupCommit(gated.store, 2, 256);
    const broken = commit.write({ ...delivery(), status: 'nonsense' as 'received' });
    await nextTurn();
    const fine = commit.write(delivery());
    await nextTurn();
    expect(commit.saturated()).toBe(true);
    gated.held[0]!.open();
    await expect(broken).rejects.toThrow();
    expect(commit.saturated()).toBe(false);
    gated.held[1]!.open();
    expect(await fine).toMatchObject({ duplicate: false });
  });

  it('a row the database refuses fails alone: the others of its batch are written one by one and stored', async () => {
    const calls: number[] = [];
    const counted: InboundStore = Object.create(store.inbound);
    counted.insertDeliveries = (rows) => (calls.push(rows.length), store.inbound.insertDeliveries(rows));
    const commit = new GroupCommit(counted, 100, 256);
    const [before, broken, after] = [delivery(), { ...delivery(), status: 'nonsense' as 'received' }, delivery()].map((row) => commit.write(row));
    await expect(broken).rejects.toThrow();
    const stored = await Promise.all([before!, after!]);
    expect(stored.map((r) => r.duplicate)).toEqual([false, false]);
    for (const { id } of stored) expect(await store.inbound.getDelivery(id)).toMatchObject({ id, status: 'received' });
    expect(await store.inbound.listDeliveries({ limit: 10 })).toHaveLength(2);
    expect(calls).toEqual([3, 1, 1, 1]);
  });

  it('an outage fails the whole batch with one try, not one more per row', async () => {
    let calls = 0;
    const down: InboundStore = Object.create(store.inbound);
    down.insertDeliveries = async () => {
      calls++;
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    };
    const commit = new GroupCommit(down, 100, 256);
    const writes = [delivery(), delivery(), delivery()].map((row) => commit.write(row));
    for (const write of writes) await expect(write).rejects.toThrow('database is locked');
    expect(calls).toBe(1);
  });
});
