import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { connectScaleDb, type ScaleDb } from './db.js';
import {
  attemptsMadeBy,
  delivered,
  overlappingAttempts,
  publishEvents,
  scaleEnv,
  spawnWorkers,
  startRecordingSubscriber,
  subscribeAll,
  waitUntil,
  type RecordingSubscriber,
} from './support.js';

const EVENTS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!postgresBaseUrl())('several worker processes on one PostgreSQL database', () => {
  let pgdb: TestPostgres;
  let store: Store;
  let db: ScaleDb;
  let workers: SpawnedServer[] = [];
  let subscribers: RecordingSubscriber[] = [];

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    store = await openStore(pgdb.url);
    db = connectScaleDb(pgdb.url);
    const firstSeen = new Set<string>();
    subscribers = [
      await startRecordingSubscriber('fast', () => 200),
      await startRecordingSubscriber('slow', async () => (await sleep(25), 200)),
      // Fails the first attempt of every delivery: retries must also never overlap or double.
      await startRecordingSubscriber('flaky', (id) => (firstSeen.has(id) ? 200 : (firstSeen.add(id), 500))),
    ];
    await subscribeAll(store, subscribers);
    workers = await spawnWorkers(3, scaleEnv(pgdb.url));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await Promise.all(subscribers.map((s) => s.close()));
    await db?.close();
    await store?.close();
    await pgdb?.drop();
  });

  it('delivers every event to every subscription, never the same delivery twice at once, none twice when answered', async () => {
    // Published in waves while the workers are already claiming (load, not a preloaded queue).
    const eventIds: string[] = [];
    for (let wave = 0; wave < 6; wave++) eventIds.push(...(await publishEvents(store, EVENTS / 6)));
    await waitUntil(async () => (await db.unfinished()) === 0, 60_000, async () => `deliveries by status: ${JSON.stringify(await db.statusCounts())}`);

    expect(await db.statusCounts()).toEqual({ succeeded: EVENTS * subscribers.length });
    for (const sub of subscribers) {
      expect(overlappingAttempts(sub), `${sub.name}: overlapping attempts`).toEqual([]);
      expect([...delivered(sub)].sort(), `${sub.name}: every event`).toEqual([...eventIds].sort());
    }
    // Answered deliveries are not sent again: exactly one request each, two for the subscriber that failed once.
    expect(subscribers[0]!.hits).toHaveLength(EVENTS);
    expect(subscribers[1]!.hits).toHaveLength(EVENTS);
    expect(subscribers[2]!.hits).toHaveLength(EVENTS * 2);
    const attempts = await db.query<{ attempt: number; n: number }>('SELECT attempt, count(*)::int AS n FROM deliveries GROUP BY attempt ORDER BY attempt');
    expect(attempts).toEqual([
      { attempt: 1, n: EVENTS * 2 },
      { attempt: 2, n: EVENTS },
    ]);
    // All three processes did part of the work (the claim really is shared), and together exactly all of it.
    const perWorker = await Promise.all(workers.map(attemptsMadeBy));
    expect(perWorker.every((n) => n > 0), `attempts per worker: ${perWorker.join(', ')}`).toBe(true);
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(EVENTS * 4);
  }, 90_000);
});
