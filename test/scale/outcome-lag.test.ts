import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import type { AttemptOutcome, ClaimedDelivery } from '../../src/store/outbound-store.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { connectScaleDb, type ScaleDb } from './db.js';
import { publishEvents, scaleEnv, spawnWorkers, startRecordingSubscriber, subscribeAll, waitUntil, type RecordingSubscriber } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const EVENTS = 500;
/** Answered this long before a SIGKILL, a success must be recorded (the batching window is 10 ms; before the fix, ~1-3 s). */
const MAX_UNRECORDED_MS = 1_000;

describe.skipIf(!postgresBaseUrl())('outcomes of a loaded worker with failing subscriptions are recorded promptly', () => {
  let pgdb: TestPostgres;
  let store: Store;
  let db: ScaleDb;
  let worker: SpawnedServer | undefined;
  const ok: RecordingSubscriber[] = [];
  const failing: RecordingSubscriber[] = [];

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    store = await openStore(pgdb.url);
    db = connectScaleDb(pgdb.url);
    for (let i = 0; i < 6; i++) ok.push(await startRecordingSubscriber(`ok${i}`, async () => (await sleep(5 + Math.random() * 20), 200)));
    // Failures keep the failure clock busy in every batch, next to the successes.
    for (let i = 0; i < 2; i++) failing.push(await startRecordingSubscriber(`bad${i}`, async () => (await sleep(5), 500)));
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await Promise.all([...ok, ...failing].map((s) => s.close()));
    await db?.close();
    await store?.close();
    await pgdb?.drop();
  });

  it('leaves no success answered more than a moment before a SIGKILL unrecorded', async () => {
    const ids = await subscribeAll(store, [...ok, ...failing]);
    await publishEvents(store, EVENTS, 'order.created', 20);
    [worker] = await spawnWorkers(1, scaleEnv(pgdb.url, { HOOKSPEC_LEASE_MS: '20000', HOOKSPEC_DELIVERY_TIMEOUT_MS: '5000' }));
    const okHits = () => ok.reduce((n, s) => n + s.hits.length, 0);
    await waitUntil(() => okHits() >= (EVENTS * ok.length) / 2, 30_000, () => `only ${okHits()} successes so far`);
    const killedAt = Date.now();
    expect(await worker!.stop('SIGKILL')).toBe('SIGKILL');
    expect(failing.reduce((n, s) => n + s.hits.length, 0), 'failures were recorded alongside').toBeGreaterThan(0);

    const rows = await db.query<{ event_id: string; subscription_id: string }>("SELECT event_id, subscription_id FROM deliveries WHERE status = 'succeeded'");
    const recorded = new Set(rows.map((r) => `${r.subscription_id}/${r.event_id}`));
    const lags = ok.flatMap((s, i) =>
      s.hits.filter((h) => h.status < 300 && h.end < killedAt && !recorded.has(`${ids[i]}/${h.webhookId}`)).map((h) => killedAt - h.end),
    );
    expect(Math.max(0, ...lags), `unrecorded successes answered before the kill, ms before it: ${lags.sort((a, b) => a - b).join(' ')}`).toBeLessThan(
      MAX_UNRECORDED_MS,
    );
  }, 60_000);
});

