import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

// The same receivers on PostgreSQL, two API nodes on one database: deduplication must hold in the database.
describe.skipIf(!postgresBaseUrl())('inbound on PostgreSQL, two nodes', () => {
  let db: TestPostgres;
  let one: Harness;
  let two: Harness;
  beforeAll(async () => {
    db = (await freshPostgres())!;
    one = await startHarness({}, { databaseUrl: db.url });
    two = await startHarness({}, { databaseUrl: db.url });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('accepts, stores and processes a signed delivery', async () => {
    const res = await post(one.url, await signed.github(fixture('github-push.json'), 'push', 'pg-1'));
    expect(res.status).toBe(200);
    await one.settle();
    await expect.poll(async () => (await one.store.inbound.getDelivery(res.body.id))?.status, { timeout: 5000 }).toBe('processed');
  });

  it('the same delivery sent to both nodes at once is stored once; the other answer is a duplicate with the same id', async () => {
    for (let i = 0; i < 10; i++) {
      const req = await signed.github(fixture('github-push.json'), 'push', `pg-race-${i}`);
      const [a, b] = await Promise.all([post(one.url, req), post(two.url, req)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.id).toBe(b.body.id);
      expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    }
    await one.settle();
    await two.settle();
    const published = [...one.publisher.events, ...two.publisher.events].filter((e) => e.idempotencyKey?.startsWith('inbound:'));
    expect(new Set(published.map((e) => e.idempotencyKey)).size).toBe(published.length);
  });
});
