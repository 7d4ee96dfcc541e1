import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countExpired, pruneExpired, retentionCutoff } from '../../src/retention/prune.js';
import { dialects, type Fixture } from './support/raw-db.js';

const NOW = new Date('2026-11-28T04:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** Seeds rows straight into the tables the outbound and inbound rooms create. */
async function seed(fx: Fixture): Promise<void> {
  const raw = fx.raw;
  await raw.run("INSERT INTO subscriptions (id, url, events, secrets, created_at, updated_at) VALUES ('sub_1', 'https://example.org/hook', '[\"*\"]', '[]', ?, ?)", daysAgo(60), daysAgo(60));
  const event = async (id: string, ageDays: number, status: string, attempts: number) => {
    await raw.run("INSERT INTO events (id, type, data_json, created_at) VALUES (?, 'ping', '{}', ?)", id, daysAgo(ageDays));
    const dlv = `dlv_${id.slice(4)}`;
    await raw.run("INSERT INTO deliveries (id, event_id, subscription_id, status, attempt, created_at, updated_at) VALUES (?, ?, 'sub_1', ?, ?, ?, ?)", dlv, id, status, attempts, daysAgo(ageDays), daysAgo(ageDays));
    for (let a = 1; a <= attempts; a++) {
      await raw.run("INSERT INTO delivery_attempts (delivery_id, attempt, started_at, response_status, latency_ms, outcome) VALUES (?, ?, ?, 500, 12, 'failed')", dlv, a, daysAgo(ageDays));
    }
    await raw.run("INSERT INTO idempotency_keys (key, request_hash, event_id, expires_at) VALUES (?, 'h', ?, 0)", `key-${id}`, id);
  };
  const inbound = async (id: string, ageDays: number, status: string) => {
    // SQLite keeps raw bodies in their own table (011_inbound_bodies), PostgreSQL in the row.
    const bodyColumn = fx.dialect === 'postgres' ? ', body' : '';
    const bodyValue = fx.dialect === 'postgres' ? ', ?' : '';
    await raw.run(
      `INSERT INTO inbound_deliveries (id, provider, receiver, delivery_id, event_type, headers${bodyColumn}, source, secret_index, validation_ok, status, next_attempt_at, received_at)
       VALUES (?, 'github', 'receiveGithubWebhook', ?, 'push', '{}'${bodyValue}, '127.0.0.1', 0, TRUE, ?, 0, ?)`,
      ...(fx.dialect === 'postgres' ? [id, `gh-${id}`, Buffer.from('{}'), status, daysAgo(ageDays)] : [id, `gh-${id}`, status, daysAgo(ageDays)]),
    );
    if (fx.dialect === 'sqlite') await raw.run('INSERT INTO inbound_bodies (delivery_rowid, body) SELECT rowid, ? FROM inbound_deliveries WHERE id = ?', Buffer.from('{}'), id);
  };
  const refusal = (ageDays: number) =>
    raw.run("INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names) VALUES (?, '127.0.0.1', 'receiveGithubWebhook', 401, 'bad signature', '[]')", daysAgo(ageDays));

  await event('evt_old1', 40, 'succeeded', 1);
  await event('evt_old2', 35, 'dead', 3);
  await event('evt_old3', 31, 'failed', 2);
  await event('evt_oldpending', 45, 'pending', 2);
  await event('evt_new', 2, 'succeeded', 1);
  await inbound('in_old1', 40, 'processed');
  await inbound('in_old2', 33, 'failed');
  await inbound('in_oldwaiting', 40, 'received');
  await inbound('in_new', 1, 'processed');
  await refusal(50);
  await refusal(3);
}

it('puts the cutoff the configured number of days back and refuses less than a day', () => {
  expect(retentionCutoff(30, NOW).toISOString()).toBe('2026-10-29T04:00:00.000Z');
  expect(() => retentionCutoff(0, NOW)).toThrow(/at least 1 day/);
});

describe.each(dialects)('retention pruning (%s)', (_name, open, available) => {
  let fx: Fixture;

  beforeEach(async () => {
    if (!available) return;
    fx = await open();
    await seed(fx);
  });

  afterEach(async () => {
    if (!available) return;
    await fx.raw.close();
    await fx.store.close();
    await fx.cleanup();
  });

  it.skipIf(!available)('counts what would go without deleting anything (dry run)', async () => {
    const counts = await countExpired({ store: fx.store.retention, retentionDays: 30, now: NOW });
    expect(counts).toEqual({ events: 3, deliveries: 3, attempts: 6, inbound: 2, refusals: 1 });
    expect(await fx.raw.column('SELECT COUNT(*) FROM events')).toEqual([5]);
  });

  it.skipIf(!available)('deletes expired rows in batches and keeps unfinished work and recent rows', async () => {
    const batches: number[] = [];
    const totals = await pruneExpired({ store: fx.store.retention, retentionDays: 30, batchSize: 1, now: NOW, onBatch: (t) => batches.push(t.events + t.inbound + t.refusals) });
    expect(totals).toEqual({ events: 3, deliveries: 3, attempts: 6, inbound: 2, refusals: 1 });
    // batch size 1: 3 events + 1 empty, 2 inbound + 1 empty, 1 refusal + 1 empty
    expect(batches).toHaveLength(9);
    expect(await fx.raw.column('SELECT id FROM events ORDER BY id')).toEqual(['evt_new', 'evt_oldpending']);
    expect(await fx.raw.column('SELECT event_id FROM deliveries ORDER BY event_id')).toEqual(['evt_new', 'evt_oldpending']);
    expect(await fx.raw.column('SELECT COUNT(*) FROM delivery_attempts')).toEqual([3]);
    expect(await fx.raw.column('SELECT event_id FROM idempotency_keys ORDER BY event_id')).toEqual(['evt_new', 'evt_oldpending']);
    expect(await fx.raw.column('SELECT id FROM inbound_deliveries ORDER BY id')).toEqual(['in_new', 'in_oldwaiting']);
    expect(await fx.raw.column('SELECT COUNT(*) FROM inbound_refusals')).toEqual([1]);
    if (fx.dialect === 'sqlite') expect(await fx.raw.column('SELECT COUNT(*) FROM inbound_bodies')).toEqual([2]);
    expect(await countExpired({ store: fx.store.retention, retentionDays: 30, now: NOW })).toEqual({ events: 0, deliveries: 0, attempts: 0, inbound: 0, refusals: 0 });
  });

  it.skipIf(!available)('keeps an old event whose delivery was re-queued (work in progress)', async () => {
    await fx.raw.run("UPDATE deliveries SET status = 'pending' WHERE event_id = 'evt_old2'");
    const totals = await pruneExpired({ store: fx.store.retention, retentionDays: 30, batchSize: 500, now: NOW });
    expect(totals.events).toBe(2);
    expect(await fx.raw.column('SELECT id FROM events ORDER BY id')).toEqual(['evt_new', 'evt_old2', 'evt_oldpending']);
  });

  it.skipIf(!available)('stops between batches when aborted, keeping what was already deleted', async () => {
    const abort = new AbortController();
    const totals = await pruneExpired({ store: fx.store.retention, retentionDays: 30, batchSize: 1, now: NOW, signal: abort.signal, onBatch: () => abort.abort() });
    expect(totals.events).toBe(1);
    expect(await fx.raw.column('SELECT COUNT(*) FROM events')).toEqual([4]);
  });

  it.skipIf(!available)('lets another connection write between batches (no long lock)', async () => {
    let writes = 0;
    const pending: Promise<void>[] = [];
    await pruneExpired({
      store: fx.store.retention, retentionDays: 30, batchSize: 1, now: NOW,
      onBatch: () => {
        // A writer on its own connection (like a second process) gets the lock right after each batch.
        pending.push(fx.raw.run("INSERT INTO events (id, type, data_json, created_at) VALUES (?, 'ping', '{}', ?)", `evt_w${writes++}`, NOW.toISOString()));
      },
    });
    await Promise.all(pending);
    expect(writes).toBe(9);
    expect(await fx.raw.column("SELECT COUNT(*) FROM events WHERE id LIKE 'evt_w%'")).toEqual([9]);
  });
});
