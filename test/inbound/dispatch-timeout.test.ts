import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineEventHandler } from '../../generated/handlers.js';
import { loadConfig } from '../../src/config/index.js';
import { MAX_ACTIVE_BATCHES } from '../../src/inbound/dispatch/dispatcher.js';
import { eventually } from '../outbound/support.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

type Call = { type: string; afters: string[] };
const g = globalThis as unknown as { __timeoutCalls: Call[]; __lateSettled: number };

/** Writes a handler module shaped like `defineEventHandler`'s output; `body` sees `events` and `call` (1-based per type). */
function writeHandler(h: Harness, type: string, body: string, batch?: { maxSize: number; maxWaitMs: number }) {
  writeFileSync(join(h.dir, `${type}.mjs`), `export default { type: ${JSON.stringify(type)}, batch: ${JSON.stringify(batch)}, async handle(events) {
    globalThis.__timeoutCalls.push({ type: ${JSON.stringify(type)}, afters: events.map((e) => e.data.after) });
    const call = globalThis.__timeoutCalls.filter((c) => c.type === ${JSON.stringify(type)}).length;
    ${body}
  } };\n`);
}

/** A signed push whose `after` sha names it, so handlers can tell deliveries apart. */
const push = (after: string) => signed.github(JSON.stringify({ ...JSON.parse(fixture('github-push.json').toString()), after }));
const issue = () => signed.github(fixture('github-issues.opened.json'), 'issues');

let h: Harness;
/** The harness still to close: config tests start none, so `h` alone would close the previous test's twice. */
let running: Harness | undefined;
const start = async (env: Record<string, string>) => (h = running = await startHarness(env));
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  g.__timeoutCalls = [];
  g.__lateSettled = 0;
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await running?.close();
  running = undefined;
});

const row = (id: string) => h.store.inbound.getDelivery(id);

describe('handler timeout', () => {
  it('a handler that never settles fails its attempt with the timeout error and is retried, while more deliveries than slots flow', async () => {
    await start({ HOOKSPEC_HANDLER_TIMEOUT_MS: '200', HOOKSPEC_INBOUND_MAX_ATTEMPTS: '2' });
    writeHandler(h, 'github.push', 'return new Promise(() => {});');
    writeHandler(h, 'github.issues', '');
    // One at a time, so each stuck push holds a dispatch slot of its own (the audit's repro).
    const stuck: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_BATCHES; i++) stuck.push((await post(h.url, await push(`stuck-${i}`))).body.id);
    const others: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_BATCHES * 2; i++) others.push((await post(h.url, await issue())).body.id);

    await eventually(async () => {
      for (const id of others) expect(await row(id)).toMatchObject({ status: 'processed', attempts: 1 });
    });
    await eventually(async () => {
      for (const id of stuck) expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'handler for github.push did not finish within 200 ms' });
    });
    expect(g.__timeoutCalls.filter((c) => c.type === 'github.push')).toHaveLength(MAX_ACTIVE_BATCHES * 2);
    expect(h.publisher.events.filter((e) => e.type === 'github.push')).toHaveLength(0);
  });

  it('a handler that settles after its timeout changes nothing: the row keeps the later attempt, and a late rejection is handled', async () => {
    await start({ HOOKSPEC_HANDLER_TIMEOUT_MS: '200', HOOKSPEC_INBOUND_MAX_ATTEMPTS: '2' });
    const late = `await new Promise((r) => setTimeout(r, 600)); globalThis.__lateSettled++;`;
    // Attempt 1 succeeds too late, attempt 2 fails: the delivery must end failed, not processed by the straggler.
    writeHandler(h, 'github.push', `if (call === 1) { ${late} return; } throw new Error('second attempt failed');`);
    // Attempt 1 rejects too late, attempt 2 succeeds: the late rejection must neither count nor go unhandled.
    writeHandler(h, 'github.issues', `if (call === 1) { ${late} throw new Error('late failure'); }`);
    const pushed = (await post(h.url, await push('slow'))).body.id;
    const issued = (await post(h.url, await issue())).body.id;

    await eventually(async () => {
      expect(await row(pushed)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'second attempt failed' });
      expect(await row(issued)).toMatchObject({ status: 'processed', attempts: 2, lastError: null });
    });
    await eventually(() => expect(g.__lateSettled).toBe(2));
    await new Promise((r) => setTimeout(r, 100));
    await h.settle();
    expect(await row(pushed)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'second attempt failed' });
    expect(await row(issued)).toMatchObject({ status: 'processed', attempts: 2, lastError: null });
    expect(h.publisher.events.filter((e) => e.type === 'github.push')).toHaveLength(0);
    expect(unhandled).toEqual([]);
  });

  it('a batch call gets the same timeout: every delivery in a stuck batch is retried', async () => {
    await start({ HOOKSPEC_HANDLER_TIMEOUT_MS: '200', HOOKSPEC_INBOUND_MAX_ATTEMPTS: '2' });
    // The first call that sees an event never settles; a retry of the same events succeeds.
    writeHandler(h, 'github.push', `const seen = globalThis.__timeoutCalls.slice(0, -1).flatMap((c) => c.afters);
    if (events.some((e) => !seen.includes(e.data.after))) return new Promise(() => {});`, { maxSize: 3, maxWaitMs: 50 });
    const ids = (await Promise.all(['a', 'b', 'c'].map(async (after) => post(h.url, await push(after))))).map((r) => r.body.id);

    await eventually(async () => {
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'processed', attempts: 2, lastError: null });
    });
    expect(g.__timeoutCalls.flatMap((c) => c.afters).sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
    expect(Math.max(...g.__timeoutCalls.map((c) => c.afters.length))).toBeGreaterThan(1);
  });
});

