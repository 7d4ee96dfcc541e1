// `make bench-inbound`: req/s, server CPU per request, p99 latency and peak RSS of the GitHub receivers (peers a-f)
// under the same load, in one run. Each server runs in its own process tree; rounds are interleaved (a b … f, a b … f,
// …) and medians reported. BENCH_ONLY=b,d runs a subset.
// @ts-expect-error autocannon ships no types; the few fields used are typed below.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTree, readProc } from '../test/support/process-tree.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY?.split(',');
/**
 * BENCH_DELIVERY_IDS=uuid sends random UUIDs as X-GitHub-Delivery, as GitHub does; the default, a counter, keeps the
 * figures comparable with earlier runs. Random keys cost hookspec's unique index a WAL page per row (bench/RESULTS.md).
 */
const UUID_DELIVERY_IDS = process.env.BENCH_DELIVERY_IDS === 'uuid';
const SECRET = 'bench-secret';
const BODY = readFileSync(join(ROOT, 'test/fixtures/payloads/github-push.json'));
const SIGNATURE = 'sha256=' + createHmac('sha256', SECRET).update(BODY).digest('hex');

interface Peer {
  key: string;
  name: string;
  /** Node's arguments: the peers' TypeScript servers under tsx; hookspec as `make run` serves it, compiled (make build). */
  args: string[];
  env?: (dir: string) => Record<string, string>;
}

const HOOKSPEC = ['--enable-source-maps', 'build/src/main.js'];
/**
 * BENCH_BASELINE=<checkout of an earlier commit> adds peer (d0): that checkout's receiver, run as (d) under tsx, so a
 * change is measured against what came before in the same run (`git worktree add /tmp/base <commit>`, with its
 * node_modules installed or linked).
 */
const BASELINE = process.env.BENCH_BASELINE;
/**
 * BENCH_VARIANT=NAME=VALUE[,NAME=VALUE…] adds peer (dv): (d) with those settings, so a setting is measured against
 * the default in the same run (`BENCH_ONLY=b,d,dv BENCH_VARIANT=HOOKSPEC_BODY_LOG_DIRECT_IO=true`).
 */
const VARIANT = process.env.BENCH_VARIANT ? Object.fromEntries(process.env.BENCH_VARIANT.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : undefined;
/** Peer (d)'s environment; (e) and (f) differ from it in one variable each. */
const D_ENV = (dir: string) => ({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, HOOKSPEC_API_KEY: 'bench', LOG_LEVEL: 'warn', HOOKSPEC_INBOUND_DISPATCH: 'false' });

const PEERS: Peer[] = [
  { key: 'a', name: 'bare node:http: HMAC + JSON.parse (floor)', args: ['--import', 'tsx', 'bench/inbound-servers/bare.ts'] },
  { key: 'b', name: '@octokit/webhooks createNodeMiddleware', args: ['--import', 'tsx', 'bench/inbound-servers/octokit.ts'] },
  { key: 'c', name: 'express + express.json + express-openapi-validator', args: ['--import', 'tsx', 'bench/inbound-servers/express-validator.ts'] },
  {
    key: 'd',
    name: 'hookspec receiver: verify + validate + dedupe + durable write (SQLite) + ack; dispatch left to another process',
    args: HOOKSPEC,
    env: D_ENV,
  },
  ...(VARIANT ? [{ key: 'dv', name: `as (d), with ${process.env.BENCH_VARIANT}`, args: HOOKSPEC, env: (dir: string) => ({ ...D_ENV(dir), ...VARIANT }) }] : []),
  ...(BASELINE ? [{ key: 'd0', name: `as (d), the baseline checkout ${BASELINE} under tsx`, args: ['--import', 'tsx', join(BASELINE, 'src/main.ts')], env: D_ENV }] : []),
  {
    key: 'e',
    name: 'hookspec as (d) + dispatch in the same process (handler + outbound publish of every event)',
    args: HOOKSPEC,
    env: (dir: string) => ({ ...D_ENV(dir), HOOKSPEC_INBOUND_DISPATCH: 'true' }),
  },
  {
    key: 'f',
    name: 'hookspec as (d), 2 HTTP processes (node:cluster)',
    args: HOOKSPEC,
    env: (dir: string) => ({ ...D_ENV(dir), HOOKSPEC_HTTP_PROCESSES: '2' }),
  },
].filter((p) => !ONLY || ONLY.includes(p.key));

interface Sample {
  rps: number;
  /** Server CPU time (user + system) per request, in microseconds: independent of how fast the client is. */
  cpuUs: number;
  /** Of it, the event loops' (the node processes' main threads): the serial part, steadier than req/s between runs. */
  loopUs: number;
  p99: number;
  p50: number;
  rssMb: number;
  non2xx: number;
  errors: number;
  /** 1-minute load average at the end of the run: the other work sharing the machine. */
  load: number;
}

// Below Linux's ephemeral range (32768-60999): a port in it can still be the local end of the last round's
// load-generator connections, and the next server's listen then fails with EADDRINUSE.
let port = 31000;

async function waitForPort(p: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(p, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CPU time (user + system) a server used so far, in microseconds: summed over its process tree. */
function cpuUs(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    const fields = readProc(`/proc/${p}/stat`)?.split(') ')[1]?.split(' ');
    if (!fields) continue;
    // utime, stime, cutime, cstime are fields 14 to 17 of /proc/<pid>/stat (here 11 to 14), in 1/100 s; the
    // reaped children's share keeps the time of a process that exited during the run.
    total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10_000;
  }
  return total;
}

/**
 * Time the node processes' main threads ran so far, in microseconds (schedstat's first field, ns): the event loops,
 * without libuv's pool, GC helpers or tsx's esbuild. On this shared machine it moves far less between runs than req/s.
 */
function eventLoopUs(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    if (readProc(`/proc/${p}/comm`)?.trim() !== 'node') continue;
    total += Number(readProc(`/proc/${p}/task/${p}/schedstat`)?.split(' ')[0] ?? 0) / 1000;
  }
  return total;
}

/** Peak resident memory (VmHWM) of a server, in MB: summed over its process tree. */
function peakRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) kb += Number(/VmHWM:\s+(\d+) kB/.exec(readProc(`/proc/${p}/status`) ?? '')?.[1] ?? 0);
  return kb / 1024;
}

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface LoadRequest {
  headers: Record<string, string>;
}

