// `make bench-outbound`: deliveries/s of the outbound engine against two peers, in the same run, and the
// publish-to-receipt latency at a paced 1,000 events/s. Subscribers live in a separate process.
//   hookspec  outbox publish (SQLite) → worker claims under leases → signed POST over a keep-alive pool →
//             every attempt recorded durably (fenced, batched)
//   floor (a) signed POSTs over a keep-alive undici pool, nothing stored
//   seed  (b) signed POSTs with a new connection per delivery, nothing stored
// Rounds are interleaved (h a b, h a b, …) after one unmeasured run of each, and medians reported.
import { fork, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent, request } from 'undici';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { catalogValidator } from '../src/outbound/catalog-validator.js';
import { createOutboundEngine } from '../src/outbound/engine.js';
import { newId } from '../src/ids.js';
import { generateSecret } from '../src/outbound/secrets.js';
import { signStandardWebhook } from '../src/outbound/signing.js';
import { openStore } from '../src/store/open.js';
import { makeTempDir, sqliteUrl } from '../test/support/temp-dir.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 4);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_SUBSCRIPTION = Number(process.env.BENCH_SUBSCRIPTION_CONCURRENCY ?? 16);
const CONCURRENCY = SUBSCRIBERS * PER_SUBSCRIPTION;
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 5);
/**
 * `latency` runs only the paced publish-to-receipt measurement, `throughput` only the interleaved throughput rounds,
 * `hookspec` only hookspec's throughput rounds (for `--cpu-prof`).
 */
const ONLY = process.env.BENCH_ONLY;

const ORDER = {
  order_id: 'ord_1042',
  customer: { id: 'cus_1', email: 'ada@example.org', name: 'Ada Lovelace' },
  line_items: [
    { sku: 'SKU-1', name: 'Widget', quantity: 2, unit_price: 500 },
    { sku: 'SKU-2', name: 'Gadget', quantity: 1, unit_price: 1500 },
  ],
  subtotal: 2500,
  tax: 500,
  total: 3000,
  currency: 'EUR',
  created_at: '2026-11-28T04:00:00Z',
};

