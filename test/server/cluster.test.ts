import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFatalStartup, occupiedPort, runMain, spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { send, type Answer } from './support/one-shot-request.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'cluster-test-secret';
const API_KEY = 'cluster-test-key';
const PUSH = readFileSync(join(ROOT, 'test', 'fixtures', 'payloads', 'github-push.json'), 'utf8');
const DELIVERIES = 200;
const PARALLEL = 20;
const SAME_ID_COPIES = 20;

async function pushDelivery(url: string, deliveryId: string): Promise<Answer> {
  const headers = {
    'content-type': 'application/json',
    'x-github-event': 'push',
    'x-github-delivery': deliveryId,
    'x-hub-signature-256': await sign(SECRET, PUSH),
  };
  return send(url, 'POST', '/webhooks/github', headers, PUSH);
}

/** Runs `task` for every item, at most `parallel` at a time. */
async function inParallel<T, R>(items: T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

/** Every GitHub delivery id the server stored, page by page through `/v1/inbound`. */
async function storedDeliveryIds(url: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await send(url, 'GET', `/v1/inbound?provider=github&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { authorization: `Bearer ${API_KEY}` });
    expect(res.status).toBe(200);
    const page = JSON.parse(res.body) as { data: { delivery_id: string }[]; next_cursor: string | null };
    ids.push(...page.data.map((d) => d.delivery_id));
    cursor = page.next_cursor;
  } while (cursor);
  return ids;
}

/** The HTTP processes (by slot) that logged a request line for `path` since output position `from`. */
function processesThatAnswered(server: SpawnedServer, path: string, from = 0): Set<number> {
  const slots = new Set<number>();
  for (const line of server.output().slice(from).split('\n')) {
    // The last line may still be arriving.
    if (!line.startsWith('{') || !line.endsWith('}')) continue;
    const entry = JSON.parse(line) as { msg?: string; path?: string; http_process?: number };
    if (entry.msg === 'request' && entry.path === path && entry.http_process !== undefined) slots.add(entry.http_process);
  }
  return slots;
}

/** The value of the first sample of `name` whose labels include `labels`, 0 if there is none. */
function sample(metrics: string, name: string, labels: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** The pid logged with `msg` for each slot (the latest line wins). */
function loggedPids(server: SpawnedServer, msg: string): Map<number, number> {
  const pids = new Map<number, number>();
  for (const m of server.output().matchAll(new RegExp(`"http_process":(\\d+),"pid":(\\d+)[^\\n]*"msg":"${msg}"`, 'g'))) pids.set(Number(m[1]), Number(m[2]));
  return pids;
}

/** The pid each HTTP process logged when it started listening, by slot (the latest start wins). */
const listeningPids = (server: SpawnedServer) => loggedPids(server, 'hookspec listening');
/** The latest pid the primary forked for each slot. */
const forkedPids = (server: SpawnedServer) => loggedPids(server, 'forked HTTP process');

describe('HOOKSPEC_HTTP_PROCESSES=2: one port, two processes, one SQLite file', () => {
  const tmp = makeTempDir('hookspec-cluster-');
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer(
      {
        HOOKSPEC_HTTP_PROCESSES: '2',
        DATABASE_URL: sqliteUrl(tmp.dir),
        GITHUB_WEBHOOK_SECRET: SECRET,
        HOOKSPEC_API_KEY: API_KEY,
        LOG_LEVEL: 'info',
        HOOKSPEC_SHUTDOWN_DEADLINE_MS: '5000',
      },
      { timeoutMs: 30_000 },
    );
    // Each process logs its own line once started; the primary's may come first (it hears of the listen earlier).
    for (const slot of [1, 2]) await server.waitForOutput(new RegExp(`"http_process":${slot},[^\\n]*"msg":"hookspec listening"`), 30_000);
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    tmp.cleanup();
  });

  it('the first process keeps role all, the second runs role api', () => {
    expect(server.output()).toMatch(/"http_process":1,[^\n]*"role":"all","msg":"hookspec listening"/);
    expect(server.output()).toMatch(/"http_process":2,[^\n]*"role":"api","msg":"hookspec listening"/);
  });

  it(`${DELIVERIES} deliveries over ${PARALLEL} parallel connections: all 2xx, answered by both processes, each stored once`, async () => {
    const ids = Array.from({ length: DELIVERIES }, (_, i) => `cluster-${i}-${crypto.randomUUID()}`);
    const answers = await inParallel(ids, PARALLEL, (id) => pushDelivery(server.url, id));
    expect(answers.filter((a) => a.status < 200 || a.status > 299)).toEqual([]);
    expect(answers.every((a) => (JSON.parse(a.body) as { duplicate: boolean }).duplicate === false)).toBe(true);
    expect([...processesThatAnswered(server, '/webhooks/github')].sort()).toEqual([1, 2]);

    const stored = await storedDeliveryIds(server.url);
    expect(stored.filter((id) => id.startsWith('cluster-')).sort()).toEqual([...ids].sort());
  });

  it(`the same delivery ${SAME_ID_COPIES} times at once: exactly one is new`, async () => {
    const id = `same-${crypto.randomUUID()}`;
    const answers = await inParallel(Array.from({ length: SAME_ID_COPIES }, () => id), SAME_ID_COPIES, (d) => pushDelivery(server.url, d));
    expect(answers.map((a) => a.status)).toEqual(Array(SAME_ID_COPIES).fill(200));
    const bodies = answers.map((a) => JSON.parse(a.body) as { id: string; duplicate: boolean });
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect((await storedDeliveryIds(server.url)).filter((d) => d === id)).toHaveLength(1);
  });

  it('/metrics counts the requests of both processes, whichever process answers the scrape', async () => {
    // One disabled subscription: each process reads 1 from the database, so a sum would say 2.
    const auth = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    const created = await send(server.url, 'POST', '/v1/subscriptions', auth, JSON.stringify({ url: 'https://93.184.215.14/hook', events: ['ping'] }));
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };
    expect((await send(server.url, 'PATCH', `/v1/subscriptions/${id}`, auth, JSON.stringify({ status: 'disabled' }))).status).toBe(200);
    for (let scrape = 0; scrape < 4; scrape++) {
      const res = await send(server.url, 'GET', '/metrics', {});
      expect(res.status).toBe(200);
      expect(sample(res.body, 'hookspec_inbound_requests_total', 'outcome="accepted"')).toBe(DELIVERIES + 1);
      expect(sample(res.body, 'hookspec_inbound_requests_total', 'outcome="duplicate"')).toBe(SAME_ID_COPIES - 1);
      expect(res.body).toMatch(/^hookspec_outbound_queue_depth\{state="due"\} 0$/m);
      // A database-wide gauge is the same in every process: the maximum, not the sum (0 could not tell them apart).
      expect(res.body).toMatch(/^hookspec_outbound_subscriptions_disabled 1$/m);
    }
  });

  it('a SIGKILLed process is replaced and the server keeps answering', async () => {
    const before = listeningPids(server);
    const victim = before.get(2)!;
    expect(victim).toBeGreaterThan(0);
    process.kill(victim, 'SIGKILL');
    await server.waitForOutput(new RegExp(`"http_process":2,"pid":${victim},[^\\n]*"msg":"HTTP process died; replacing it"`));

    const during = await inParallel(Array.from({ length: 30 }, (_, i) => `after-kill-${i}-${crypto.randomUUID()}`), 10, (id) => pushDelivery(server.url, id));
    expect(during.map((a) => a.status)).toEqual(Array(30).fill(200));

    await server.waitForOutput(new RegExp(`"http_process":2,"pid":(?!${victim},)\\d+,[^\\n]*"msg":"hookspec listening"`));
    const replacement = listeningPids(server).get(2)!;
    expect(replacement).not.toBe(victim);
    const from = server.output().length;
    const after = await inParallel(Array.from({ length: 60 }, (_, i) => `replaced-${i}-${crypto.randomUUID()}`), PARALLEL, (id) => pushDelivery(server.url, id));
    expect(after.map((a) => a.status)).toEqual(Array(60).fill(200));
    expect([...processesThatAnswered(server, '/webhooks/github', from)].sort()).toEqual([1, 2]);
  });

  it('SIGTERM: every process closes gracefully, the primary exits 0', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toMatch(/"exit_codes":\[0,0\],"msg":"all HTTP processes exited"/);
  });
});

describe('HOOKSPEC_HTTP_PROCESSES=2: processes that keep dying', () => {
  it('five deaths within the window: the primary gives up with exit 1', async () => {
    const tmp = makeTempDir('hookspec-cluster-');
    const server = await spawnServer({ HOOKSPEC_HTTP_PROCESSES: '2', DATABASE_URL: sqliteUrl(tmp.dir), LOG_LEVEL: 'info' }, { timeoutMs: 30_000 });
    try {
      const killed = new Set<number>();
      /**
       * Waits until every slot in `slots` has been given a process not killed yet, then kills them all. Killing at fork,
       * not once they listen, keeps the five deaths inside the 10 s window however slowly a loaded machine starts them.
       */
      const killFresh = async (slots: number[]) => {
        for (;;) {
          const pids = forkedPids(server);
          const fresh = slots.map((slot) => pids.get(slot)).filter((pid): pid is number => pid !== undefined && !killed.has(pid));
          if (fresh.length === slots.length) {
            for (const pid of fresh) (killed.add(pid), process.kill(pid, 'SIGKILL'));
            return;
          }
          if (server.child.exitCode !== null) throw new Error(`the primary exited early:\n${server.output()}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await killFresh([1, 2]);
      await killFresh([1, 2]);
      await killFresh([1]);
      const code = server.child.exitCode ?? (await new Promise((r) => server.child.once('exit', r)));
      expect(code).toBe(1);
      expect(server.output()).toMatch(/"deaths":5,[^\n]*"msg":"HTTP processes keep dying; giving up"/);
    } finally {
      await server.stop('SIGKILL');
      tmp.cleanup();
    }
  }, 60_000);
});

