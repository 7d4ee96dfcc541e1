import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboundOperations } from '../../src/api/inbound.js';
import type { AppContext } from '../../src/server/context.js';
import { inboundDelivery } from '../support/inbound-delivery.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

type Calls = { type: string; events: { type: string; timestamp: string; data: any }[] }[];
const g = globalThis as unknown as { __inboundCalls: Calls; __inboundFailures: number };

/** Writes a handler module the way `defineEventHandler` shapes it: `{ type, batch, handle(events[]) }`. */
function writeHandler(h: Harness, type: string, body: string, batch?: { maxSize: number; maxWaitMs: number }) {
  writeFileSync(join(h.dir, `${type}.mjs`), `export default { type: ${JSON.stringify(type)}, batch: ${JSON.stringify(batch)}, async handle(events) {
    globalThis.__inboundCalls.push({ type: ${JSON.stringify(type)}, events });
    ${body}
  } };\n`);
}

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function start(env: Record<string, string> = {}) {
  g.__inboundCalls = [];
  g.__inboundFailures = 0;
  h = await startHarness(env);
  return h;
}

const api = () => inboundOperations({ store: h.store } as unknown as AppContext);
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('dispatch after the ack', () => {
  it('calls the handler with the catalog envelope { type, timestamp, data }', async () => {
    await start();
    writeHandler(h, 'github.push', '');
    const res = await post(h.url, await signed.github(fixture('github-push.json')));
    await h.settle();
    expect(g.__inboundCalls).toHaveLength(1);
    const [event] = g.__inboundCalls[0]!.events;
    expect(event).toEqual({ type: 'github.push', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: JSON.parse(fixture('github-push.json').toString()) });
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'processed', attempts: 1, lastError: null });
  });

  it('retries a failing handler with backoff until it succeeds; the provider saw a 200 and the publish happens once', async () => {
    await start();
    writeHandler(h, 'github.push', "if (globalThis.__inboundFailures++ < 2) throw new Error('database is down');");
    const res = await post(h.url, await signed.github(fixture('github-push.json')));
    expect(res.status).toBe(200);
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'processed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'processed', attempts: 3, lastError: null });
    expect(g.__inboundCalls).toHaveLength(3);
    expect(h.publisher.events.filter((e) => e.idempotencyKey === `inbound:${res.body.id}`)).toHaveLength(1);
    // The delivery's own key names it: its payload is not hashed again on every forward (see PublishOptions.keyOnly).
    expect(h.publisher.events.find((e) => e.idempotencyKey === `inbound:${res.body.id}`)?.keyOnly).toBe(true);
  });

  it('marks a delivery failed after the last attempt, keeping the error', async () => {
    await start({ HOOKSPEC_INBOUND_MAX_ATTEMPTS: '3' });
    writeHandler(h, 'stripe.charge.succeeded', "throw new Error('card service unreachable');");
    const res = await post(h.url, signed.stripe(fixture('stripe-charge.succeeded.json')));
    expect(res.status).toBe(200);
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'failed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'card service unreachable' });
    expect(h.publisher.events).toHaveLength(0);
  });

  it('a replay of a delivery that failed for good gets the whole retry budget again', async () => {
    await start({ HOOKSPEC_INBOUND_MAX_ATTEMPTS: '2' });
    writeHandler(h, 'github.push', "if (globalThis.__inboundFailures++ < 3) throw new Error('database is down');");
    const res = await post(h.url, await signed.github(fixture('github-push.json')));
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'failed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'failed', attempts: 2 });
    // The database is back after one more failure: the replay's first attempt fails, its retry succeeds.
    expect((await api().replayInbound({ params: { id: res.body.id } } as never, {} as never)).status).toBe(202);
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'processed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'processed', attempts: 2, lastError: null });
    expect(g.__inboundCalls).toHaveLength(4);
  });

  it('a publisher failure is retried like a handler failure', async () => {
    await start();
    h.publisher.failNext = 1;
    const res = await post(h.url, await signed.github(fixture('github-push.json')));
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'processed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ attempts: 2 });
    expect(h.publisher.events).toHaveLength(1);
  });

  it('batch handlers get arrays of up to maxSize events of one type', async () => {
    await start();
    writeHandler(h, 'github.push', '', { maxSize: 5, maxWaitMs: 100 });
    const results = await Promise.all(Array.from({ length: 12 }, async () => post(h.url, await signed.github(fixture('github-push.json')))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await waitFor(async () => g.__inboundCalls.flatMap((c) => c.events).length === 12);
    await h.settle();
    const sizes = g.__inboundCalls.map((c) => c.events.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    for (const r of results) expect(await h.store.inbound.getDelivery(r.body.id)).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('a Slack slash command answers with the handler reply, or an ack text when the handler is slow', async () => {
    await start({ HOOKSPEC_SLACK_COMMAND_REPLY_MS: '300' });
    writeFileSync(join(h.dir, 'slack.command.mjs'), `export default { type: 'slack.command', async handle(events) {
      const [e] = events;
      if (e.data.text === 'slow') await new Promise((r) => setTimeout(r, 800));
      return [{ response_type: 'in_channel', text: 'Deploying ' + e.data.text }];
    } };\n`);
    const quick = await post(h.url, signed.slack('/webhooks/slack/commands', fixture('slack-command.txt'), 'application/x-www-form-urlencoded'));
    expect(quick.body).toEqual({ response_type: 'in_channel', text: 'Deploying api staging' });
    const slowForm = fixture('slack-command.txt').toString().replace('text=api+staging', 'text=slow').replace(/trigger_id=[^&]+/, 'trigger_id=slow.1');
    const started = Date.now();
    const slow = await post(h.url, signed.slack('/webhooks/slack/commands', slowForm, 'application/x-www-form-urlencoded'));
    // Answered without waiting for the handler (800 ms), well within Slack's 3 s.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(slow.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/working on it/) });
    await waitFor(async () => (await h.store.inbound.listDeliveries({ limit: 10, status: 'processed' })).length === 2);
  });

  it('a slash command reply goes out when the handler returns, even if the publish after it fails (and is retried)', async () => {
    await start({ HOOKSPEC_INBOUND_RETRY_BASE_MS: '50' });
    writeFileSync(join(h.dir, 'slack.command.mjs'), `export default { type: 'slack.command', async handle(events) {
      return ['Deploying ' + events[0].data.text];
    } };\n`);
    h.publisher.failNext = 1;
    const res = await post(h.url, signed.slack('/webhooks/slack/commands', fixture('slack-command.txt'), 'application/x-www-form-urlencoded'));
    expect(res.body).toEqual({ response_type: 'ephemeral', text: 'Deploying api staging' });
    await waitFor(async () => (await h.store.inbound.listDeliveries({ limit: 1, status: 'processed' })).length === 1);
    const [done] = await h.store.inbound.listDeliveries({ limit: 1, status: 'processed' });
    expect(done).toMatchObject({ attempts: 2 });
    expect(h.publisher.events.filter((e) => e.type === 'slack.command')).toHaveLength(1);
  });

  it('a slash command whose lease renewal fails or waits for the lock still gets the ack within the deadline, not a 5xx; it still runs once', async () => {
    // A lease with no room beyond the handler timeout: every reply attempt renews it before the handler runs.
    await start({ HOOKSPEC_SLACK_COMMAND_REPLY_MS: '300', HOOKSPEC_INBOUND_LEASE_MS: '2000', HOOKSPEC_HANDLER_TIMEOUT_MS: '1000' });
    writeHandler(h, 'slack.command', "return ['Deploying ' + events[0].data.text];");
    // The store as it behaves with another process holding SQLite's write lock: the renewal fails, or waits.
    const store = h.store.inbound;
    // A write that takes a few ms, as any does under load: committed within the lease's first millisecond, the lease
    // would still have room for the handler and no renewal would be tried at all.
    const insert = store.insertDeliveries.bind(store);
    store.insertDeliveries = async (...args) => {
      await new Promise((r) => setTimeout(r, 5));
      return insert(...args);
    };
    const renew = store.renewLeases.bind(store);
    store.renewLeases = async () => { throw busy(); };
    const failed = await post(h.url, signed.slack('/webhooks/slack/commands', fixture('slack-command.txt'), 'application/x-www-form-urlencoded'));
    expect([failed.status, failed.body]).toEqual([200, { response_type: 'ephemeral', text: expect.stringMatching(/working on it/) }]);
    store.renewLeases = async (...args) => {
      await new Promise((r) => setTimeout(r, 1500));
      return renew(...args);
    };
    const slowForm = fixture('slack-command.txt').toString().replace(/trigger_id=[^&]+/, 'trigger_id=locked.1');
    const started = Date.now();
    const waited = await post(h.url, signed.slack('/webhooks/slack/commands', slowForm, 'application/x-www-form-urlencoded'));
    expect(Date.now() - started).toBeLessThan(1200);
    expect([waited.status, waited.body]).toEqual([200, { response_type: 'ephemeral', text: expect.stringMatching(/working on it/) }]);
    store.renewLeases = renew;
    // Both were stored before the answer; each runs exactly once (the first by the poll once its lease expires, the second after its renewal).
    await waitFor(async () => (await h.store.inbound.listDeliveries({ limit: 10, status: 'processed' })).length === 2, 8000);
    expect(g.__inboundCalls.filter((c) => c.type === 'slack.command')).toHaveLength(2);
  });

  it('a reply that cannot become JSON gets the plain ack, not a 5xx, and the delivery still counts as processed', async () => {
    await start();
    writeFileSync(join(h.dir, 'slack.command.mjs'), `export default { type: 'slack.command', async handle(events) {
      const cycle = { text: 'loop' }; cycle.self = cycle;
      return [events[0].data.text === 'bigint' ? { text: 1n } : cycle];
    } };\n`);
    const bigint = fixture('slack-command.txt').toString().replace('text=api+staging', 'text=bigint').replace(/trigger_id=[^&]+/, 'trigger_id=big.1');
    for (const form of [fixture('slack-command.txt').toString(), bigint]) {
      const res = await post(h.url, signed.slack('/webhooks/slack/commands', form, 'application/x-www-form-urlencoded'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/working on it/) });
    }
    await waitFor(async () => (await h.store.inbound.listDeliveries({ limit: 10, status: 'processed' })).length === 2);
  });

  it('a Slack interaction answers with the handler reply (a view_submission response_action), or an empty 200', async () => {
    await start({ HOOKSPEC_SLACK_COMMAND_REPLY_MS: '300' });
    writeFileSync(join(h.dir, 'slack.interaction.mjs'), `export default { type: 'slack.interaction', async handle(events) {
      const [e] = events;
      if (e.data.type === 'view_submission') return [{ response_action: 'errors', errors: { email: 'Sorry, this is not a valid email' } }];
      if (e.data.type === 'block_actions' && e.data.actions?.[0]?.value === 'slow') await new Promise((r) => setTimeout(r, 800));
      return [undefined];
    } };\n`);
    const submission = { type: 'view_submission', user: { id: 'U1' }, trigger_id: 'view.1', view: { id: 'V1', callback_id: 'ticket', state: { values: {} } } };
    const form = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const errors = await post(h.url, signed.slack('/webhooks/slack/interactive', form(submission), 'application/x-www-form-urlencoded'));
    expect(errors.status).toBe(200);
    expect(errors.body).toEqual({ response_action: 'errors', errors: { email: 'Sorry, this is not a valid email' } });
    const clicked = await post(h.url, signed.slack('/webhooks/slack/interactive', fixture('slack-interactive.txt'), 'application/x-www-form-urlencoded'));
    expect([clicked.status, clicked.body]).toEqual([200, '']);
    const slowClick = JSON.parse(new URLSearchParams(fixture('slack-interactive.txt').toString()).get('payload')!);
    slowClick.trigger_id = 'slow.2';
    slowClick.actions[0].value = 'slow';
    const started = Date.now();
    const slow = await post(h.url, signed.slack('/webhooks/slack/interactive', form(slowClick), 'application/x-www-form-urlencoded'));
    expect([slow.status, slow.body]).toEqual([200, '']);
    expect(Date.now() - started).toBeLessThan(800);
    // A repeat of the submission is not run again: the plain ack.
    const again = await post(h.url, signed.slack('/webhooks/slack/interactive', form(submission), 'application/x-www-form-urlencoded'));
    expect([again.status, again.body]).toEqual([200, '']);
    await waitFor(async () => (await h.store.inbound.listDeliveries({ limit: 10, status: 'processed' })).length === 3);
  });
});

describe('/v1/inbound', () => {
  it('lists newest first with filters and a cursor, shows one, and replays it', async () => {
    await start();
    writeHandler(h, 'github.push', '');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await post(h.url, await signed.github(fixture('github-push.json')))).body.id);
    const stripe = (await post(h.url, signed.stripe(fixture('stripe-charge.succeeded.json')))).body.id;
    await h.settle();

    const first = await api().listInbound({ query: { provider: 'github', limit: 2 } } as never, {} as never);
    expect(first.body.data.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    const second = await api().listInbound({ query: { provider: 'github', limit: 2, cursor: first.body.next_cursor } } as never, {} as never);
    expect(second.body).toMatchObject({ data: [{ id: ids[0] }], next_cursor: null });
    const byType = await api().listInbound({ query: { event_type: 'charge.succeeded' } } as never, {} as never);
    expect(byType.body.data.map((d: { id: string }) => d.id)).toEqual([stripe]);

    const one = await api().getInbound({ params: { id: ids[0] } } as never, {} as never);
    expect(one.body).toMatchObject({ id: ids[0], provider: 'github', event_type: 'push', signature_valid: true, validation: { ok: true, errors: [] }, status: 'processed', attempts: 1, last_error: null });
    expect(JSON.parse(one.body.body!)).toEqual(JSON.parse(fixture('github-push.json').toString()));

    const replay = await api().replayInbound({ params: { id: ids[0] } } as never, {} as never);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ status: 'received', attempts: 0 });
    // Queued already (or running by now): a second replay would add no run, and says so.
    await expect(api().replayInbound({ params: { id: ids[0] } } as never, {} as never)).rejects.toMatchObject({ status: 409 });
    await waitFor(async () => (await h.store.inbound.getDelivery(ids[0]!))!.status === 'processed');
    await h.settle();
    expect(await h.store.inbound.getDelivery(ids[0]!)).toMatchObject({ status: 'processed', attempts: 1 });
    expect(g.__inboundCalls).toHaveLength(4);

    await expect(api().getInbound({ params: { id: 'in_nope' } } as never, {} as never)).rejects.toMatchObject({ status: 404 });
    const ping = (await post(h.url, await signed.github('{"zen":"z","hook_id":1}', 'ping'))).body.id;
    await expect(api().replayInbound({ params: { id: ping } } as never, {} as never)).rejects.toMatchObject({ status: 409 });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('publisher refusals', () => {
  it('a drifted payload the catalog refuses to publish is marked failed at once, with the reason', async () => {
    await start();
    const { HttpError } = await import('../../src/errors/http-error.js');
    h.publisher.publish = async () => {
      throw new HttpError(422, 'invalid_event_data', 'data does not match the schema of "github.push" (1 error(s))');
    };
    const payload = JSON.parse(fixture('github-push.json').toString());
    delete payload.repository;
    const res = await post(h.url, await signed.github(JSON.stringify(payload)));
    expect(res.status).toBe(200);
    await waitFor(async () => (await h.store.inbound.getDelivery(res.body.id))!.status === 'failed');
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ status: 'failed', attempts: 1, validationOk: false, lastError: expect.stringMatching(/does not match the schema/) });
  });
});
