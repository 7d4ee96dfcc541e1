// `make bench-claim-backlog`: how long one claim of due deliveries takes when a long run of due rows belongs to
// subscriptions the claim may not take (one disabled, or one excluded because it is at its concurrency limit), against
// the same claim with no such backlog, on SQLite and PostgreSQL, in the same run. Ten claims of up to 50 rows per
// case (after one unmeasured), each finding the 10 due rows of an active subscription or, once those are leased, none.
// BENCH_BACKLOG rows (default 200000); BENCH_POSTGRES_URL names a server database to create scratch databases beside.
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { makeTempDir, sqliteUrl } from '../test/support/temp-dir.js';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 200_000);
const CLAIMS = 10;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date().toISOString();

type Case = { name: string; backlog: number; status: 'active' | 'disabled'; exclude: boolean };
const CASES: Case[] = [
  { name: 'no backlog', backlog: 0, status: 'active', exclude: false },
  { name: `${BACKLOG} due rows of an excluded subscription`, backlog: BACKLOG, status: 'active', exclude: true },
  { name: `${BACKLOG} due rows of a disabled subscription`, backlog: BACKLOG, status: 'disabled', exclude: false },
];

const SUBSCRIPTIONS = (status: string) => `INSERT INTO subscriptions (id, url, events, secrets, status, created_at, updated_at) VALUES
  ('sub_backlog', 'https://a.example/', '["*"]', '[]', '${status}', '${NOW}', '${NOW}'),
  ('sub_active', 'https://b.example/', '["*"]', '[]', 'active', '${NOW}', '${NOW}')`;
const EVENT = `INSERT INTO events (id, type, data_json, created_at) VALUES ('evt_1', 'order.created', '{}', '${NOW}')`;

async function fillSqlite(url: string, c: Case) {
  const db = new Database(url.slice('sqlite:'.length));
  db.exec(SUBSCRIPTIONS(c.status));
  db.exec(EVENT);
  const insert = db.prepare(`INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at)
    VALUES (?, 'evt_1', ?, 'pending', ?, '${NOW}', '${NOW}')`);
  db.transaction(() => {
    for (let i = 0; i < c.backlog; i++) insert.run(`dlv_a${String(i).padStart(8, '0')}`, 'sub_backlog', 1_000 + i);
    for (let i = 0; i < 10; i++) insert.run(`dlv_b${i}`, 'sub_active', 10_000_000 + i);
  })();
  db.close();
}

async function fillPostgres(url: string, c: Case) {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(SUBSCRIPTIONS(c.status));
  await client.query(EVENT);
  await client.query(`INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at)
    SELECT 'dlv_a' || lpad(i::text, 8, '0'), 'evt_1', 'sub_backlog', 'pending', 1000 + i, '${NOW}', '${NOW}' FROM generate_series(0, $1::int - 1) i`, [c.backlog]);
  await client.query(`INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at)
    SELECT 'dlv_b' || i, 'evt_1', 'sub_active', 'pending', 10000000 + i, '${NOW}', '${NOW}' FROM generate_series(0, 9) i`);
  await client.query('ANALYZE');
  await client.end();
}

/** Median ms of CLAIMS claims on a fresh database holding case `c`. */
async function measure(dialect: 'sqlite' | 'postgres', c: Case): Promise<number> {
  let url: string;
  let drop = async () => {};
  if (dialect === 'sqlite') {
    const temp = makeTempDir('hookspec-claim-backlog-');
    url = sqliteUrl(temp.dir, 'bench.db');
    drop = async () => temp.cleanup();
  } else {
    const name = `hookspec_claim_bench_${process.pid}`;
    const admin = new pg.Client(POSTGRES_URL);
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(POSTGRES_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const a = new pg.Client(POSTGRES_URL);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    };
  }
  await (await openStore(url)).close(); // the schema
  await (dialect === 'sqlite' ? fillSqlite(url, c) : fillPostgres(url, c));
  const store = await openStore(url);
  const times: number[] = [];
  for (let i = 0; i <= CLAIMS; i++) {
    const started = performance.now();
    await store.outbound.claimDue({ owner: `wrk_${i}`, now: new Date(), leaseUntil: new Date(Date.now() + 60_000), limit: 50, excludeSubscriptions: c.exclude ? ['sub_backlog'] : [], perSubscriptionLimit: 10, workers: 1 });
    if (i > 0) times.push(performance.now() - started);
  }
  await store.close();
  await drop();
  times.sort((a, b) => a - b);
  return (times[4]! + times[5]!) / 2;
}

console.log(`| store | case | median ms per claim | vs no backlog |`);
console.log(`|---|---|---:|---:|`);
for (const dialect of ['sqlite', 'postgres'] as const) {
  let base = 0;
  for (const c of CASES) {
    const ms = await measure(dialect, c);
    if (c.backlog === 0) base = ms;
    console.log(`| ${dialect} | ${c.name} | ${ms.toFixed(2)} | ${(ms / base).toFixed(1)}× |`);
  }
}
