import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { connectScaleDb, type ScaleDb } from './db.js';
import { scaleEnv, waitUntil } from './support.js';

const ROUNDS = 20;
const SECRET = 'scale-github-secret';
const PUSH = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'payloads', 'github-push.json'), 'utf8')) as Record<string, unknown>;

describe.skipIf(!postgresBaseUrl())('two API nodes receiving the same inbound delivery at the same moment', () => {
  let pgdb: TestPostgres;
  let db: ScaleDb;
  let nodes: SpawnedServer[] = [];
  const tmp = makeTempDir('hookspec-scale-');
  const handlerLog = join(tmp.dir, 'handler-runs.log');

  beforeAll(async () => {
    pgdb = (await freshPostgres())!;
    db = connectScaleDb(pgdb.url);
    const env = scaleEnv(pgdb.url, {
      HOOKSPEC_ROLE: 'api',
      GITHUB_WEBHOOK_SECRET: SECRET,
      HOOKSPEC_HANDLERS_DIR: join(import.meta.dirname, 'handlers'),
      SCALE_HANDLER_LOG: handlerLog,
    });
    // Started together: both migrate the same fresh schema at once (the advisory lock serialises them).
    nodes = await Promise.all([spawnServer(env), spawnServer(env)]);
  });

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    await db?.close();
    await pgdb?.drop();
    tmp.cleanup();
  });

  it('stores and processes each delivery id once, and the other node answers duplicate', async () => {
    const afters: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const after = randomBytes(20).toString('hex');
      afters.push(after);
      const body = JSON.stringify({ ...PUSH, after });
      const headers = {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      };
      const answers = await Promise.all(
        nodes.map(async (n) => {
          const res = await fetch(`${n.url}/webhooks/github`, { method: 'POST', headers, body });
          return { status: res.status, body: (await res.json()) as { id: string; duplicate: boolean } };
        }),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers.map((a) => a.body.duplicate).sort()).toEqual([false, true]);
      expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    }

    await waitUntil(
      async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM inbound_deliveries WHERE status = 'processed'"))[0]!.n === ROUNDS,
      20_000,
      async () => JSON.stringify(await db.query('SELECT status, attempts, last_error FROM inbound_deliveries')),
    );
    // A moment for any second run to show up before counting.
    await new Promise((r) => setTimeout(r, 500));
    const runs = existsSync(handlerLog) ? readFileSync(handlerLog, 'utf8').trim().split('\n') : [];
    expect(runs.map((line) => line.split(' ')[1]).sort()).toEqual([...afters].sort());
    expect(await db.query('SELECT status, attempts, count(*)::int AS n FROM inbound_deliveries GROUP BY status, attempts')).toEqual([
      { status: 'processed', attempts: 1, n: ROUNDS },
    ]);
    expect(await db.query("SELECT count(*)::int AS n FROM events WHERE type = 'github.push'")).toEqual([{ n: ROUNDS }]);
  }, 60_000);
});
