import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countExpired, pruneExpired, retentionCutoff } from '../../src/retention/prune.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir } from '../support/temp-dir.js';

const NOW = new Date('2026-11-28T04:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** Seeds rows straight into the tables the outbound and inbound rooms create. */
function seeder(db: Database.Database) {
  db.prepare(
    "INSERT INTO subscriptions (id, url, events, secrets, created_at, updated_at) VALUES ('sub_1', 'https://example.org/hook', '[\"*\"]', '[]', ?, ?)",
  ).run(daysAgo(60), daysAgo(60));
  return {
    event(id: string, ageDays: number, deliveryStatus: string, attempts: number) {
      db.prepare("INSERT INTO events (id, type, data_json, created_at) VALUES (?, 'ping', '{}', ?)").run(id, daysAgo(ageDays));
      const dlv = `dlv_${id.slice(4)}`;
      db.prepare('INSERT INTO deliveries (id, event_id, subscription_id, status, attempt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        dlv, id, 'sub_1', deliveryStatus, attempts, daysAgo(ageDays), daysAgo(ageDays),
      );
      for (let a = 1; a <= attempts; a++) {
        db.prepare("INSERT INTO delivery_attempts (delivery_id, attempt, started_at, response_status, latency_ms, outcome) VALUES (?, ?, ?, 500, 12, 'failed')").run(dlv, a, daysAgo(ageDays));
      }
      db.prepare('INSERT INTO idempotency_keys (key, request_hash, event_id, expires_at) VALUES (?, ?, ?, ?)').run(`key-${id}`, 'h', id, 0);
    },
    inbound(id: string, ageDays: number, status: string) {
      db.prepare(
        `INSERT INTO inbound_deliveries (id, provider, receiver, delivery_id, event_type, headers, body, source, secret_index, validation_ok, status, next_attempt_at, received_at)
         VALUES (?, 'github', 'receiveGithubWebhook', ?, 'push', '{}', x'7b7d', '127.0.0.1', 0, 1, ?, 0, ?)`,
      ).run(id, `gh-${id}`, status, daysAgo(ageDays));
    },
    refusal(ageDays: number) {
      db.prepare("INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names) VALUES (?, '127.0.0.1', 'receiveGithubWebhook', 401, 'bad signature', '[]')").run(daysAgo(ageDays));
    },
  };
}

const count = (db: Database.Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('retention pruning (SQLite)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let db: Database.Database;

  beforeEach(() => {
    tmp = makeTempDir();
    const file = join(tmp.dir, 'hookspec.db');
    store = openSqliteStore(file);
    db = new Database(file);
    const seed = seeder(db);
    seed.event('evt_old1', 40, 'succeeded', 1);
    seed.event('evt_old2', 35, 'dead', 3);
    seed.event('evt_old3', 31, 'failed', 2);
    seed.event('evt_oldpending', 45, 'pending', 2);
    seed.event('evt_new', 2, 'succeeded', 1);
    seed.inbound('in_old1', 40, 'processed');
    seed.inbound('in_old2', 33, 'failed');
    seed.inbound('in_oldwaiting', 40, 'received');
    seed.inbound('in_new', 1, 'processed');
    seed.refusal(50);
    seed.refusal(3);
  });

  afterEach(async () => {
    db.close();
    await store.close();
    tmp.cleanup();
  });

  it('puts the cutoff the configured number of days back and refuses less than a day', () => {
    expect(retentionCutoff(30, NOW).toISOString()).toBe('2026-10-29T04:00:00.000Z');
    expect(() => retentionCutoff(0, NOW)).toThrow(/at least 1 day/);
  });

  it('counts what would go without deleting anything (dry run)', async () => {
    const counts = await countExpired({ store: store.retention, retentionDays: 30, now: NOW });
    expect(counts).toEqual({ events: 3, deliveries: 3, attempts: 6, inbound: 2, refusals: 1 });
    expect(count(db, 'events')).toBe(5);
  });

  it('deletes expired rows in batches and keeps unfinished work and recent rows', async () => {
    const batches: number[] = [];
    const totals = await pruneExpired({ store: store.retention, retentionDays: 30, batchSize: 1, now: NOW, onBatch: (t) => batches.push(t.events + t.inbound + t.refusals) });
    expect(totals).toEqual({ events: 3, deliveries: 3, attempts: 6, inbound: 2, refusals: 1 });
    // batch size 1: 3 events + 1 empty, 2 inbound + 1 empty, 1 refusal + 1 empty
    expect(batches).toHaveLength(9);
    expect(db.prepare('SELECT id FROM events ORDER BY id').pluck().all()).toEqual(['evt_new', 'evt_oldpending']);
    expect(db.prepare('SELECT event_id FROM deliveries ORDER BY event_id').pluck().all()).toEqual(['evt_new', 'evt_oldpending']);
    expect(count(db, 'delivery_attempts')).toBe(3);
    expect(db.prepare('SELECT event_id FROM idempotency_keys ORDER BY event_id').pluck().all()).toEqual(['evt_new', 'evt_oldpending']);
    expect(db.prepare('SELECT id FROM inbound_deliveries ORDER BY id').pluck().all()).toEqual(['in_new', 'in_oldwaiting']);
    expect(count(db, 'inbound_refusals')).toBe(1);
    expect(await countExpired({ store: store.retention, retentionDays: 30, now: NOW })).toEqual({ events: 0, deliveries: 0, attempts: 0, inbound: 0, refusals: 0 });
  });

  it('stops between batches when aborted, keeping what was already deleted', async () => {
    const abort = new AbortController();
    const totals = await pruneExpired({
      store: store.retention, retentionDays: 30, batchSize: 1, now: NOW, signal: abort.signal,
      onBatch: () => abort.abort(),
    });
    expect(totals.events).toBe(1);
    expect(count(db, 'events')).toBe(4);
  });

  it('lets another connection write between batches (no long lock)', async () => {
    let writes = 0;
    await pruneExpired({
      store: store.retention, retentionDays: 30, batchSize: 1, now: NOW,
      onBatch: () => {
        // A writer on its own connection (like a second process) gets the lock right after each batch.
        db.prepare("INSERT INTO events (id, type, data_json, created_at) VALUES (?, 'ping', '{}', ?)").run(`evt_w${writes++}`, NOW.toISOString());
      },
    });
    expect(writes).toBe(9);
  });
});
