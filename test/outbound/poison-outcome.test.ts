import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundStore } from '../../src/store/outbound-store.js';
import { DIALECTS, type TestDatabase } from '../store/dialects.js';
import { eventually, startEngine, startSubscriber, subscribe, type Subscriber, type TestEngine } from './support.js';

// One engine (on its own database when a test makes one) and its subscribers per test, for both suites below.
let t: TestEngine | undefined;
let db: TestDatabase | undefined;
const subscribers: Subscriber[] = [];
afterEach(async () => {
  await t?.close();
  await db?.cleanup();
  t = db = undefined;
  await Promise.all(subscribers.splice(0).map((s) => s.close()));
});

/** One subscriber's odd answer must not hold back the outcomes of the others recorded with it. */
describe.each(DIALECTS)('an outcome the store cannot take, on $name', (dialect) => {
  const deliveriesOf = async (eventId: string) => (await t!.store.outbound.listDeliveriesForEvent(eventId)).sort((a, b) => a.subscription_id.localeCompare(b.subscription_id));

  it('a response body with NUL is stored with U+FFFD, and every delivery of the batch is recorded once', async () => {
    db = await dialect.fresh();
    t = await startEngine({ DATABASE_URL: db.url, HOOKSPEC_LEASE_MS: '3000' });
    const nul = await startSubscriber((_req, res) => res.end('oops\0'));
    const fine = await startSubscriber();
    subscribers.push(nul, fine);
    const nulSub = await subscribe(t, nul);
    await subscribe(t, fine);
    const event = await t.engine.publisher.publish('order.created', { n: 1 });
    await eventually(async () => expect((await deliveriesOf(event.id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']));
    const delivery = (await deliveriesOf(event.id)).find((d) => d.subscription_id === nulSub.id)!;
    expect((await t.store.outbound.listAttempts([delivery.id]))[0]?.response_body).toBe('oops\uFFFD');
    // Past a lease: an unrecorded outcome would have been swept and sent again by now.
    await new Promise((r) => setTimeout(r, 3_500));
    expect([nul.received.length, fine.received.length]).toEqual([1, 1]);
  }, 20_000);
});

describe('a batch the store refuses', () => {
  it('is recorded outcome by outcome: only the one refused waits for its lease', async () => {
    const refused = new Set<string>();
    // The real store, except that it refuses any batch holding an outcome of one subscription.
    const refusing = (store: OutboundStore): OutboundStore => ({
      ...store,
      recordOutcomes: (outcomes) => (outcomes.some((o) => refused.has(o.subscription_id)) ? Promise.reject(new Error('refused')) : store.recordOutcomes(outcomes)),
    });
    t = await startEngine({ HOOKSPEC_LEASE_MS: '60000' }, refusing);
    const bad = await startSubscriber();
    const good = await Promise.all([startSubscriber(), startSubscriber(), startSubscriber()]);
    subscribers.push(bad, ...good);
    refused.add((await subscribe(t, bad)).id);
    for (const s of good) await subscribe(t, s);
    const event = await t.engine.publisher.publish('order.created', { n: 1 });
    const statuses = async () => (await t!.store.outbound.listDeliveriesForEvent(event.id)).map((d) => d.status).sort();
    await eventually(async () => expect(await statuses()).toEqual(['delivering', 'succeeded', 'succeeded', 'succeeded']));
    expect([bad, ...good].map((s) => s.received.length)).toEqual([1, 1, 1, 1]);
  });
});