describe('HOOKSPEC_HTTP_PROCESSES: startup failures fork nothing', () => {
  it.each([
    ['a malformed process count', { HOOKSPEC_HTTP_PROCESSES: 'x' }, /HOOKSPEC_HTTP_PROCESSES must be a positive integer or auto \(got "x"\)/],
    ['a malformed setting with 2 processes', { HOOKSPEC_HTTP_PROCESSES: '2', PORT: 'abc' }, /PORT must be a non-negative integer \(got "abc"\)/],
  ])('%s: one fatal JSON line, exit 1', async (_name, env, message) => {
    await expectFatalStartup(env, message);
  });

  it('a port already in use: the first process fails, the primary exits 1 without forking the rest', async () => {
    const { port, blocker } = await occupiedPort();
    const tmp = makeTempDir('hookspec-cluster-');
    try {
      const { code, stdout } = await runMain({ HOOKSPEC_HTTP_PROCESSES: '2', PORT: String(port), DATABASE_URL: sqliteUrl(tmp.dir) });
      expect(code).toBe(1);
      expect(stdout).toMatch(new RegExp(`"http_process":1,[^\\n]*"msg":"startup failed: port ${port} on 127\\.0\\.0\\.1 is already in use: set PORT to a free port"`));
      expect(stdout).toMatch(/"msg":"the first HTTP process failed to start"/);
      expect(stdout).not.toMatch(/"http_process":2/);
    } finally {
      blocker.close();
      tmp.cleanup();
    }
  });
});