describe.skipIf(!postgresBaseUrl())('the failure clock of a batch, applied in order per subscription', () => {
  let pgdb: TestPostgres;
  let store: Store;
  const T0 = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (ms: number) => new Date(T0 + ms);

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    store = await openStore(pgdb.url);
  });
  afterAll(async () => {
    await store?.close();
    await pgdb?.drop();
  });

  const outcome = (c: ClaimedDelivery, startedMs: number, o: Partial<AttemptOutcome> = {}): AttemptOutcome => ({
    delivery_id: c.id,
    owner: c.lease_owner,
    attempt: c.attempt,
    subscription_id: c.subscription.id,
    result: 'delivered',
    next_attempt_at: null,
    started_at: at(startedMs),
    finished_at: at(startedMs + 10),
    latency_ms: 10,
    response_status: 200,
    response_body: 'ok',
    error: null,
    kind: 'succeeded',
    ...o,
  });
  const fail = (o: Partial<AttemptOutcome> = {}): Partial<AttemptOutcome> => ({ result: 'retry', next_attempt_at: at(99_000), response_status: 500, error: 'HTTP 500', kind: 'failed', ...o });
  type Step = [startedMs: number, failed: Partial<AttemptOutcome> | null];
  const cases: [string, { failingSince: number | null; steps: Step[]; want: { failing_since: number | null; status: string; disabledBy: number | null } }][] = [
    ['a failure starts the clock', { failingSince: null, steps: [[2_000, fail()], [3_000, fail()]], want: { failing_since: 2_000, status: 'active', disabledBy: null } }],
    ['a running clock keeps its start', { failingSince: 1_000, steps: [[2_000, fail()]], want: { failing_since: 1_000, status: 'active', disabledBy: null } }],
    ['a later success clears it', { failingSince: 1_000, steps: [[2_000, fail()], [3_000, null]], want: { failing_since: null, status: 'active', disabledBy: null } }],
    ['a failure after a success restarts it', { failingSince: 1_000, steps: [[2_000, null], [3_000, fail()]], want: { failing_since: 3_000, status: 'active', disabledBy: null } }],
    ['410 disables once', { failingSince: null, steps: [[2_000, fail({ disable_reason: 'gone' })], [3_000, fail({ disable_reason: 'gone' })]], want: { failing_since: 2_000, status: 'disabled', disabledBy: 0 } }],
    [
      'an old clock disables; a success before it in the batch resets it first',
      { failingSince: 1_000, steps: [[2_000, null], [3_000, fail({ disable_if_failing_since_before: at(1_500) })], [4_000, fail({ disable_if_failing_since_before: at(3_000) })]], want: { failing_since: 3_000, status: 'disabled', disabledBy: 2 } },
    ],
  ];

  it.each(cases)('%s', async (_name, { failingSince, steps, want }) => {
    const sub = await store.outbound.createSubscription({
      id: newId('sub'), url: 'https://example.com/hook', events: ['order.created'], description: null, metadata: {}, rate_limit_per_second: null,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', created_at: at(0),
    });
    for (const _ of steps) await store.outbound.insertEvent({ id: newId('evt'), type: 'order.created', data_json: '{}', created_at: at(500), only_subscription_id: sub.id, newDeliveryId: () => newId('dlv') });
    if (failingSince !== null) {
      const seed = await store.outbound.claimDue({ owner: 'seed', now: at(600), leaseUntil: at(60_000), limit: 1, excludeSubscriptions: [] });
      await store.outbound.recordOutcomes([outcome(seed[0]!, failingSince, fail())]);
      await store.outbound.insertEvent({ id: newId('evt'), type: 'order.created', data_json: '{}', created_at: at(500), only_subscription_id: sub.id, newDeliveryId: () => newId('dlv') });
    }
    const claimed = await store.outbound.claimDue({ owner: 'wrk', now: at(100_000), leaseUntil: at(160_000), limit: steps.length, excludeSubscriptions: [] });
    expect(claimed).toHaveLength(steps.length);
    const effects = await store.outbound.recordOutcomes(steps.map(([ms, failed], i) => outcome(claimed[i]!, ms, failed ?? {})));
    const after = (await store.outbound.getSubscription(sub.id))!;
    expect({ failing_since: after.failing_since, status: after.status }).toEqual({
      failing_since: want.failing_since === null ? null : at(want.failing_since).toISOString(),
      status: want.status,
    });
    expect(effects.map((e, i) => (e.disabled_subscription ? i : -1)).filter((i) => i >= 0)).toEqual(want.disabledBy === null ? [] : [want.disabledBy]);
  });
});
