import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { connectScaleDb, type ScaleDb } from './db.js';
import {
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

const EVENTS = 400;
/** Short lease so the takeover happens within the test; the send timeout must fit inside it. */
const LEASE_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!postgresBaseUrl())('SIGKILL one of several workers in the middle of a load', () => {
  let pgdb: TestPostgres;
  let store: Store;
  let db: ScaleDb;
  let workers: SpawnedServer[] = [];
  let subscribers: RecordingSubscriber[] = [];

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    store = await openStore(pgdb.url);
    db = connectScaleDb(pgdb.url);
    subscribers = [
      await startRecordingSubscriber('a', async () => (await sleep(60), 200)),
      await startRecordingSubscriber('b', async () => (await sleep(60), 200)),
    ];
    await subscribeAll(store, subscribers);
    // Two attempts per subscription per worker at a time: the load lasts seconds, so the kill lands in the middle.
    workers = await spawnWorkers(
      3,
      scaleEnv(pgdb.url, { HOOKSPEC_LEASE_MS: String(LEASE_MS), HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000', HOOKSPEC_SUBSCRIPTION_CONCURRENCY: '2', HOOKSPEC_CLAIM_BATCH_SIZE: '8' }),
    );
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await Promise.all(subscribers.map((s) => s.close()));
    await db?.close();
    await store?.close();
    await pgdb?.drop();
  });

  it('lets the others take the killed worker’s deliveries after its lease expires; nothing is lost', async () => {
    // Published quickly (ten at a time), so a backlog builds and the kill lands while work is queued and leased.
    const eventIds = await publishEvents(store, EVENTS, 'order.created', 10);
    const hits = () => subscribers.reduce((n, s) => n + s.hits.length, 0);
    await waitUntil(() => hits() >= EVENTS / 2, 30_000, () => `only ${hits()} requests so far`);
    expect(hits(), 'the load is still running at the kill').toBeLessThan(EVENTS * subscribers.length);
    const [victim, ...survivors] = workers;
    const killedAt = Date.now();
    expect(await victim!.stop('SIGKILL')).toBe('SIGKILL');
    // Leases at the moment of death: the victim's stay until they expire, the survivors' get recorded normally.
    const leased = await db.query<{ id: string; lease_owner: string; attempt: number }>(
      "SELECT id, lease_owner, attempt FROM deliveries WHERE status = 'delivering'",
    );

    await waitUntil(async () => (await db.unfinished()) === 0, 60_000, async () => `deliveries by status: ${JSON.stringify(await db.statusCounts())}`);
    const finishedAt = Date.now();

    expect(await db.statusCounts()).toEqual({ succeeded: EVENTS * subscribers.length });
    for (const sub of subscribers) {
      expect(overlappingAttempts(sub), `${sub.name}: overlapping attempts`).toEqual([]);
      expect([...delivered(sub)].sort(), `${sub.name}: every event`).toEqual([...eventIds].sort());
    }
    // The victim's leased deliveries all went out again under a later attempt number, taken by the others.
    // (A survivor may see a few of its own go round again too: a claim it could not send within the lease.)
    const finalAttempt = new Map(
      (await db.query<{ id: string; attempt: number }>('SELECT id, attempt FROM deliveries WHERE id = ANY($1)', [leased.map((l) => l.id)])).map((r) => [
        r.id,
        r.attempt,
      ]),
    );
    const retaken = leased.filter((l) => finalAttempt.get(l.id)! > l.attempt);
    expect(retaken.length, `leased at the kill: ${JSON.stringify(leased)}`).toBeGreaterThan(0);
    const owners = [...new Set(leased.map((l) => l.lease_owner))];
    const allRetaken = owners.filter((o) => leased.filter((l) => l.lease_owner === o).every((l) => retaken.includes(l)));
    expect(allRetaken.length, 'one owner (the victim) lost every lease').toBeGreaterThanOrEqual(1);
    // …and not before the lease could have expired.
    expect(finishedAt - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 1_000);
    for (const w of survivors) expect((await fetch(`${w.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
