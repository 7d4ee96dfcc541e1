import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { connectScaleDb, type ScaleDb } from './db.js';
import { delivered, publishEvents, scaleEnv, spawnWorkers, startRecordingSubscriber, subscribeAll, waitUntil, type RecordingSubscriber } from './support.js';

/** Fewer than the per-subscription concurrency (16), so every delivery is in flight at once. */
const EVENTS = 12;
/** The frozen worker must not time out its requests before it is frozen: a long timeout, and a lease above it. */
const LEASE_MS = 6_000;
const TIMEOUT_MS = 4_000;

describe.skipIf(!postgresBaseUrl())('a frozen worker that wakes up after its lease expired', () => {
  let pgdb: TestPostgres;
  let store: Store;
  let db: ScaleDb;
  let workers: SpawnedServer[] = [];
  let subscriber: RecordingSubscriber;
  /** Answers held back from the frozen worker's requests; released with a failure at the end. */
  const held: ((status: number) => void)[] = [];
  let holding = true;

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    store = await openStore(pgdb.url);
    db = connectScaleDb(pgdb.url);
    subscriber = await startRecordingSubscriber('held', () => (holding ? new Promise<number>((resolve) => held.push(resolve)) : 200));
    await subscribeAll(store, [subscriber]);
  });

  afterAll(async () => {
    for (const w of workers) {
      w.child.kill('SIGCONT');
      await w.stop('SIGKILL');
    }
    for (const release of held) release(500);
    await subscriber?.close();
    await db?.close();
    await store?.close();
    await pgdb?.drop();
  });

  it('cannot record its stale (failed) attempts over the newer, successful ones', async () => {
    const env = scaleEnv(pgdb.url, { HOOKSPEC_LEASE_MS: String(LEASE_MS), HOOKSPEC_DELIVERY_TIMEOUT_MS: String(TIMEOUT_MS), LOG_LEVEL: 'warn' });
    const [frozen] = await spawnWorkers(1, env);
    workers.push(frozen!);
    const eventIds = await publishEvents(store, EVENTS);
    // Every delivery is in flight at the subscriber, which does not answer yet; then the worker freezes.
    await waitUntil(() => subscriber.openIds.size === EVENTS, 20_000, () => `${subscriber.open} requests open`);
    frozen!.child.kill('SIGSTOP');
    expect(subscriber.open).toBe(EVENTS);

    holding = false;
    const [rescuer] = await spawnWorkers(1, env);
    workers.push(rescuer!);
    await waitUntil(async () => (await db.unfinished()) === 0, 30_000, async () => JSON.stringify(await db.statusCounts()));
    const before = await db.query('SELECT id, status, attempt, last_response_status FROM deliveries ORDER BY id');
    expect(before.every((d) => d.status === 'succeeded' && d.attempt === 2 && d.last_response_status === 200)).toBe(true);

    // The frozen worker wakes up and its old requests fail: every one of those results must be refused.
    for (const release of held.splice(0)) release(500);
    frozen!.child.kill('SIGCONT');
    await waitUntil(
      () => (frozen!.output().match(/stale attempt result ignored/g) ?? []).length === EVENTS,
      20_000,
      () => `frozen worker output:\n${frozen!.output().slice(-2_000)}`,
    );

    expect(await db.query('SELECT id, status, attempt, last_response_status FROM deliveries ORDER BY id')).toEqual(before);
    const attempts = await db.query<{ attempt: number; outcome: string; n: number }>(
      'SELECT attempt, outcome, count(*)::int AS n FROM delivery_attempts GROUP BY attempt, outcome ORDER BY attempt',
    );
    expect(attempts).toEqual([{ attempt: 2, outcome: 'succeeded', n: EVENTS }]);
    expect([...delivered(subscriber)].sort()).toEqual([...eventIds].sort());
  }, 90_000);
});
