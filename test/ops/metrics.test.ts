import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const API_KEY = 'metrics-test-key';

/** The value of one sample in Prometheus text, e.g. `sample(text, 'x_total', { a: 'b' })`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics shows what the issue asks for, with values from real traffic', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;
  let subscriber: Server;
  let subscriberUrl: string;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' } });
  const scrape = async () => (await fetch(`${running.url}/metrics`)).text();
  const start = (role: string) =>
    startHookspec(
      loadConfig({
        DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: API_KEY, HOOKSPEC_ROLE: role,
        HOOKSPEC_PRUNE_INTERVAL_MS: '0', HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true', GITHUB_WEBHOOK_SECRET: 'metrics-github-secret',
        // First retry in an hour: a failed delivery stays scheduled while the test looks.
        HOOKSPEC_RETRY_SCHEDULE_MS: '0,3600000',
      }),
    );

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      req.resume();
      res.writeHead(500).end('down');
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', () => r()));
    subscriberUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook`;
    tmp = makeTempDir();
  });

  afterAll(async () => {
    await running?.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp.cleanup();
  });

  it('queue depth and oldest due age grow while no worker runs (role api)', async () => {
    running = await start('api');
    await api('/v1/subscriptions', { method: 'POST', body: JSON.stringify({ url: subscriberUrl, events: ['ping'] }) });
    for (let i = 0; i < 3; i++) await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'ping', data: { message: `m${i}` } }) });
    await new Promise((r) => setTimeout(r, 1_100));
    const text = await scrape();
    expect(sample(text, 'hookspec_outbound_queue_depth', { state: 'due' })).toBe(3);
    expect(sample(text, 'hookspec_outbound_queue_depth', { state: 'delivering' })).toBe(0);
    expect(sample(text, 'hookspec_outbound_oldest_due_age_seconds')).toBeGreaterThanOrEqual(1);
    await running.close();
  });

  it('attempts by outcome, latency histogram, scheduled retries, disabled subscriptions, inbound outcomes', async () => {
    running = await start('all');
    // The worker takes the three due deliveries; each fails (500) and is scheduled an hour later.
    const deadline = Date.now() + 10_000;
    let text = await scrape();
    while ((sample(text, 'hookspec_outbound_queue_depth', { state: 'scheduled' }) ?? 0) < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      text = await scrape();
    }
    expect(sample(text, 'hookspec_outbound_queue_depth', { state: 'scheduled' })).toBe(3);
    expect(sample(text, 'hookspec_outbound_queue_depth', { state: 'due' })).toBe(0);
    expect(sample(text, 'hookspec_outbound_oldest_due_age_seconds')).toBe(0);
    expect(sample(text, 'hookspec_outbound_attempts_total', { outcome: 'failed', status_class: '5xx' })).toBe(3);
    expect(sample(text, 'hookspec_outbound_attempts_total', { status_class: '2xx' })).toBeUndefined();
    expect(sample(text, 'hookspec_outbound_attempt_duration_seconds_count')).toBe(3);

    const subs = (await (await api('/v1/subscriptions')).json()) as { data: { id: string }[] };
    await api(`/v1/subscriptions/${subs.data[0]!.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'disabled' }) });
    await new Promise((r) => setTimeout(r, 1_100));
    text = await scrape();
    expect(sample(text, 'hookspec_outbound_subscriptions_disabled')).toBe(1);

    const refused = await fetch(`${running.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'd-1', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    text = await scrape();
    expect(sample(text, 'hookspec_inbound_requests_total', { provider: 'github', outcome: 'invalid_signature' })).toBe(1);
    expect(text).toMatch(/^# TYPE hookspec_inbound_dispatch_total counter$/m);
  });
});
