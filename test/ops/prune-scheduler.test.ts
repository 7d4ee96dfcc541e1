import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOpsConfig } from '../../src/config/ops.js';
import { logger } from '../../src/observability/logger.js';
import { registry } from '../../src/observability/metrics.js';
import { startPruneScheduler } from '../../src/retention/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir } from '../support/temp-dir.js';

async function prunedEvents(): Promise<number> {
  const metric = await registry.getSingleMetric('hookspec_retention_pruned_rows_total')!.get();
  return metric.values.find((v) => v.labels.kind === 'events')?.value ?? 0;
}

describe('background pruning', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let db: Database.Database;

  beforeEach(() => {
    tmp = makeTempDir();
    store = openSqliteStore(join(tmp.dir, 'hookspec.db'));
    db = new Database(join(tmp.dir, 'hookspec.db'));
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const insert = db.prepare("INSERT INTO events (id, type, data_json, created_at) VALUES (?, 'ping', '{}', ?)");
    for (let i = 0; i < 25; i++) insert.run(`evt_old${i}`, old);
    insert.run('evt_new', new Date().toISOString());
  });

  afterEach(async () => {
    db.close();
    await store.close();
    tmp.cleanup();
  });

  it('prunes on its interval, in batches, counts what it deleted, and stops cleanly', async () => {
    const before = await prunedEvents();
    const config = readOpsConfig({ HOOKSPEC_PRUNE_INTERVAL_MS: '50', HOOKSPEC_PRUNE_BATCH_SIZE: '10' });
    const scheduler = startPruneScheduler(store.retention, config, logger);
    const count = () => db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    for (let i = 0; i < 100 && count() > 1; i++) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop(AbortSignal.timeout(1_000));
    expect(db.prepare('SELECT id FROM events').pluck().all()).toEqual(['evt_new']);
    expect((await prunedEvents()) - before).toBe(25);
  });

  it('is off when the retention or the interval is 0', async () => {
    for (const env of [{ HOOKSPEC_RETENTION_DAYS: '0', HOOKSPEC_PRUNE_INTERVAL_MS: '20' }, { HOOKSPEC_PRUNE_INTERVAL_MS: '0' }]) {
      const scheduler = startPruneScheduler(store.retention, readOpsConfig(env), logger);
      await new Promise((r) => setTimeout(r, 100));
      await scheduler.stop(AbortSignal.timeout(1_000));
    }
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(26);
  });
});
