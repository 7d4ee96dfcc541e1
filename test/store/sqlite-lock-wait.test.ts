import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, openSqlite } from '../../src/store/sqlite/database.js';
import { createLockWait } from '../../src/store/sqlite/lock-wait.js';
import { newId } from '../../src/ids.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { inboundDelivery } from '../support/inbound-delivery.js';
import { makeTempDir } from '../support/temp-dir.js';

// Another process that takes the database's write lock and keeps it until told to let go (a second HTTP process).
const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
db.exec("INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names) VALUES ('x', 'holder', 'r', 400, 'held', '[]')");
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); process.stdout.write('released\\n'); db.close(); process.exit(0); });
`;

async function holdWriteLock(file: string): Promise<{ child: ChildProcess; release(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', HOLDER, createRequire(import.meta.url).resolve('better-sqlite3'), file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('locked');
  return {
    child,
    async release() {
      child.stdin!.write('go\n');
      expect((await lines.next()).value).toBe('released');
    },
  };
}

/** Fails unless timers keep firing for 100 ms: SQLite's own busy handler would sleep the thread instead. */
async function expectEventLoopRuns(): Promise<void> {
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  await new Promise((r) => setTimeout(r, 100));
  clearInterval(ticker);
  expect(ticks).toBeGreaterThanOrEqual(5);
}

describe('SQLite writes wait for another process without blocking the event loop', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  let store: Store;
  let holder: Awaited<ReturnType<typeof holdWriteLock>> | undefined;

  beforeEach(async () => {
    tmp = makeTempDir();
    file = join(tmp.dir, 'hookspec.db');
    store = await openStore(`sqlite:${file}`);
  });
  afterEach(async () => {
    if (holder && holder.child.exitCode === null) {
      holder.child.kill('SIGKILL');
      await once(holder.child, 'exit');
    }
    holder = undefined;
    await store.close();
    tmp.cleanup();
  });

  it('an inbound insert waits while another process holds the lock, timers keep firing, then it commits', async () => {
    holder = await holdWriteLock(file);
    const row = inboundDelivery();
    let settled = false;
    const insert = store.inbound.insertDeliveries([row]).finally(() => (settled = true));

    await expectEventLoopRuns();
    expect(settled).toBe(false);

    await holder.release();
    expect(await insert).toEqual([{ id: row.id, duplicate: false }]);
    expect((await store.inbound.getDelivery(row.id))?.deliveryId).toBe(row.deliveryId);
  });

  it('publishes wait the same way, and batches from later turns still commit after earlier ones', async () => {
    holder = await holdWriteLock(file);
    const publish = (n: number) => store.outbound.insertEvent({
      id: newId('evt'), type: 'order.created', data_json: `{"n":${n}}`, created_at: new Date(), newDeliveryId: () => newId('dlv'),
    });
    const first = publish(1);
    await new Promise((r) => setTimeout(r, 20));
    const second = publish(2);

    await expectEventLoopRuns();

    await holder.release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.kind, b.kind]).toEqual(['created', 'created']);
    const db = openSqlite(file);
    try {
      const order = db.prepare('SELECT data_json FROM events ORDER BY rowid').pluck().all();
      expect(order).toEqual(['{"n":1}', '{"n":2}']);
    } finally {
      db.close();
    }
  });

  it('a claim that waited for the lock leases from when it ran, not from when it was asked for', async () => {
    const inbound = inboundDelivery();
    await store.inbound.insertDeliveries([inbound]);
    holder = await holdWriteLock(file);
    const asked = Date.now();
    const claim = store.inbound.claimDeliveries([inbound.id], 'node-a', asked + 1_000, asked);
    await new Promise((r) => setTimeout(r, 300));
    await holder.release();
    expect(await claim).toHaveLength(1);
    const db = openSqlite(file);
    try {
      const until = db.prepare('SELECT next_attempt_at FROM inbound_deliveries WHERE id = ?').pluck().get(inbound.id) as number;
      // The lease still has its whole second from the moment the claim got the lock.
      expect(until).toBeGreaterThanOrEqual(asked + 1_000 + 250);
    } finally {
      db.close();
    }
  });

  it('an outbound claim that waited for the lock leases from when it ran, too', async () => {
    const now = Date.now();
    await store.outbound.createSubscription({
      id: newId('sub'), url: 'https://example.com/hook', events: ['order.created'], description: null, metadata: {}, rate_limit_per_second: null,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', created_at: new Date(now - 1_000),
    });
    await store.outbound.insertEvent({ id: newId('evt'), type: 'order.created', data_json: '{}', created_at: new Date(now - 1_000), newDeliveryId: () => newId('dlv') });
    holder = await holdWriteLock(file);
    const claim = store.outbound.claimDue({ owner: 'wrk', now: new Date(now), leaseUntil: new Date(now + 1_000), limit: 10, excludeSubscriptions: [] });
    await new Promise((r) => setTimeout(r, 300));
    await holder.release();
    const [claimed] = await claim;
    expect(claimed?.lease_expires_at).toBeGreaterThanOrEqual(now + 1_000 + 250);
  });

  it('the pruner waits the same way', async () => {
    await store.inbound.insertRefusals([{ at: '2020-01-01T00:00:00.000Z', source: 's', receiver: 'r', status: 401, reason: 'old', detail: null, headerNames: [], bodySize: null }], 100);
    holder = await holdWriteLock(file);
    const pruned = store.retention.pruneRefusals(new Date('2021-01-01T00:00:00.000Z'), 100);

    await expectEventLoopRuns();

    await holder.release();
    expect(await pruned).toBe(1);
  });

  it('gives up with SQLITE_BUSY after its timeout, and the connection keeps its usual busy timeout', async () => {
    const db = openSqlite(file);
    try {
      holder = await holdWriteLock(file);
      const withLock = createLockWait(db, 50);
      const write = db.transaction(() => db.prepare("INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names) VALUES ('y', 's', 'r', 400, 'w', '[]')").run());
      const started = performance.now();
      await expect(withLock(() => write.immediate())).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(50);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);

      await holder.release();
      await expect(withLock(() => write.immediate().changes)).resolves.toBe(1);
    } finally {
      db.close();
    }
  });

  it('other errors are not retried, and the busy timeout is restored after them too', async () => {
    const db = openSqlite(file);
    try {
      const withLock = createLockWait(db, 1000);
      let tries = 0;
      const failing = () => {
        tries++;
        return db.prepare('INSERT INTO no_such_table VALUES (1)').run();
      };
      await expect(withLock(failing)).rejects.toThrow(/no such table/);
      expect(tries).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      db.close();
    }
  });
});
