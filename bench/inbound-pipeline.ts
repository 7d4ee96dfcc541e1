// make bench-inbound-pipeline: CPU per delivery of the receive pipeline without HTTP, stage by stage, to see where a
// receiver's time goes beyond what node:http costs every peer: verify; verify + parse; the whole pipeline (+ validate,
// group commit into SQLite and the body log, the answer). Stages alternate; medians of BENCH_ROUNDS.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInboundConfig } from '../src/config/inbound.js';
import { createInbound } from '../src/inbound/inbound.js';
import type { ReceiverRuntime } from '../src/inbound/receive.js';
import { receivers } from '../src/inbound/receivers/index.js';
import type { EventPublisher } from '../src/outbound/publisher.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-secret';
const BODY = readFileSync(join(ROOT, 'test/fixtures/payloads/github-push.json'));
const SIGNATURE = 'sha256=' + createHmac('sha256', SECRET).update(BODY).digest('hex');
/** Deliveries in flight at once (one group-commit batch), as with 50 connections. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Stage = 'verify' | 'verify + parse' | 'whole pipeline';
const STAGES: Stage[] = ['verify', 'verify + parse', 'whole pipeline'];

const dir = mkdtempSync(join(tmpdir(), 'hookspec-bench-pipeline-'));
const store = openSqliteStore(join(dir, 'bench.db'));
// Dispatch off, as peer (d) of bench-inbound: the publisher is never called.
const unused: EventPublisher = { publish: () => Promise.reject(new Error('dispatch is off')) } as unknown as EventPublisher;
const inbound = createInbound({ config: readInboundConfig({ GITHUB_WEBHOOK_SECRET: SECRET, HOOKSPEC_INBOUND_DISPATCH: 'false' }), store: store.inbound, publisher: unused });
const runtime: ReceiverRuntime = { receiver: receivers.find((r) => r.provider === 'github')!, secrets: [SECRET], policy: 'lenient', toleranceSec: 300 };

// Read only when a required header's value holds ", "; these never do.
const NO_REPEATS: readonly string[] = [];
let seq = 0;
async function batch(stage: Stage): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const headers = {
      'content-type': 'application/json', 'content-length': String(BODY.length), 'x-github-event': 'push',
      'x-hub-signature-256': SIGNATURE, 'x-github-delivery': `bench-${seq++}`,
    };
    const verify = () => runtime.receiver.verify({ body: BODY, headers, secrets: runtime.secrets, nowSec: Math.floor(Date.now() / 1000), toleranceSec: 300 });
    if (stage === 'verify') verify();
    else if (stage === 'verify + parse') (verify(), runtime.receiver.parse(BODY, headers));
    else {
      const request = { headers, rawHeaders: NO_REPEATS, source: '127.0.0.1' };
      const answer = inbound.pipeline.precheck(runtime, request) ?? inbound.pipeline.receive(runtime, request, BODY);
      pending.push(Promise.resolve(answer).then((a) => {
        if (a.status !== 200) throw new Error(`pipeline answered ${a.status}`);
      }));
    }
  }
  await Promise.all(pending);
}

async function measure(stage: Stage): Promise<number> {
  for (let i = 0; i < 50; i++) await batch(stage);
  const start = process.cpuUsage();
  for (let i = 0; i < BATCHES; i++) await batch(stage);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (BATCHES * CONCURRENCY);
}

const samples = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const stage of STAGES) {
    const us = await measure(stage);
    samples.get(stage)!.push(us);
    console.error(`round ${round} ${stage}: ${us.toFixed(1)} µs CPU per delivery`);
  }
}
await inbound.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\nGitHub push ${BODY.length} bytes, ${BATCHES} batches of ${CONCURRENCY}, ${ROUNDS} alternating rounds; medians:`);
console.log('| stage | CPU µs per delivery |\n|---|---:|');
for (const stage of STAGES) console.log(`| ${stage} | ${median(samples.get(stage)!).toFixed(1)} |`);
