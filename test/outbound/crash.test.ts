import { afterAll, describe, expect, it } from 'vitest';
import { validOrder } from '../api/support.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { eventually, startSubscriber, type Subscriber } from './support.js';

const KEY = 'crash-key';

/** SIGKILL mid-load, restart on the same database: every acknowledged event reaches every matching subscription. */
describe('durability across SIGKILL', () => {
  const tmp = makeTempDir();
  const subscribers: Subscriber[] = [];
  let server: SpawnedServer | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await Promise.all(subscribers.map((s) => s.close()));
    tmp.cleanup();
  });

  const env = {
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_API_KEY: KEY,
    HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKSPEC_RETRY_SCHEDULE_MS: '0,50,100,200,400,800',
    HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000',
    HOOKSPEC_LEASE_MS: '3000',
    HOOKSPEC_POLL_INTERVAL_MS: '50',
  };

  async function api(path: string, body: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${server!.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  }

  /** Publishes `count` events, 10 at a time; resolves with the ids the server acknowledged (202). */
  async function publish(count: number, onProgress?: (acked: number) => void): Promise<string[]> {
    const acked: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const results = await Promise.allSettled(
        Array.from({ length: Math.min(10, count - i) }, () => api('/v1/events', { type: 'order.created', data: validOrder })),
      );
      for (const r of results) if (r.status === 'fulfilled' && r.value.status === 202) acked.push(r.value.json.id);
      onProgress?.(acked.length);
      if (results.some((r) => r.status === 'rejected')) break;
    }
    return acked;
  }

  it('loses nothing', async () => {
    const slow = (delayMs: number) => (_req: unknown, res: { end(body: string): void }) => setTimeout(() => res.end('ok'), delayMs);
    const a = await startSubscriber(slow(2) as never);
    // Slow enough (16 slots × 150 ms ≈ 100/s) that it lags behind the publishing when the kill lands.
    const b = await startSubscriber(slow(150) as never);
    subscribers.push(a, b);
    server = await spawnServer(env);
    for (const s of subscribers) {
      const created = await api('/v1/subscriptions', { url: s.url, events: ['order.created'] });
      expect(created.status).toBe(201);
      s.secrets = [created.json.secret];
    }

    let killed: Promise<unknown> | undefined;
    const before = await publish(250, (n) => {
      if (n >= 100 && !killed) killed = server!.stop('SIGKILL');
    });
    await killed;
    // The kill landed mid-load: some events were acknowledged but not yet delivered everywhere.
    const deliveredBefore = new Set(b.received.map((r) => r.id));
    expect(before.some((id) => !deliveredBefore.has(id))).toBe(true);

    server = await spawnServer(env);
    const after = await publish(30);
    const acked = [...before, ...after];
    expect(acked.length).toBeGreaterThanOrEqual(130);

    await eventually(() => {
      for (const s of subscribers) {
        const got = new Set(s.received.map((r) => r.id));
        const missing = acked.filter((id) => !got.has(id));
        expect(missing, `missing at ${s.url}`).toEqual([]);
      }
    }, 20_000);
    for (const s of subscribers) expect(s.received.every((r) => r.verified)).toBe(true);
  }, 60_000);
});
