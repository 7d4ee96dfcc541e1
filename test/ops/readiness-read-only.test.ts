import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec } from '../../src/server/start.js';
import { READ_ONLY_SERVER } from '../../src/store/postgres/store.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';

const db: TestPostgres | undefined = await freshPostgres();
/** A login role of this test's own, so that making its sessions read-only touches no other test. */
const role = `hs_ro_${randomBytes(4).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresBaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (db) {
  await admin(`CREATE ROLE ${role} LOGIN`);
  await admin(`GRANT USAGE, CREATE ON SCHEMA ${db.schema} TO ${role}`);
}
afterAll(async () => {
  if (!db) return;
  await db.drop();
  await admin(`DROP OWNED BY ${role}`);
  await admin(`DROP ROLE ${role}`);
});

/** The test schema's URL, connecting as the test's role. */
function asRole(url: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

const SECRET = 'read-only-test-secret';
const start = (url: string) =>
  startHookspec(loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: 'test-key', HOOKSPEC_PRUNE_INTERVAL_MS: '0', GITHUB_WEBHOOK_SECRET: SECRET }));

function ping(url: string) {
  const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 1 });
  return fetch(`${url}/webhooks/github`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'read-only-1',
      'x-hub-signature-256': 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex'),
    },
  });
}

type Readiness = { code: string; checks: Record<string, string> };

/** GET /readyz until `done` holds for its body, or 10 s have passed; the last answer. */
async function readinessUntil(url: string, done: (body: Readiness) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${url}/readyz`);
    const problem = (await res.json()) as Readiness;
    if (done(problem) || Date.now() > deadline) return { res, problem };
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A standby promoted away from, or a server set read-only, still answers SELECT 1: the probe must ask for writes.
describe.skipIf(!db)('readiness on a PostgreSQL server that refuses writes (the real server, read-only sessions)', () => {
  it('is ready while writable, then 503 naming the cause once its sessions come back read-only; nothing is acknowledged', async () => {
    const running = await start(asRole(db!.url));
    try {
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200);

      // A failover to a standby, as the pool sees it: its connections drop and every new one is read-only.
      await admin(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${role}'`);
      // The pool may first hand out a connection not yet known to be dead (one failed probe); then it reconnects.
      const { res, problem } = await readinessUntil(running.url, (p) => p.checks.database === READ_ONLY_SERVER);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(problem.code).toBe('not_ready');
      expect(problem.checks.database).toBe(READ_ONLY_SERVER);
      expect(problem.checks.migrations).toBe('ok');
      // A delivery it cannot store is refused, so GitHub keeps it for a retry elsewhere.
      const refused = await ping(running.url);
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await running.close();
    }
  });
});
