import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/inbound/dispatch/dispatcher.js';
import { HandlerRegistry } from '../../src/inbound/dispatch/handler-registry.js';
import { receivers } from '../../src/inbound/receivers/index.js';
import type { EventPublisher } from '../../src/outbound/publisher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { eventually } from '../outbound/support.js';
import { inboundDelivery } from '../support/inbound-delivery.js';
import { freshPostgres, postgresBaseUrl, type TestPostgres } from '../support/postgres.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

const g = globalThis as unknown as { __replyRuns: string[] };
const COMMAND = fixture('slack-command.txt');
const CONFIG = { maxAttempts: 3, retryBaseMs: 10, leaseMs: 60_000, pollMs: 60_000, handlerTimeoutMs: 30_000 };
const publisher = { publish: async (type: string) => ({ id: 'evt_x', type, created_at: '' }) } as unknown as EventPublisher;

/** A slash command handler that counts its runs and replies. */
function writeCommandHandler(dir: string): void {
  writeFileSync(join(dir, 'slack.command.mjs'), 'export default { type: "slack.command", async handle(events) {' +
    ' globalThis.__replyRuns.push(events[0].data.text); return ["Deploying " + events[0].data.text]; } };\n');
}

// A slash command's row belongs to the dispatcher that received it from its insert on, on both dialects.
describe.each([
  ['SQLite', async () => {
    const tmp = makeTempDir('hookspec-reply-lease-');
    return { url: sqliteUrl(tmp.dir), drop: async () => tmp.cleanup() };
  }],
  ['PostgreSQL', async () => {
    const db = (await freshPostgres()) as TestPostgres;
    return { url: db.url, drop: () => db.drop() };
  }],
] as const)('reply receivers on %s', (dialect, database) => {
  const skip = dialect === 'PostgreSQL' && !postgresBaseUrl();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (url: string): Promise<Store> => {
    const store = await openStore(url);
    cleanups.push(() => store.close());
    return store;
  };

  it.skipIf(skip)('another process polling the moment the row is stored cannot take it: the reply is the handler\'s', async () => {
    g.__replyRuns = [];
    const db = await database();
    cleanups.push(db.drop);
    const other = await open(db.url);
    const h: Harness = await startHarness({}, { databaseUrl: db.url });
    cleanups.push(() => h.close());
    writeCommandHandler(h.dir);
    // Another process's poll gets to the row between its commit and runNow: it lists what is due and claims it.
    const taken: string[] = [];
    const insert = h.store.inbound.insertDeliveries.bind(h.store.inbound);
    h.store.inbound.insertDeliveries = async (rows) => {
      const stored = await insert(rows);
      const now = Date.now();
      const due = await other.inbound.listDueDeliveries(now, 10);
      taken.push(...(await other.inbound.claimDeliveries([...due, ...rows.map((r) => r.id)], 'another-process', now + 60_000, now)).map((c) => c.id));
      return stored;
    };
    const res = await post(h.url, signed.slack('/webhooks/slack/commands', COMMAND, 'application/x-www-form-urlencoded'));
    expect(res.body).toEqual({ response_type: 'ephemeral', text: 'Deploying api staging' });
    expect(taken).toEqual([]);
    const [row] = await h.store.inbound.listDeliveries({ limit: 1 });
    await eventually(async () => expect(await h.store.inbound.getDelivery(row!.id)).toMatchObject({ status: 'processed', attempts: 1 }));
    expect(g.__replyRuns).toEqual(['api staging']);
  });

  it.skipIf(skip)('a process that dies after storing leaves the row to another one once the lease expires: run once, not lost', async () => {
    g.__replyRuns = [];
    const db = await database();
    cleanups.push(db.drop);
    const handlers = makeTempDir('hookspec-reply-handlers-');
    cleanups.push(async () => handlers.cleanup());
    writeCommandHandler(handlers.dir);
    const dispatcherOn = (store: Store, now?: () => number) => new Dispatcher({
      store: store.inbound, publisher, handlers: new HandlerRegistry(handlers.dir), receivers: new Map(receivers.map((r) => [r.operationId, r])), config: CONFIG, now,
    });
    // The receiving process stores the command under its reply lease, then dies before runNow.
    const dead = dispatcherOn(await open(db.url));
    const lease = dead.replyLease();
    const stored = inboundDelivery({
      provider: 'slack', receiver: 'receiveSlackCommand', deliveryId: `cmd-${Date.now()}`, eventType: '/deploy', catalogType: 'slack.command',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: COMMAND, receivedAt: new Date().toISOString(), nextAttemptAt: Date.now(), lease,
    });
    await (await open(db.url)).inbound.insertDeliveries([stored]);

    let skew = 0;
    const alive = await open(db.url);
    const survivor = dispatcherOn(alive, () => Date.now() + skew);
    survivor.start();
    cleanups.push(() => survivor.stop());
    await survivor.poll();
    await new Promise((r) => setTimeout(r, 100));
    expect(g.__replyRuns).toEqual([]);
    expect(await alive.inbound.getDelivery(stored.id)).toMatchObject({ status: 'processing', attempts: 1 });

    skew = lease.until - Date.now() + 1;
    await survivor.poll();
    await eventually(async () => expect(await alive.inbound.getDelivery(stored.id)).toMatchObject({ status: 'processed', attempts: 2 }));
    expect(g.__replyRuns).toEqual(['api staging']);
  });
});