function load(url: string, seconds: number, run: string): Promise<LoadResult> {
  let seq = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/webhooks/github',
            body: BODY,
            headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': SIGNATURE },
            // A unique delivery id per request, so hookspec stores each one instead of answering "duplicate".
            setupRequest: (req: LoadRequest) => ({ ...req, headers: { ...req.headers, 'x-github-delivery': UUID_DELIVERY_IDS ? randomUUID() : `${run}-${seq++}` } }),
          },
        ],
      },
      (err: Error | null, result: LoadResult) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function measure(peer: Peer, round: number): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'hookspec-bench-'));
  const p = port++;
  const child = spawn(process.execPath, peer.args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', GITHUB_WEBHOOK_SECRET: SECRET, ...peer.env?.(dir) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForPort(p, child);
    await load(`http://127.0.0.1:${p}`, WARMUP_S, `warm-${peer.key}-${round}`);
    const cpuBefore = cpuUs(child.pid!);
    const loopBefore = eventLoopUs(child.pid!);
    const r = await load(`http://127.0.0.1:${p}`, DURATION_S, `run-${peer.key}-${round}`);
    const total = r.requests.average * DURATION_S;
    return { rps: r.requests.average, cpuUs: (cpuUs(child.pid!) - cpuBefore) / total, loopUs: (eventLoopUs(child.pid!) - loopBefore) / total, p50: r.latency.p50, p99: r.latency.p99, rssMb: peakRssMb(child.pid!), non2xx: r.non2xx, errors: r.errors + r.timeouts, load: loadavg()[0]! };
  } finally {
    // The whole tree: a cluster's workers would otherwise outlive their primary for a moment.
    for (const p of processTree(child.pid!).reverse()) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const samples = new Map<string, Sample[]>(PEERS.map((p) => [p.key, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const peer of PEERS) {
    const s = await measure(peer, round);
    samples.get(peer.key)!.push(s);
    console.error(`round ${round} ${peer.key}: ${s.rps.toFixed(0)} req/s, ${s.cpuUs.toFixed(0)} µs CPU/req (event loop ${s.loopUs.toFixed(1)}), p50 ${s.p50} ms, p99 ${s.p99} ms, peak RSS ${s.rssMb.toFixed(0)} MB, non-2xx ${s.non2xx}, errors ${s.errors}, load ${s.load.toFixed(1)}`);
  }
}

const med = (key: string, f: (s: Sample) => number) => median(samples.get(key)!.map(f));
console.log(`\nGitHub push ${BODY.length} bytes, signed, delivery ids ${UUID_DELIVERY_IDS ? 'random UUIDs' : 'a counter'}; autocannon ${CONNECTIONS} connections, ${DURATION_S} s per run after ${WARMUP_S} s warm-up, ${ROUNDS} interleaved rounds; medians.`);
const loads = [...samples.values()].flat().map((s) => s.load);
console.log(`1-minute load average at the end of the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores).\n`);
console.log('| peer | req/s | server CPU µs/req | of it event loop µs/req | p50 ms | p99 ms | peak RSS MB | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const peer of PEERS) {
  const all = samples.get(peer.key)!;
  console.log(`| (${peer.key}) ${peer.name} | ${med(peer.key, (s) => s.rps).toFixed(0)} | ${med(peer.key, (s) => s.cpuUs).toFixed(0)} | ${med(peer.key, (s) => s.loopUs).toFixed(1)} | ${med(peer.key, (s) => s.p50)} | ${med(peer.key, (s) => s.p99)} | ${med(peer.key, (s) => s.rssMb).toFixed(0)} | ${all.reduce((n, s) => n + s.non2xx, 0)} | ${all.reduce((n, s) => n + s.errors, 0)} |`);
}
const peersRun = ['a', 'b', 'c'].filter((k) => samples.has(k));
for (const ours of ['d', 'dv', 'd0', 'e', 'f'].filter((k) => samples.has(k))) {
  // One figure's medians, ours over each peer's.
  const ratios = (f: (s: Sample) => number) => peersRun.map((k) => `${ours}/${k} = ${(med(ours, f) / med(k, f)).toFixed(2)}`).join(', ');
  console.log(`\nRatios of median req/s: ${ratios((s) => s.rps)}; of CPU per request: ${ratios((s) => s.cpuUs)}; of event-loop CPU per request: ${ratios((s) => s.loopUs)}`);
}
