import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AUDITED_BODY_SIZE } from '../../src/inbound/refusal-audit.js';
import { firstResponse, head, openRaw } from '../server/support/raw-socket.js';
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

  it('a delivery id too long for the unique index is refused alone; a delivery sent with it is stored', async () => {
    const [long, fine] = await Promise.all([
      post(one.url, await signed.github(fixture('github-push.json'), 'push', 'x'.repeat(9000))),
      post(one.url, signed.stripe(fixture('stripe-charge.succeeded.json').toString().replace(/"id":\s*"evt_[^"]*"/, '"id": "evt_pg_beside_long"'))),
    ]);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'invalid_delivery_identity' });
    expect(fine.status).toBe(200);
    expect(await one.store.inbound.getDelivery(fine.body.id)).toMatchObject({ deliveryId: 'evt_pg_beside_long' });
    await one.settle();
  });

  it('a refusal declaring a body past 2^31 bytes is audited (at the largest size stored) with the others of its flush', async () => {
    const tampered = await signed.github(fixture('github-push.json'), 'push', 'pg-bad-sig');
    const badSignature = post(one.url, { ...tampered, headers: { ...tampered.headers, 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) } });
    const client = await openRaw(Number(new URL(one.url).port));
    client.socket.write(head('POST', '/webhooks/github', { ...tampered.headers, 'content-length': '3000000000' }));
    expect(firstResponse(await client.waitFor(/\r\n\r\n\{.*\}$/s)).statusLine).toMatch(/ 413 /);
    client.socket.destroy();
    expect((await badSignature).status).toBe(401);
    await one.settle();
    const refusals = await one.store.inbound.listRefusals({ limit: 2 });
    expect(refusals.map((r) => [r.reason, r.bodySize]).sort()).toEqual([['invalid_signature', expect.any(Number)], ['payload_too_large', MAX_AUDITED_BODY_SIZE]].sort());
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