// ---------- subscriber process ----------
const subs: ChildProcess = fork(fileURLToPath(new URL('./subscribers.ts', import.meta.url)), [String(SUBSCRIBERS)], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ports = await new Promise<number[]>((resolve) => subs.once('message', (m: { ports: number[] }) => resolve(m.ports)));
const urls = ports.map((p) => `http://127.0.0.1:${p}/hook`);

function ask<T>(cmd: string): Promise<T> {
  return new Promise((resolve) => {
    subs.once('message', (m: T) => resolve(m));
    subs.send({ cmd });
  });
}
const stats = () => ask<{ count: number; unique: number }>('count');
const latencies = async () => (await ask<{ latencies: number[] }>('latencies')).latencies;

async function waitForReceipts(total: number, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await stats();
    if (s.count >= total) return Date.now();
    if (Date.now() > deadline) throw new Error(`only ${s.count} of ${total} deliveries arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// ---------- scenarios ----------
async function withEngine<T>(fn: (e: Awaited<ReturnType<typeof openEngine>>) => Promise<T>): Promise<T> {
  const e = await openEngine();
  try {
    return await fn(e);
  } finally {
    await e.engine.stop();
    await e.store.close();
    e.tmp.cleanup();
  }
}

async function openEngine() {
  const tmp = makeTempDir('hookspec-bench-');
  const config = loadConfig({
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKSPEC_SUBSCRIPTION_CONCURRENCY: String(PER_SUBSCRIPTION),
  });
  const store = await openStore(config.server.databaseUrl);
  const engine = createOutboundEngine({ store: store.outbound, config: config.outbound, validator: catalogValidator() });
  for (const url of urls) {
    await store.outbound.createSubscription({
      id: newId('sub'), url, events: ['*'], description: null, metadata: {}, rate_limit_per_second: null,
      secret: generateSecret(), created_at: new Date(),
    });
  }
  return { tmp, store, engine };
}

/** hookspec: publish a backlog through the outbox, then time the worker draining it. */
interface Run {
  /** Deliveries per second. */
  rate: number;
  /** CPU (user + system) of this process per delivery, in µs: steadier than the rate on a shared machine. */
  cpuUs: number;
}

async function hookspecThroughput(): Promise<Run> {
  return withEngine(async ({ engine, store }) => {
    const ids: string[] = [];
    for (let i = 0; i < EVENTS; i += 100) {
      const batch = Array.from({ length: Math.min(100, EVENTS - i) }, () => engine.publisher.publish('order.created', ORDER));
      for (const e of await Promise.all(batch)) ids.push(e.id);
    }
    await ask('reset');
    const started = Date.now();
    const cpu = process.cpuUsage();
    engine.start();
    const done = await waitForReceipts(EVENTS * SUBSCRIBERS);
    const used = process.cpuUsage(cpu);
    await engine.stop();
    // Every attempt is on disk: check the last event's deliveries and their attempt log.
    const last = await store.outbound.listDeliveriesForEvent(ids[ids.length - 1]!);
    const attempts = await store.outbound.listAttempts(last.map((d) => d.id));
    if (last.some((d) => d.status !== 'succeeded') || attempts.length !== SUBSCRIBERS) throw new Error('attempts not recorded');
    return { rate: (EVENTS * SUBSCRIBERS) / ((done - started) / 1000), cpuUs: (used.user + used.system) / (EVENTS * SUBSCRIBERS) };
  });
}

interface Job {
  url: string;
  secret: string;
  id: string;
}

function jobs(): Job[] {
  const secrets = urls.map(() => generateSecret());
  const list: Job[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const id = newId('evt');
    urls.forEach((url, s) => list.push({ url, secret: secrets[s]!, id }));
  }
  return list;
}

function body(): string {
  return `{"type":"order.created","timestamp":${JSON.stringify(new Date().toISOString())},"data":${JSON.stringify(ORDER)}}`;
}

async function runPool(list: Job[], send: (job: Job) => Promise<void>): Promise<Run> {
  await ask('reset');
  const started = Date.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) await send(list[next++]!);
    }),
  );
  await waitForReceipts(list.length);
  const used = process.cpuUsage(cpu);
  return { rate: list.length / ((Date.now() - started) / 1000), cpuUs: (used.user + used.system) / list.length };
}

/** (a) the floor: signed POSTs over a keep-alive pool, nothing stored. */
async function floorKeepAlive(): Promise<Run> {
  const agent = new Agent({ connections: PER_SUBSCRIPTION, keepAliveTimeout: 30_000 });
  try {
    return await runPool(jobs(), async (job) => {
      const b = body();
      const headers = signStandardWebhook(job.id, Math.floor(Date.now() / 1000), b, [job.secret]);
      const res = await request(job.url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', ...headers }, body: b });
      await res.body.dump();
    });
  } finally {
    await agent.close();
  }
}

/** (b) the seed's way: a new connection per delivery. */
async function newConnectionEach(): Promise<Run> {
  return runPool(jobs(), (job) => {
    const b = body();
    const headers = signStandardWebhook(job.id, Math.floor(Date.now() / 1000), b, [job.secret]);
    return new Promise<void>((resolve, reject) => {
      const req = httpRequest(job.url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close', ...headers } }, (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end(b);
    });
  });
}

/** hookspec at a paced rate: publish RATE events/s for RATE_SECONDS, then read publish-to-receipt latencies. */
async function hookspecLatency(): Promise<{ p50: number; p99: number; max: number; achieved: number }> {
  return withEngine(async ({ engine }) => {
    engine.start();
    await ask('reset');
    const total = RATE * RATE_SECONDS;
    const tickMs = 10;
    const perTick = (RATE * tickMs) / 1000;
    const started = Date.now();
    let published = 0;
    while (published < total) {
      // Each tick publishes what is due, concurrently (as independent API callers would), then yields the loop.
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * RATE) + perTick);
      const batch: Promise<unknown>[] = [];
      for (; published < due; published++) batch.push(engine.publisher.publish('order.created', ORDER));
      await Promise.all(batch);
      await new Promise((r) => setTimeout(r, tickMs));
    }
    const achieved = published / ((Date.now() - started) / 1000);
    await waitForReceipts(total * SUBSCRIBERS);
    const lat = (await latencies()).sort((x, y) => x - y);
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
    return { p50: q(0.5), p99: q(0.99), max: lat[lat.length - 1]!, achieved };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const results = { hookspec: [] as Run[], floor: [] as Run[], seed: [] as Run[] };
// One unmeasured run of each measured peer, so no peer's first round pays for its JIT (the floor alone was warmed before).
await hookspecThroughput();
if (ONLY !== 'hookspec' && ONLY !== 'latency') {
  await floorKeepAlive();
  await newConnectionEach();
}
if (ONLY === 'hookspec') {
  for (let round = 1; round <= ROUNDS; round++) {
    const r = await hookspecThroughput();
    console.log(`round ${round}: hookspec ${r.rate.toFixed(0)}/s ${r.cpuUs.toFixed(0)} µs/delivery`);
  }
  subs.kill();
  process.exit(0);
}
for (let round = 1; round <= (ONLY === 'latency' ? 0 : ROUNDS); round++) {
  results.hookspec.push(await hookspecThroughput());
  results.floor.push(await floorKeepAlive());
  results.seed.push(await newConnectionEach());
  const show = (r: Run) => `${r.rate.toFixed(0)}/s ${r.cpuUs.toFixed(0)} µs`;
  console.error(`round ${round}: hookspec ${show(results.hookspec.at(-1)!)}, floor ${show(results.floor.at(-1)!)}, new-connection ${show(results.seed.at(-1)!)}`);
}
const latency = [];
for (let round = 1; round <= (ONLY === 'throughput' ? 0 : ROUNDS); round++) latency.push(await hookspecLatency());

const rate = (rs: Run[]) => median(rs.map((r) => r.rate));
const cpu = (rs: Run[]) => median(rs.map((r) => r.cpuUs));
if (ONLY === 'latency') {
  const p99only = median(latency.map((l) => l.p99));
  console.log(`Publish-to-receipt at ${RATE} events/s for ${RATE_SECONDS} s (${RATE * SUBSCRIBERS} deliveries/s), median of ${ROUNDS} rounds: p50 ${median(latency.map((l) => l.p50))} ms, p99 ${p99only} ms, max ${median(latency.map((l) => l.max))} ms (publish rate achieved: ${median(latency.map((l) => l.achieved)).toFixed(0)}/s).`);
  subs.kill();
  process.exit(0);
}
const [h, a, b] = [rate(results.hookspec), rate(results.floor), rate(results.seed)];
const [hc, ac, bc] = [cpu(results.hookspec), cpu(results.floor), cpu(results.seed)];
const raw = (rs: Run[]) => rs.map((r) => `${r.rate.toFixed(0)}/${r.cpuUs.toFixed(0)}`).join(', ');
console.log(`
${EVENTS} events × ${SUBSCRIBERS} subscribers = ${EVENTS * SUBSCRIBERS} deliveries per round, ${CONCURRENCY} requests in flight (${PER_SUBSCRIPTION} per subscriber), ${ROUNDS} rounds, medians.

| peer | deliveries/s | vs floor (a) | sender CPU µs/delivery | CPU vs (a) |
| --- | ---: | ---: | ---: | ---: |
| hookspec: outbox (SQLite) → leased claims → signed POST, keep-alive → attempts recorded | ${h.toFixed(0)} | ${(h / a).toFixed(2)}× | ${hc.toFixed(0)} | ${(hc / ac).toFixed(2)}× |
| (a) floor: signed POST over a keep-alive undici pool, nothing stored | ${a.toFixed(0)} | 1.00× | ${ac.toFixed(0)} | 1.00× |
| (b) seed: signed POST, new connection per delivery, nothing stored | ${b.toFixed(0)} | ${(b / a).toFixed(2)}× | ${bc.toFixed(0)} | ${(bc / ac).toFixed(2)}× |

hookspec vs (b): ${(h / b).toFixed(2)}× deliveries/s.
Raw rounds (deliveries/s / CPU µs): hookspec ${raw(results.hookspec)} · (a) ${raw(results.floor)} · (b) ${raw(results.seed)}.

`);
if (latency.length > 0) {
  const p99 = median(latency.map((l) => l.p99));
  console.log(`Publish-to-receipt at ${RATE} events/s for ${RATE_SECONDS} s (${RATE * SUBSCRIBERS} deliveries/s), median of ${ROUNDS} rounds:
p50 ${median(latency.map((l) => l.p50))} ms, p99 ${p99} ms, max ${median(latency.map((l) => l.max))} ms (publish rate achieved: ${median(latency.map((l) => l.achieved)).toFixed(0)}/s).
Targets: ≥ 0.5× (a) → ${h / a >= 0.5 ? 'met' : 'NOT met'}; p99 ≤ 50 ms → ${p99 <= 50 ? 'met' : 'NOT met'}.
`);
} else {
  console.log(`Target: ≥ 0.5× (a) → ${h / a >= 0.5 ? 'met' : 'NOT met'}.`);
}
subs.kill();
