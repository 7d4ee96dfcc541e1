import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterMetricsBook, type MetricJson } from '../../src/server/cluster-metrics.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { send } from './support/one-shot-request.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'cluster-metrics-secret';
const PUSH = readFileSync(join(ROOT, 'test', 'fixtures', 'payloads', 'github-push.json'), 'utf8');

async function pushDeliveries(url: string, count: number, prefix: string): Promise<void> {
  const signature = await sign(SECRET, PUSH);
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < count) {
        next++;
        const headers = { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': `${prefix}-${crypto.randomUUID()}`, 'x-hub-signature-256': signature };
        statuses.push((await send(url, 'POST', '/webhooks/github', headers, PUSH)).status);
      }
    }),
  );
  expect(statuses).toEqual(Array(count).fill(200));
}

/** The value of the sample `name` (with `labels` among its labels, or no labels if `labels` is empty); NaN if absent. */
function sample(metrics: string, name: string, labels = ''): number {
  const line = metrics.split('\n').find((l) => (labels ? l.startsWith(`${name}{`) && l.includes(labels) : l.startsWith(`${name} `)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}

const accepted = (metrics: string) => sample(metrics, 'hookspec_inbound_requests_total', 'outcome="accepted"');

describe('HOOKSPEC_HTTP_PROCESSES=2: /metrics when a process dies', () => {
  const tmp = makeTempDir('hookspec-cluster-metrics-');
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer(
      { HOOKSPEC_HTTP_PROCESSES: '2', DATABASE_URL: sqliteUrl(tmp.dir), GITHUB_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'info' },
      { timeoutMs: 30_000 },
    );
    for (const slot of [1, 2]) await server.waitForOutput(new RegExp(`"http_process":${slot},[^\\n]*"msg":"hookspec listening"`), 30_000);
  }, 40_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    tmp.cleanup();
  });

  /** Resolves once `pattern` shows in the output written after position `from`. */
  async function outputAfter(from: number, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pattern.test(server.output().slice(from))) {
      if (Date.now() > until) throw new Error(`no ${pattern} in the server output within ${timeoutMs} ms:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Kills the process in slot 2 and resolves with the output position of the kill once its replacement is forked. */
  async function killSlot2(): Promise<number> {
    const pids = [...server.output().matchAll(/"http_process":2,"pid":(\d+),[^\n]*"msg":"hookspec listening"/g)];
    const from = server.output().length;
    process.kill(Number(pids.at(-1)![1]), 'SIGKILL');
    await outputAfter(from, /"http_process":2,"pid":\d+,[^\n]*"msg":"forked HTTP process"/, 10_000);
    return from;
  }
  const replacementListening = (from: number) => outputAfter(from, /"http_process":2,"pid":\d+,[^\n]*"msg":"hookspec listening"/);

  it('a scrape while a replacement process boots answers at once, without the dead process\'s gauges', async () => {
    await pushDeliveries(server.url, 60, 'before');
    const before = await send(server.url, 'GET', '/metrics', {});
    expect(before.status).toBe(200);
    expect(accepted(before.body)).toBe(60);
    const rssBefore = sample(before.body, 'hookspec_process_resident_memory_bytes');
    expect(rssBefore).toBeGreaterThan(0);

    // The replacement is forked (connected, not listening yet): the scrape must not wait for it.
    const killedAt = await killSlot2();
    const started = Date.now();
    const during = await send(server.url, 'GET', '/metrics', {});
    const took = Date.now() - started;
    expect(during.status).toBe(200);
    expect(took).toBeLessThan(2_500);
    // The dead process's counts stay (its last snapshot, taken by the scrape above); its gauges do not.
    expect(accepted(during.body)).toBe(60);
    expect(sample(during.body, 'hookspec_process_resident_memory_bytes')).toBeLessThan(rssBefore * 0.8);
    await replacementListening(killedAt);
  }, 20_000);

  it('counters do not go backwards when a process dies: its replacement adds to what it counted', async () => {
    const from = server.output().length;
    await pushDeliveries(server.url, 40, 'second');
    // Both processes took some of them, so losing the dead one's counts would show.
    expect(server.output().slice(from)).toMatch(/"http_process":2,[^\n]*"path":"\/webhooks\/github"[^\n]*"msg":"request"/);
    const before = await send(server.url, 'GET', '/metrics', {});
    expect(accepted(before.body)).toBe(100);

    await replacementListening(await killSlot2());
    await pushDeliveries(server.url, 20, 'replaced');
    for (let scrape = 0; scrape < 3; scrape++) {
      const after = await send(server.url, 'GET', '/metrics', {});
      expect(after.status).toBe(200);
      expect(accepted(after.body)).toBe(120);
    }
  }, 20_000);
});

describe('ClusterMetricsBook', () => {
  const counter = (accepted: number, duplicate?: number): MetricJson => ({
    name: 'requests_total',
    help: 'h',
    type: 'counter',
    aggregator: 'sum',
    values: [{ value: accepted, labels: { outcome: 'accepted' } }, ...(duplicate === undefined ? [] : [{ value: duplicate, labels: { outcome: 'duplicate' } }])],
  });
  const gauge = (value: number): MetricJson => ({ name: 'queue', help: 'h', type: 'gauge', aggregator: 'sum', values: [{ value, labels: {} }] });
  const histogram = (count: number): MetricJson => ({
    name: 'took',
    help: 'h',
    type: 'histogram',
    aggregator: 'sum',
    values: [
      { value: count, labels: { le: 1 }, metricName: 'took_bucket' },
      { value: count, labels: { le: '+Inf' }, metricName: 'took_bucket' },
      { value: count / 2, labels: {}, metricName: 'took_sum' },
      { value: count, labels: {}, metricName: 'took_count' },
    ],
  });

  it('keeps the counters and histograms of exited processes, not their gauges, and counts each once', async () => {
    const book = new ClusterMetricsBook();
    book.record(1, [counter(5), gauge(3), histogram(4)]);
    book.record(2, [counter(7, 2), gauge(10), histogram(6)]);
    book.record(2, [gauge(11)]); // a partial snapshot keeps the rest of the previous one
    book.retire(2);
    book.retire(2);
    book.record(2, [counter(100)]); // late: ignored
    book.record(3, [counter(1)]);
    book.retire(3);
    book.record(4, [counter(0)]);
    const text = await book.aggregate();
    expect(text).toMatch(/^requests_total\{outcome="accepted"\} 13$/m);
    expect(text).toMatch(/^requests_total\{outcome="duplicate"\} 2$/m);
    expect(text).toMatch(/^queue 3$/m);
    expect(text).toMatch(/^took_bucket\{le="\+Inf"\} 10$/m);
    expect(text).toMatch(/^took_count 10$/m);
    expect(text).toMatch(/^took_sum 5$/m);
  });
});