describe('the abort signal handlers get', () => {
  it('aborts at the timeout, so a fetch the handler passed it to is cancelled', async () => {
    // A subscriber-like server that never answers: only the abort can end the handler's request.
    const closed: string[] = [];
    const hanging = createServer((req) => req.socket.once('close', () => closed.push(req.url ?? '')));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow`;
      await start({ HOOKSPEC_HANDLER_TIMEOUT_MS: '300', HOOKSPEC_INBOUND_MAX_ATTEMPTS: '1' });
      writeFileSync(join(h.dir, 'github.push.mjs'), `export default { type: 'github.push', async handle(events, { signal }) {
        try { await fetch(${JSON.stringify(url)}, { signal }); } catch (err) { globalThis.__lateSettled++; globalThis.__abortReason = String(signal.reason?.message ?? err); throw err; }
      } };\n`);
      const id = (await post(h.url, await push('abort'))).body.id;
      await eventually(async () => expect(await row(id)).toMatchObject({ status: 'failed', lastError: 'handler for github.push did not finish within 300 ms' }));
      await eventually(() => expect(closed).toEqual(['/slow']));
      await eventually(() => expect(g.__lateSettled).toBe(1));
      expect((globalThis as unknown as { __abortReason: string }).__abortReason).toBe('handler for github.push did not finish within 300 ms');
      expect(unhandled).toEqual([]);
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
  });

  it('a batch handler gets it too, and a handler that finishes in time never sees it abort', async () => {
    await start({ HOOKSPEC_HANDLER_TIMEOUT_MS: '2000' });
    writeHandler(h, 'github.push', `globalThis.__signals = (globalThis.__signals ?? []).concat([arguments[1].signal]);`, { maxSize: 2, maxWaitMs: 20 });
    const ids = (await Promise.all(['x', 'y'].map(async (after) => post(h.url, await push(after))))).map((r) => r.body.id);
    await eventually(async () => {
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'processed' });
    });
    const signals = (globalThis as unknown as { __signals: AbortSignal[] }).__signals;
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s instanceof AbortSignal && !s.aborted)).toBe(true);
  });
});

describe('defineEventHandler (generated) passes the context on', () => {
  it('to one-event and batch handlers; called without one, the signal never aborts', async () => {
    const seen: AbortSignal[] = [];
    const one = defineEventHandler('ping', (_event, { signal }) => void seen.push(signal));
    const many = defineEventHandler('ping', (_events, { signal }) => void seen.push(signal), { batch: { maxSize: 2, maxWaitMs: 1 } });
    const controller = new AbortController();
    const envelope = { type: 'ping' as const, timestamp: new Date().toISOString(), data: { message: 'hi' } };
    await one.handle([envelope, envelope], { signal: controller.signal });
    await many.handle([envelope], { signal: controller.signal });
    await one.handle([envelope]);
    expect(seen.slice(0, 3)).toEqual([controller.signal, controller.signal, controller.signal]);
    expect(seen[3]).toBeInstanceOf(AbortSignal);
    expect(seen[3]!.aborted).toBe(false);
  });
});

describe('HOOKSPEC_HANDLER_TIMEOUT_MS', () => {
  it('defaults below the inbound lease', () => {
    const { inbound } = loadConfig({});
    expect(inbound.handlerTimeoutMs).toBe(25_000);
    expect(inbound.handlerTimeoutMs).toBeLessThan(inbound.leaseMs);
    expect(loadConfig({ HOOKSPEC_HANDLER_TIMEOUT_MS: '200' }).inbound.handlerTimeoutMs).toBe(200);
  });

  it.each(['soon', '0', '-5', '1.5'])('%j: the one-line startup error naming the variable', (bad) => {
    expect(() => loadConfig({ HOOKSPEC_HANDLER_TIMEOUT_MS: bad })).toThrow(`HOOKSPEC_HANDLER_TIMEOUT_MS must be a positive integer (got "${bad}")`);
  });

  it('refuses a timeout that would let the lease expire under a running handler', () => {
    const message = 'HOOKSPEC_HANDLER_TIMEOUT_MS (30000) must be at most HOOKSPEC_INBOUND_LEASE_MS (30000) - 1000, so a lease never expires under a running handler';
    expect(() => loadConfig({ HOOKSPEC_HANDLER_TIMEOUT_MS: '30000' })).toThrow(message);
    expect(() => loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '10000', HOOKSPEC_HANDLER_TIMEOUT_MS: '9500' })).toThrow('HOOKSPEC_HANDLER_TIMEOUT_MS (9500) must be at most HOOKSPEC_INBOUND_LEASE_MS (10000) - 1000');
    expect(loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '10000', HOOKSPEC_HANDLER_TIMEOUT_MS: '9000' }).inbound.handlerTimeoutMs).toBe(9000);
  });

  it('unset, follows a lease shorter than its default instead of refusing a configuration that worked before', () => {
    expect(loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '10000' }).inbound.handlerTimeoutMs).toBe(9000);
    expect(loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '1500' }).inbound.handlerTimeoutMs).toBe(500);
  });
});
