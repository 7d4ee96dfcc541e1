// `make bench-scale`: outbound deliveries/s with 1, 2 and 4 worker processes (`hookspec serve --role worker`,
// spawned as real processes) on one PostgreSQL database, and SQLite with one process, in the same run, against
// the same loopback subscribers (bench/subscribers.ts, in their own process).
// Each round: a fresh database with SUBSCRIBERS subscriptions to `*` and EVENTS events already in the outbox but
// not yet due; the workers start and go idle; then one UPDATE makes every delivery due at t0, and the clock stops
// when the database says every delivery succeeded (each attempt recorded durably). Rounds are interleaved
// (sqlite, pg×1, pg×2, pg×4, sqlite, …) and medians reported, with CPU seconds per process group.
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../src/ids.js';
import { openStore } from '../src/store/open.js';
import { spawnServer, type SpawnedServer } from '../test/support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../test/support/temp-dir.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 4);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Events delivered before the clock starts, so every worker process is past its JIT warm-up. */
const WARMUP_EVENTS = Number(process.env.BENCH_WARMUP_EVENTS ?? 500);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOTAL = EVENTS * SUBSCRIBERS;
const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat times are in 1/100 s

interface Setup {
  name: string;
  dialect: 'sqlite' | 'postgres';
  workers: number;
}
const SETUPS: Setup[] = [
  { name: 'SQLite, 1 process', dialect: 'sqlite', workers: 1 },
  { name: 'PostgreSQL, 1 worker', dialect: 'postgres', workers: 1 },
  { name: 'PostgreSQL, 2 workers', dialect: 'postgres', workers: 2 },
  { name: 'PostgreSQL, 4 workers', dialect: 'postgres', workers: 4 },
].filter((s) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(`${s.dialect}${s.workers}`)) as Setup[];

interface Round {
  perSecond: number;
  seconds: number;
  /** CPU seconds during the timed window, by process group. */
  cpu: { workers: number; postgres: number; subscribers: number };
}

// ---------- subscribers (their own process, shared by every round) ----------
const subscriberProcess: ChildProcess = fork(fileURLToPath(new URL('./subscribers.ts', import.meta.url)), [String(SUBSCRIBERS)], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ports = await new Promise<number[]>((resolve) => subscriberProcess.once('message', (m: { ports: number[] }) => resolve(m.ports)));
function ask<T>(cmd: string): Promise<T> {
  return new Promise((resolve) => {
    subscriberProcess.once('message', (m: T) => resolve(m));
    subscriberProcess.send({ cmd });
  });
}

// ---------- CPU accounting from /proc ----------
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
  } catch {
    return 0;
  }
}
/** Every PostgreSQL server process on the machine (backends, WAL writer, checkpointer). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}
function cpuSnapshot(workers: SpawnedServer[]): Map<string, number> {
  const snap = new Map<string, number>();
  for (const w of workers) snap.set(`w${w.child.pid}`, cpuOf(w.child.pid!));
  for (const pid of postgresPids()) snap.set(`p${pid}`, cpuOf(pid));
  snap.set('s', cpuOf(subscriberProcess.pid!));
  return snap;
}
function cpuDelta(before: Map<string, number>, after: Map<string, number>): Round['cpu'] {
  const out = { workers: 0, postgres: 0, subscribers: 0 };
  for (const [key, value] of after) {
    const d = value - (before.get(key) ?? value);
    if (key.startsWith('w')) out.workers += d;
    else if (key.startsWith('p')) out.postgres += d;
    else out.subscribers += d;
  }
  return out;
}

// ---------- one round ----------
interface BenchDatabase {
  url: string;
  makeDue(nowMs: number): Promise<void>;
  unfinished(): Promise<number>;
  drop(): Promise<void>;
}

async function freshDatabase(dialect: Setup['dialect']): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const tmp = makeTempDir('hookspec-bench-scale-');
    const url = sqliteUrl(tmp.dir);
    const file = url.slice('sqlite:'.length);
    return {
      url,
      async makeDue(nowMs) {
        const db = new Database(file);
        db.pragma('busy_timeout = 5000');
        db.prepare("UPDATE deliveries SET next_attempt_at = ? WHERE status = 'pending'").run(nowMs);
        db.close();
      },
      async unfinished() {
        const db = new Database(file, { readonly: true });
        db.pragma('busy_timeout = 5000');
        const n = db.prepare("SELECT count(*) AS n FROM deliveries WHERE status <> 'succeeded'").get() as { n: number };
        db.close();
        return n.n;
      },
      drop: async () => tmp.cleanup(),
    };
  }
  const schema = `hs_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path TO ${schema}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async makeDue(nowMs) {
      await admin.query("UPDATE deliveries SET next_attempt_at = $1 WHERE status = 'pending'", [nowMs]);
    },
    async unfinished() {
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE status <> 'succeeded'");
      return rows[0]!.n;
    },
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * Subscriptions and events written through the store, as API nodes would: the warm-up events due now, the
 * measured ones an hour from now (made due at t0).
 */
