import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '../../src/ids.js';
import type { Store } from '../../src/store/store.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';

/** One request as a subscriber saw it: which delivery (webhook-id), when it arrived, when it was answered. */
export interface Hit {
  webhookId: string;
  start: number;
  end: number;
  status: number;
}

export interface RecordingSubscriber {
  name: string;
  url: string;
  hits: Hit[];
  /** Requests that have arrived and are not answered yet. */
  open: number;
  /** Webhook ids of those open requests. */
  openIds: Set<string>;
  close(): Promise<void>;
}

/** Decides the answer to one request; may wait (a slow subscriber) before resolving with the status. */
export type Responder = (webhookId: string) => Promise<number> | number;

/** A loopback subscriber that records the start and end of every request, to check that attempts never overlap. */
export async function startRecordingSubscriber(name: string, respond: Responder = () => 200): Promise<RecordingSubscriber> {
  const sub: RecordingSubscriber = { name, url: '', hits: [], open: 0, openIds: new Set(), close: async () => {} };
  const server: Server = createServer((req, res) => {
    const start = Date.now();
    const webhookId = String(req.headers['webhook-id'] ?? '');
    sub.open++;
    sub.openIds.add(webhookId);
    req.resume();
    req.on('end', async () => {
      const status = await respond(webhookId);
      sub.hits.push({ webhookId, start, end: Date.now(), status });
      sub.open--;
      sub.openIds.delete(webhookId);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  sub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return sub;
}

/** Environment for a hookspec process in these tests: compressed schedule, fast polling, loopback allowed. */
export function scaleEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    HOOKSPEC_API_KEY: 'scale-test-key',
    HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKSPEC_POLL_INTERVAL_MS: '50',
    HOOKSPEC_RETRY_SCHEDULE_MS: '0,100,200,400,800',
    HOOKSPEC_RETRY_JITTER_PERCENT: '0',
    HOOKSPEC_CLAIM_BATCH_SIZE: '32',
    LOG_LEVEL: 'error',
    ...extra,
  };
}

/** Starts `n` worker-only processes (`HOOKSPEC_ROLE=worker`) on one database. */
export async function spawnWorkers(n: number, env: Record<string, string>): Promise<SpawnedServer[]> {
  return Promise.all(Array.from({ length: n }, () => spawnServer({ ...env, HOOKSPEC_ROLE: 'worker' })));
}

/** Subscriptions to every event (`*`) for each subscriber; returns their ids in order. */
export async function subscribeAll(store: Store, subscribers: RecordingSubscriber[], events: string[] = ['*']): Promise<string[]> {
  const ids: string[] = [];
  for (const s of subscribers) {
    const sub = await store.outbound.createSubscription({
      id: newId('sub'),
      url: s.url,
      events,
      description: s.name,
      metadata: {},
      rate_limit_per_second: null,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created_at: new Date(),
    });
    ids.push(sub.id);
  }
  return ids;
}

/** Publishes `count` events straight into the outbox (as API nodes would), `parallel` at a time; returns their ids. */
export async function publishEvents(store: Store, count: number, type = 'order.created', parallel = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += parallel) {
    const chunk = Array.from({ length: Math.min(parallel, count - start) }, (_, k) => start + k);
    await Promise.all(
      chunk.map(async (i) => {
        const id = newId('evt');
        ids.push(id);
        await store.outbound.insertEvent({
          id,
          type,
          data_json: JSON.stringify({ n: i }),
          created_at: new Date(),
          newDeliveryId: () => newId('dlv'),
        });
      }),
    );
  }
  return ids;
}

/** Polls `check` until it returns true or the time is up (then throws with `describe()`). */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string | Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Pairs of requests for the same delivery at the same subscriber whose [start, end] intervals overlap. */
export function overlappingAttempts(sub: RecordingSubscriber): [Hit, Hit][] {
  const byId = new Map<string, Hit[]>();
  for (const hit of sub.hits) byId.set(hit.webhookId, [...(byId.get(hit.webhookId) ?? []), hit]);
  const overlaps: [Hit, Hit][] = [];
  for (const hits of byId.values()) {
    const sorted = [...hits].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) overlaps.push([sorted[i - 1]!, sorted[i]!]);
    }
  }
  return overlaps;
}

/** Webhook ids a subscriber answered with a 2xx. */
export function delivered(sub: RecordingSubscriber): Set<string> {
  return new Set(sub.hits.filter((h) => h.status < 300).map((h) => h.webhookId));
}

/** Delivery attempts one process made, read from its Prometheus `/metrics`. */
export async function attemptsMadeBy(server: SpawnedServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('hookspec_outbound_attempts_total{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
