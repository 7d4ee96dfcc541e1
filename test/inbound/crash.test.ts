import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processTree } from '../support/process-tree.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { fixture } from './support/harness.js';

const SECRET = 'crash-test-secret';

const template = JSON.parse(fixture('github-push.json').toString());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A signed push with a unique marker in the body and a unique delivery id. */
function delivery() {
  const marker = randomBytes(20).toString('hex');
  const body = JSON.stringify({ ...template, after: marker });
  return {
    marker,
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': `crash-${marker}`,
      'x-hub-signature-256': 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex'),
    },
  };
}

// 1: one process. 2: a cluster whose primary is SIGKILLed; its HTTP processes exit at once, mid-work.
describe.each([1, 2])('crash safety, HOOKSPEC_HTTP_PROCESSES=%i', (processes) => {
  const tmp = makeTempDir('hookspec-crash-');
  const EFFECTS = join(tmp.dir, 'effects.log');
  const env = {
    DATABASE_URL: sqliteUrl(tmp.dir),
    GITHUB_WEBHOOK_SECRET: SECRET,
    HOOKSPEC_HANDLERS_DIR: tmp.dir,
    HOOKSPEC_INBOUND_LEASE_MS: '1500',
    HOOKSPEC_HANDLER_TIMEOUT_MS: '500',
    HOOKSPEC_INBOUND_POLL_MS: '100',
    HOOKSPEC_API_KEY: 'crash-test-key',
    HOOKSPEC_HTTP_PROCESSES: String(processes),
    // The cluster's "listening" line (info) tells when every HTTP process takes requests.
    LOG_LEVEL: processes > 1 ? 'info' : 'warn',
  };
  let server: SpawnedServer | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    tmp.cleanup();
  });

  /** The observable effect: the handler appends the push's `after` sha, one line per run. */
  writeFileSync(join(tmp.dir, 'github.push.mjs'), `import { appendFileSync } from 'node:fs';
export default { type: 'github.push', async handle(events) {
  for (const e of events) appendFileSync(${JSON.stringify(EFFECTS)}, e.data.after + '\\n');
} };\n`);

  it('after SIGKILL under load, every delivery that got a 2xx is in the log and processed exactly once', async () => {
    server = await spawnServer(env);
    // Wait for every HTTP process, so both take requests before the kill.
    if (processes > 1) await server.waitForOutput(/hookspec cluster listening/, 20_000);
    const workerPids = processTree(server.child.pid!).slice(1);
    const acked = new Set<string>();
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const d = delivery();
        try {
          const res = await fetch(server!.url + '/webhooks/github', { method: 'POST', headers: d.headers, body: d.body });
          if (res.status === 200) acked.add(d.marker);
          else await res.arrayBuffer();
        } catch {
          // The kill cuts requests in flight: those were never acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acked.size < 400) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect(acked.size).toBeGreaterThanOrEqual(400);
    // The HTTP processes of a cluster exit when their primary's channel closes; the restart must not race them.
    const gone = Date.now() + 10_000;
    while (workerPids.some(alive) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    expect(workerPids.filter(alive)).toEqual([]);

    server = await spawnServer(env);
    const db = new Database(join(tmp.dir, 'hookspec.db'), { readonly: true });
    try {
      const unfinished = db.prepare("SELECT count(*) FROM inbound_deliveries WHERE status NOT IN ('processed', 'failed')").pluck();
      const deadline = Date.now() + 20_000;
      while ((unfinished.get() as number) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

      const rows = db.prepare('SELECT delivery_id, status, attempts, id FROM inbound_deliveries').all() as { delivery_id: string; status: string; attempts: number; id: string }[];
      const byMarker = new Map(rows.map((r) => [r.delivery_id.slice('crash-'.length), r]));
      const lines = readFileSync(EFFECTS, 'utf8').split('\n').filter(Boolean);
      const runs = new Map<string, number>();
      for (const line of lines) runs.set(line, (runs.get(line) ?? 0) + 1);

      for (const marker of acked) {
        const row = byMarker.get(marker);
        expect(row, `acknowledged delivery ${marker} is missing from the log`).toBeDefined();
        expect(row!.status).toBe('processed');
      }
      // Every stored delivery ran its handler; an attempt cut by the kill may have run once before the lease expired.
      let rerun = 0;
      for (const row of rows) {
        const count = runs.get(row.delivery_id.slice('crash-'.length)) ?? 0;
        expect(row.status).toBe('processed');
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(row.attempts);
        if (row.attempts === 1) expect(count).toBe(1);
        if (row.attempts > 1) rerun++;
      }
      expect([...runs.keys()].every((m) => byMarker.has(m))).toBe(true);
      // The publish to the outbound catalog is idempotent per inbound delivery: exactly one event each.
      const keys = db.prepare("SELECT count(*) FROM idempotency_keys WHERE key LIKE 'inbound:%'").pluck().get() as number;
      const events = db.prepare("SELECT count(*) FROM events WHERE type = 'github.push'").pluck().get() as number;
      expect(keys).toBe(rows.length);
      expect(events).toBe(rows.length);
      console.log(`crash test (${processes} process(es)): ${acked.size} acknowledged, ${rows.length} stored, ${rerun} attempts cut by the kill ran again`);
    } finally {
      db.close();
    }
  }, 60_000);
});