async function seed(url: string): Promise<void> {
  const store = await openStore(url);
  try {
    for (const port of ports) {
      await store.outbound.createSubscription({
        id: newId('sub'),
        url: `http://127.0.0.1:${port}/hook`,
        events: ['*'],
        description: 'bench-scale',
        metadata: {},
        rate_limit_per_second: null,
        secret: `whsec_${randomBytes(24).toString('base64')}`,
        created_at: new Date(),
      });
    }
    const data = JSON.stringify({ order_id: 'ord_1042', total: 3000, currency: 'EUR', note: 'x'.repeat(400) });
    for (const [count, at] of [
      [WARMUP_EVENTS, new Date()],
      [EVENTS, new Date(Date.now() + 3_600_000)],
    ] as const) {
      for (let i = 0; i < count; i += 10) {
        await Promise.all(
          Array.from({ length: Math.min(10, count - i) }, () =>
            store.outbound.insertEvent({ id: newId('evt'), type: 'order.created', data_json: data, created_at: at, newDeliveryId: () => newId('dlv') }),
          ),
        );
      }
    }
  } finally {
    await store.close();
  }
}

const verbose = (msg: string) => {
  if (process.env.BENCH_VERBOSE) console.error(`[bench-scale] ${new Date().toISOString().slice(11, 23)} ${msg}`);
};

