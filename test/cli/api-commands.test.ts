import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { validOrder } from '../api/support.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { runCli } from './run-cli.js';

const API_KEY = 'cli-api-key';

describe('hookspec events / deliveries / retry / recover against a running server', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;
  let subscriber: Server;
  let answer = 500;
  let hits = 0;
  /** While set, the subscriber answers nothing until it is called: an attempt stays in flight. */
  let held: Promise<void> | undefined;
  let subscriptionId: string;
  let eventId: string;
  let deliveryId: string;
  const cli = (args: string[]) => runCli([...args, '--url', running.url], { HOOKSPEC_API_KEY: API_KEY });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' } });

  async function waitForAttempts(n: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const d = (await (await api(`/v1/deliveries/${deliveryId}`)).json()) as { attempts: unknown[]; status: string };
      if (d.attempts.length >= n && d.status !== 'delivering') return;
      if (Date.now() > deadline) throw new Error(`delivery has ${d.attempts.length} attempts, wanted ${n}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      hits++;
      req.resume();
      const status = answer;
      void (held ?? Promise.resolve()).then(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`));
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', () => r()));
    tmp = makeTempDir();
    running = await startHookspec(
      loadConfig({
        DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: API_KEY, HOOKSPEC_PRUNE_INTERVAL_MS: '0',
        HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
        // One attempt, then dead: the retry and recover commands have something to do.
        HOOKSPEC_RETRY_SCHEDULE_MS: '0',
      }),
    );
    const url = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook`;
    const sub = (await (await api('/v1/subscriptions', { method: 'POST', body: JSON.stringify({ url, events: ['order.created'] }) })).json()) as { id: string };
    subscriptionId = sub.id;
    const published = await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'order.created', data: validOrder }) });
    expect(published.status, await published.clone().text()).toBe(202);
    eventId = ((await published.json()) as { id: string }).id;
    const list = (await (await api(`/v1/events/${eventId}/deliveries`)).json()) as { data: { id: string }[] };
    deliveryId = list.data[0]!.id;
    await waitForAttempts(1);
  });

  afterAll(async () => {
    await running?.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp?.cleanup();
  });

  it('events lists the published event', async () => {
    const { code, stdout, stderr } = await cli(['events']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^ID\s+TYPE\s+CREATED$/m);
    expect(stdout).toMatch(new RegExp(`^${eventId}\\s+order\\.created\\s+\\d{4}-`, 'm'));
    const json = await cli(['events', '--type', 'order.created', '--since', '1h', '--json']);
    expect((JSON.parse(json.stdout) as { data: { id: string }[] }).data.map((e) => e.id)).toEqual([eventId]);
    const none = await cli(['events', '--type', 'ping']);
    expect(none.stdout).toBe('No events.\n');
  });

  it('deliveries shows every attempt with status, latency and the response excerpt', async () => {
    const { code, stdout, stderr } = await cli(['deliveries', eventId]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`${deliveryId}  dead  ${subscriptionId}  http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook  (1 attempt)\n`);
    expect(stdout).toMatch(/^ {2}#1\s+\d{4}-\S+\s+500\s+\d+ ms\s+failed\s+answer 500$/m);
  });

  it('retry queues the delivery again and the next attempt succeeds', async () => {
    answer = 200;
    const { code, stdout, stderr } = await cli(['retry', deliveryId]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Queued ${deliveryId} for http://127\\.0\\.0\\.1:\\d+/hook`));
    await waitForAttempts(2);
    const shown = await cli(['deliveries', eventId]);
    expect(shown.stdout).toContain(`${deliveryId}  succeeded`);
    expect(shown.stdout).toMatch(/^ {2}#2\s+\S+\s+200\s+\d+ ms\s+succeeded\s+answer 200$/m);
  });

  it('recover re-queues failed deliveries since a time and reports how many', async () => {
    answer = 500;
    const published = await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'order.created', data: { ...validOrder, order_id: 'ord_2' } }) });
    expect(published.status, await published.clone().text()).toBe(202);
    const second = ((await published.json()) as { id: string }).id;
    deliveryId = ((await (await api(`/v1/events/${second}/deliveries`)).json()) as { data: { id: string }[] }).data[0]!.id;
    await waitForAttempts(1);
    const { code, stdout, stderr } = await cli(['recover', subscriptionId, '--since', '1h']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Queued 1 delivery of ${subscriptionId} failed since \\d{4}-`));
    await waitForAttempts(2);
  });

  it('refusals lists what the receivers refused, filtered, and a bad cursor is one line', async () => {
    // No GitHub secret is configured here: the receiver refuses with 503, and audits it.
    const refused = await fetch(`${running.url}/webhooks/github`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'ping' }, body: '{}' });
    expect(refused.status).toBe(503);
    await expect.poll(async () => (await cli(['refusals', '--reason', 'receiver_not_configured'])).stdout, { timeout: 5_000 })
      .toMatch(/^AT +SOURCE +RECEIVER +STATUS +REASON +BYTES +DETAIL\n\S+ +127\.0\.0\.1 +receiveGithubWebhook +503 +receiver_not_configured +The github receiver has no secret: set GITHUB_WEBHOOK_SECRE.*\n$/);
    const json = JSON.parse((await cli(['refusals', '--receiver', 'receiveGithubWebhook', '--json'])).stdout) as { data: { status: number }[] };
    expect(json.data.map((r) => r.status)).toEqual([503]);
    expect((await cli(['refusals', '--source', '192.0.2.1'])).stdout).toBe('No refusals.\n');
    // A receiver the spec does not have is a typo, not "nothing refused"; one it has, with nothing refused, is not.
    const typo = await cli(['refusals', '--receiver', 'receiveGithubWebhok']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^hookspec: unknown receiver "receiveGithubWebhok"; valid receivers: .*receiveGithubWebhook.*receiveStripeWebhook.*\n$/);
    expect((await cli(['refusals', '--receiver', 'receiveStripeWebhook'])).stdout).toBe('No refusals.\n');
    const bad = await cli(['refusals', '--cursor', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^hookspec: listing refusals: HTTP 400 \w+.*cursor.*\n$/);
  });

  it('events: an unknown --type is an error, not "No events."; the next-page hint keeps the filters', async () => {
    const typo = await cli(['events', '--type', 'order.craeted']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^hookspec: unknown event type "order\.craeted"; valid types: .*order\.created.*\n$/);
    // Two order.created events by now (the recover test published the second).
    const first = await cli(['events', '--type', 'order.created', '--limit', '1']);
    expect(first.code, first.stderr).toBe(0);
    const hint = /^More: hookspec events (.+)$/m.exec(first.stdout);
    expect(hint?.[1]).toMatch(/^--type order\.created --limit 1 --cursor evt_\w+$/);
    const second = await cli(['events', ...hint![1]!.split(' ')]);
    expect(second.stdout).toMatch(/^evt_\w+ +order\.created /m);
    expect(second.stdout).not.toMatch(/delivery\.exhausted/);
  });

  it('deliveries shows every delivery of an event, beyond one page of 100', async () => {
    for (let i = 0; i < 101; i++) {
      const url = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/many/${i}`;
      const created = await api('/v1/subscriptions', { method: 'POST', body: JSON.stringify({ url, events: ['ping'] }) });
      expect(created.status, await created.clone().text()).toBe(201);
    }
    const published = await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'ping', data: { message: 'many' } }) });
    expect(published.status, await published.clone().text()).toBe(202);
    const id = ((await published.json()) as { id: string }).id;
    const { code, stdout, stderr } = await cli(['deliveries', id]);
    expect(code, stderr).toBe(0);
    expect(stdout.match(/^dlv_\w+ /gm)).toHaveLength(101);
  });

  it('HTTP errors are one line naming the status and the problem detail', async () => {
    const missing = await cli(['retry', 'dlv_doesnotexist']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^hookspec: retrying dlv_doesnotexist: HTTP 404 \w+: .+\n$/);
    const wrongKey = await runCli(['events', '--url', running.url, '--api-key', 'wrong']);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/^hookspec: listing events: HTTP 401 \w+.*\n$/);
  });

  it('deliveries and retry tell the attempt in flight (counted, no row yet) from the finished ones', async () => {
    answer = 500;
    const published = await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'order.created', data: { ...validOrder, order_id: 'ord_3' } }) });
    expect(published.status, await published.clone().text()).toBe(202);
    const id = ((await published.json()) as { id: string }).id;
    deliveryId = ((await (await api(`/v1/events/${id}/deliveries`)).json()) as { data: { id: string }[] }).data[0]!.id;
    await waitForAttempts(1);
    let release = () => {};
    held = new Promise((r) => (release = r));
    try {
      const retried = await cli(['retry', deliveryId]);
      expect(retried.code, retried.stderr).toBe(0);
      // The worker may claim it before the answer is built, or not: either way the text says what the log holds.
      expect(retried.stdout).toMatch(/ \(status (pending, 1 attempt|delivering, 2 attempts started, 1 finished) so far\)\.\n$/);
      await expect.poll(async () => (await cli(['deliveries', id])).stdout).toContain(`${deliveryId}  delivering  `);
      const shown = await cli(['deliveries', id]);
      expect(shown.stdout).toContain('(2 attempts started, 1 finished)\n');
      expect(shown.stdout).not.toMatch(/^ {2}#2 /m);
    } finally {
      held = undefined;
      release();
    }
    await waitForAttempts(2);
    expect((await cli(['deliveries', id])).stdout).toContain('(2 attempts)\n');
  });
});
