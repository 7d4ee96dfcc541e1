// make bench-inbound-store: CPU per stored delivery of the SQLite inbound store alone (no HTTP), raw bodies in the
// body log (what a database file gets) vs in the inbound_bodies table (what :memory: gets), same run, alternating.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BodyLog } from '../src/store/sqlite/body-log.js';
import { startCheckpointer } from '../src/store/sqlite/checkpointer.js';
import { openSqlite } from '../src/store/sqlite/database.js';
import { createSqliteInboundStore } from '../src/store/sqlite/inbound-store.js';
import { inboundDelivery } from '../test/support/inbound-delivery.js';

const ROOT = join(import.meta.dirname, '..');
const BODY = readFileSync(join(ROOT, 'test/fixtures/payloads/github-push.json'));
const BATCHES = Number(process.env.BENCH_BATCHES ?? 800);
/** Rows per transaction: about what one event-loop turn collects at 50 connections. */
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const delivery = () => inboundDelivery({
  headers: { 'x-github-event': 'push', 'x-github-delivery': 'bench' }, body: BODY, receivedAt: new Date().toISOString(), nextAttemptAt: Date.now(),
});

/** CPU µs per row (all threads of this process: the checkpointer's included, until its last checkpoint). */
async function run(withBodyLog: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'hookspec-bench-store-'));
  const file = join(dir, 'bench.db');
  const db = openSqlite(file);
  const checkpointer = startCheckpointer(db, file);
  const bodyLog = withBodyLog ? new BodyLog(`${file}.bodies`) : undefined;
  const store = createSqliteInboundStore(db, bodyLog);
  const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, delivery));
  for (let i = 0; i < 50; i++) await store.insertDeliveries(Array.from({ length: BATCH }, delivery));
  const start = process.cpuUsage();
  for (const batch of batches) await store.insertDeliveries(batch);
  await checkpointer.stop();
  const used = process.cpuUsage(start);
  bodyLog?.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (used.user + used.system) / (BATCHES * BATCH);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = { log: [] as number[], table: [] as number[] };
for (let round = 1; round <= ROUNDS; round++) {
  for (const kind of ['log', 'table'] as const) {
    const us = await run(kind === 'log');
    results[kind].push(us);
    console.log(`round ${round} ${kind}: ${us.toFixed(1)} µs CPU per row`);
  }
}
const log = median(results.log);
const table = median(results.table);
console.log(`\n${BODY.length}-byte bodies, ${BATCHES} batches of ${BATCH}, ${ROUNDS} alternating rounds; medians:`);
console.log(`| bodies in | CPU µs/row |\n|---|---:|\n| body log (segment files) | ${log.toFixed(1)} |\n| inbound_bodies table | ${table.toFixed(1)} |`);
console.log(`log/table = ${(log / table).toFixed(2)}`);