async function runRound(setup: Setup): Promise<Round> {
  const db = await freshDatabase(setup.dialect);
  verbose(`${setup.name}: database ready`);
  let workers: SpawnedServer[] = [];
  try {
    await seed(db.url);
    verbose(`${setup.name}: seeded, unfinished ${await db.unfinished()}`);
    const env = {
      DATABASE_URL: db.url,
      HOOKSPEC_ROLE: 'worker',
      HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKSPEC_POLL_INTERVAL_MS: process.env.BENCH_POLL_MS ?? '20',
      LOG_LEVEL: 'error',
    };
    // BENCH_CPU_PROF=<dir>: each worker writes a V8 CPU profile there when it exits (SIGTERM at the end).
    const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    workers = await Promise.all(Array.from({ length: setup.workers }, () => spawnServer(env, { timeoutMs: 60_000, nodeArgs })));
    verbose(`${setup.name}: ${workers.length} workers up`);
    const warmDeadline = Date.now() + 300_000;
    while ((await db.unfinished()) > TOTAL) {
      if (Date.now() > warmDeadline) throw new Error(`${setup.name}: warm-up deliveries did not finish`);
      await new Promise((r) => setTimeout(r, 50));
    }
    verbose(`${setup.name}: warmed up`);
    await ask('reset');
    const before = cpuSnapshot(workers);
    const t0 = Date.now();
    await db.makeDue(t0);
    for (;;) {
      const { count } = await ask<{ count: number }>('count');
      if (count >= TOTAL && (await db.unfinished()) === 0) break;
      if (Date.now() - t0 > 300_000) throw new Error(`${setup.name}: only ${count} of ${TOTAL} deliveries after 300 s`);
      await new Promise((r) => setTimeout(r, count >= TOTAL ? 5 : 25));
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu = cpuDelta(before, cpuSnapshot(workers));
    const { unique } = await ask<{ unique: number }>('count');
    if (unique !== TOTAL) throw new Error(`${setup.name}: ${unique} distinct deliveries received, expected ${TOTAL}`);
    return { perSecond: TOTAL / seconds, seconds, cpu };
  } finally {
    await Promise.all(workers.map((w) => w.stop(process.env.BENCH_CPU_PROF ? 'SIGTERM' : 'SIGKILL')));
    await db.drop();
  }
}

// ---------- main ----------
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const loadBefore = loadavg()[0]!;
const results = new Map<string, Round[]>(SETUPS.map((s) => [s.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const setup of SETUPS) {
    const r = await runRound(setup);
    results.get(setup.name)!.push(r);
    console.log(
      `round ${round} ${setup.name.padEnd(22)} ${r.perSecond.toFixed(0).padStart(6)} deliveries/s ` +
        `(${r.seconds.toFixed(2)} s; CPU s: workers ${r.cpu.workers.toFixed(2)}, postgres ${r.cpu.postgres.toFixed(2)}, subscribers ${r.cpu.subscribers.toFixed(2)})`,
    );
  }
}
subscriberProcess.kill();
const loadAfter = loadavg()[0]!;

const summary = SETUPS.map((setup) => {
  const rounds = results.get(setup.name)!;
  const perSecond = median(rounds.map((r) => r.perSecond));
  const seconds = median(rounds.map((r) => r.seconds));
  const cpu = {
    workers: median(rounds.map((r) => r.cpu.workers)),
    postgres: median(rounds.map((r) => r.cpu.postgres)),
    subscribers: median(rounds.map((r) => r.cpu.subscribers)),
  };
  return { setup, perSecond, seconds, cpu };
});
const pg1 = summary.find((s) => s.setup.name === 'PostgreSQL, 1 worker')?.perSecond ?? Number.NaN;
const sqlite1 = summary.find((s) => s.setup.dialect === 'sqlite')?.perSecond ?? Number.NaN;
const coresBusy = (s: (typeof summary)[number]) => (s.cpu.workers + s.cpu.postgres + s.cpu.subscribers) / s.seconds;

const table = [
  '| setup | deliveries/s (median) | vs PostgreSQL 1 worker | vs SQLite 1 process | CPU s per 1k deliveries: workers / postgres / subscribers | cores busy (of 2) |',
  '|---|---:|---:|---:|---|---:|',
  ...summary.map((s) => {
    const per1k = (x: number) => ((x / TOTAL) * 1000).toFixed(3);
    return `| ${s.setup.name} | ${s.perSecond.toFixed(0)} | ${(s.perSecond / pg1).toFixed(2)}× | ${(s.perSecond / sqlite1).toFixed(2)}× | ${per1k(s.cpu.workers)} / ${per1k(s.cpu.postgres)} / ${per1k(s.cpu.subscribers)} | ${coresBusy(s).toFixed(2)} |`;
  }),
].join('\n');
console.log(`\n${table}`);

const raw = summary
  .map((s) => `${s.setup.name}: ${results.get(s.setup.name)!.map((r) => r.perSecond.toFixed(0)).join(', ')} deliveries/s`)
  .join('; ');
const section = `## bench-scale

Command: \`make bench-scale\` (\`node --import tsx bench/scale.ts\`; BENCH_EVENTS=${EVENTS}, BENCH_SUBSCRIBERS=${SUBSCRIBERS},
BENCH_ROUNDS=${ROUNDS}, BENCH_WARMUP_EVENTS=${WARMUP_EVENTS}). ${EVENTS} events × ${SUBSCRIBERS} subscriptions = ${TOTAL} deliveries per
round, already in the outbox and made due at once by one UPDATE after the workers have delivered ${WARMUP_EVENTS * SUBSCRIBERS}
warm-up deliveries; the clock stops when the database records every delivery as succeeded.
Workers are real \`--role worker\` processes with default settings (poll 20 ms); subscribers answer 200 at once
from their own process. Rounds interleaved, medians shown; ${new Date().toISOString().slice(0, 16)}Z, ${process.version},
1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (2 cores; other work on the machine shows here).

${table}

Raw rounds: ${raw}.

<!-- bench-scale:analysis -->
`;
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
let text = '';
try {
  text = readFileSync(RESULTS, 'utf8');
} catch {
  text = '# Benchmark results\n';
}
// Keep the hand-written analysis (below the marker) and every other section as they are.
const start = text.indexOf('## bench-scale');
if (start === -1) {
  writeFileSync(RESULTS, `${text.trimEnd()}\n\n${section}`);
} else {
  const next = text.indexOf('\n## ', start + 1);
  const end = next === -1 ? text.length : next + 1;
  const old = text.slice(start, end);
  const marker = old.indexOf('<!-- bench-scale:analysis -->');
  const analysis = marker === -1 ? '' : old.slice(marker + '<!-- bench-scale:analysis -->'.length).trim();
  const rest = next === -1 ? '' : `\n${text.slice(end)}`;
  writeFileSync(RESULTS, text.slice(0, start) + section + (analysis ? `${analysis}\n` : '') + rest);
}
console.log(`\nwrote the bench-scale section of bench/RESULTS.md`);
