import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

// A subscription's rate limit holds across worker processes: each live claimer is handed an even share.
describe.skipIf(!postgresBaseUrl())('PostgreSQL rate limit shared among workers', () => {
  let db: TestPostgres;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    db = (await freshPostgres())!;
    a = await openStore(db.url);
    b = await openStore(db.url);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  const claim = (s: Store, owner: string, nowMs: number) =>
    s.outbound.claimDue({ owner, now: new Date(T0 + nowMs), leaseUntil: new Date(T0 + nowMs + 1_000), limit: 1, excludeSubscriptions: [] });

  it('splits rate_limit_per_second among the workers that claimed recently, and restores it when one is gone', async () => {
    const sub = await a.outbound.createSubscription({
      id: newId('sub'),
      url: 'https://example.com/hook',
      events: ['*'],
      description: null,
      metadata: {},
      rate_limit_per_second: 10,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created_at: new Date(T0),
    });
    for (let i = 0; i < 4; i++) {
      await a.outbound.insertEvent({ id: newId('evt'), type: 'ping', data_json: '{}', created_at: new Date(T0), newDeliveryId: () => newId('dlv') });
    }
    expect((await claim(a, 'wrk_a', 1_000))[0]?.subscription.rate_limit_per_second).toBe(10);
    expect((await claim(b, 'wrk_b', 1_100))[0]?.subscription.rate_limit_per_second).toBe(5);
    expect((await claim(a, 'wrk_a', 2_200))[0]?.subscription.rate_limit_per_second).toBe(5);
    // wrk_b stops claiming (killed): after the live window (10 s minimum) wrk_a gets the whole rate back.
    expect((await claim(a, 'wrk_a', 12_000))[0]?.subscription.rate_limit_per_second).toBe(10);
    expect((await a.outbound.getSubscription(sub.id))?.rate_limit_per_second).toBe(10);
  });
});
