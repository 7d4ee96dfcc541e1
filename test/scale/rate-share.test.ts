import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgres, postgresBaseUrl } from '../support/postgres.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { publishEvents, scaleEnv, spawnWorkers, startRecordingSubscriber, type RecordingSubscriber } from './support.js';

const LIMIT = 2;
/** More rows than one worker's claims hold (64 at the defaults), so every worker gets some. */
const EVENTS = 160;
/** Sends are watched this long (from the first one, or from a join). */
const WATCH_MS = 7_000;
/**
 * An attempt's logged start is read from the clock a moment after the limiter's (same synchronous step, up to a few
 * ms on a loaded machine), so two sends the limiter started exactly a second apart can log 998 ms apart.
 */
const LOG_SKEW_MS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The most times in any half-open window of `ms`, and where that window starts (ms after the first time). */
function busiest(times: number[], ms: number): { most: number; at: number } {
  const sorted = [...times].sort((a, b) => a - b);
  let best = { most: 0, at: 0 };
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= ms) i++;
    if (j - i + 1 > best.most) best = { most: j - i + 1, at: sorted[i]! - sorted[0]! };
  }
  return best;
}

interface Dialect {
  name: string;
  skip: boolean;
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

const DIALECTS: Dialect[] = [
  { name: 'PostgreSQL', skip: !postgresBaseUrl(), fresh: async () => (await freshPostgres())! },
  {
    name: 'SQLite (worker processes sharing one file)',
    skip: false,
    fresh: async () => {
      const tmp = makeTempDir('hookspec-rate-');
      return { url: sqliteUrl(tmp.dir), drop: async () => tmp.cleanup() };
    },
  },
];

/**
 * What the limiter promises is about when sends start: at most LIMIT in any second, a burst of LIMIT allowed
 * (limiter.ts). Each attempt's start is in the attempt log; the subscriber sees it one loopback request later. An
 * arrival window shorter than a second by the spread of those delays (measured per request, one clock) holds sends
 * that started within one second, so it may hold at most LIMIT arrivals too: exact, with no slack guessed.
 */
describe.each(DIALECTS.filter((d) => !d.skip))('a subscription rate limit across worker processes on $name', (dialect) => {
  let store: Store | undefined;
  let db: { url: string; drop(): Promise<void> } | undefined;
  let workers: SpawnedServer[] = [];
  let subscriber: RecordingSubscriber | undefined;
  let eventIds: string[] = [];

  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    workers = [];
    await subscriber?.close();
    await store?.close();
    await db?.drop();
  });

  /** A backlog of EVENTS for one subscription limited to LIMIT/s; returns the workers' environment. */
  async function backlog(): Promise<Record<string, string>> {
    db = await dialect.fresh();
    store = await openStore(db.url);
    subscriber = await startRecordingSubscriber('limited');
    await store.outbound.createSubscription({
      id: newId('sub'),
      url: subscriber.url,
      events: ['*'],
      description: null,
      metadata: {},
      rate_limit_per_second: LIMIT,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created_at: new Date(),
    });
    eventIds = await publishEvents(store, EVENTS, 'order.created', 16);
    return scaleEnv(db.url);
  }

  /** Waits until WATCH_MS after `from` (default: the first arrival); the starts and arrivals until then. */
  async function watch(from?: number) {
    while (subscriber!.hits.length === 0) await sleep(20);
    const until = (from ?? Math.min(...subscriber!.hits.map((h) => h.start))) + WATCH_MS;
    await sleep(until - Date.now() + 300);
    // Attempt log rows are written in batches after the answers: the watched ones are all there by now.
    const deliveries = (await Promise.all(eventIds.map((id) => store!.outbound.listDeliveriesForEvent(id)))).flat();
    const attempts = await store!.outbound.listAttempts(deliveries.map((d) => d.id));
    const eventOf = new Map(deliveries.map((d) => [d.id, d.event_id]));
    const startOf = new Map(attempts.map((a) => [eventOf.get(a.delivery_id)!, Date.parse(a.started_at)]));
    const starts = [...startOf.values()].filter((t) => t < until);
    const arrivals = subscriber!.hits.filter((h) => startOf.has(h.webhookId) && startOf.get(h.webhookId)! < until);
    const delays = arrivals.map((h) => h.start - startOf.get(h.webhookId)!);
    const spread = Math.max(...delays) - Math.min(...delays);
    const first = Math.min(...starts);
    return {
      sends: busiest(starts, 1_000 - LOG_SKEW_MS),
      arrived: busiest(arrivals.map((h) => h.start), 1_000 - LOG_SKEW_MS - spread),
      spread,
      count: starts.length,
      story: `spread of delays ${spread} ms; sends (ms from the first): ${starts.map((t) => t - first).sort((a, b) => a - b).join(' ')}`,
    };
  }

  it(`two workers started together start at most ${LIMIT} sends in any second, from their first claims`, async () => {
    const env = await backlog();
    workers = await spawnWorkers(2, env);
    const seen = await watch();
    // Both sent: the limit was shared, not held by one worker that took the whole backlog.
    expect(seen.count, seen.story).toBeGreaterThanOrEqual(LIMIT * (WATCH_MS / 1_000 - 3));
    expect(seen.sends.most, `busiest second at +${seen.sends.at} ms; ${seen.story}`).toBeLessThanOrEqual(LIMIT);
    expect(seen.arrived.most, `busiest arrival window at +${seen.arrived.at} ms; ${seen.story}`).toBeLessThanOrEqual(LIMIT);
  }, 60_000);

  it(`a worker joining a running one keeps the total at ${LIMIT} in any second`, async () => {
    const env = await backlog();
    workers = await spawnWorkers(1, env);
    while (subscriber!.hits.length < 3) await sleep(20);
    workers.push(...(await spawnWorkers(1, env)));
    const seen = await watch(Date.now());
    expect(seen.sends.most, `busiest second at +${seen.sends.at} ms; ${seen.story}`).toBeLessThanOrEqual(LIMIT);
    expect(seen.arrived.most, `busiest arrival window at +${seen.arrived.at} ms; ${seen.story}`).toBeLessThanOrEqual(LIMIT);
  }, 60_000);
});
