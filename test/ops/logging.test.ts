import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const API_KEY = 'logging-test-api-key-0123456789';
const GITHUB_SECRET = 'logging-test-github-secret';

describe('structured logs', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let server: SpawnedServer;
  let subscriber: Server;
  const seenBySubscriber: IncomingHttpHeaders[] = [];
  const secrets: string[] = [API_KEY, GITHUB_SECRET];
  let eventId: string;
  let deliveryId: string;
  let lines: Record<string, unknown>[];
  let raw: string;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' } });

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      seenBySubscriber.push(req.headers);
      req.resume();
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', () => r()));
    tmp = makeTempDir();
    server = await spawnServer({
      DATABASE_URL: sqliteUrl(tmp.dir), HOOKSPEC_API_KEY: API_KEY, GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'debug',
    });

    const sub = (await (await api('/v1/subscriptions', {
      method: 'POST',
      body: JSON.stringify({ url: `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook`, events: ['ping'] }),
    })).json()) as { id: string; secret: string };
    secrets.push(sub.secret);
    eventId = ((await (await api('/v1/events', { method: 'POST', body: JSON.stringify({ type: 'ping', data: { message: 'log me' } }) })).json()) as { id: string }).id;
    for (let i = 0; i < 100 && seenBySubscriber.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const listed = await api(`/v1/events/${eventId}/deliveries`).catch((err: unknown) => {
      throw new Error(`listing deliveries failed; server output:\n${server.output()}`, { cause: err });
    });
    deliveryId = ((await listed.json()) as { data: { id: string }[] }).data[0]!.id;
    await api(`/v1/deliveries/${deliveryId}`);
    const rotated = (await (await api(`/v1/subscriptions/${sub.id}/rotate-secret`, { method: 'POST', body: '{}' })).json()) as { secret: string };
    secrets.push(rotated.secret);

    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`;
    await fetch(`${server.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
      body,
    });
    // And one with a bad signature, which is refused and logged as such.
    await fetch(`${server.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      body,
    });
    secrets.push(signature);

    await server.stop('SIGTERM');
    raw = server.output();
    if (process.env.OPS_DUMP_LOG) console.log(raw);
    lines = raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const headers of seenBySubscriber) secrets.push(...String(headers['webhook-signature']).split(' ').map((s) => s.slice(3)));
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp.cleanup();
  });

  it('every line is one JSON object with level, time and message', () => {
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(typeof line.level).toBe('number');
      expect(typeof line.time).toBe('number');
      expect(typeof line.msg).toBe('string');
    }
  });

  it('never writes a secret, the API key or a signature', () => {
    expect(seenBySubscriber.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(raw.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
    expect(raw).not.toMatch(/Bearer /);
  });

  it('request lines carry the request id and the event / delivery id of their path', () => {
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.every((l) => typeof l.request_id === 'string' && typeof l.status === 'number' && typeof l.duration_ms === 'number')).toBe(true);
    const eventLine = requests.find((l) => l.path === `/v1/events/${eventId}/deliveries`);
    expect(eventLine?.event_id).toBe(eventId);
    const deliveryLine = requests.find((l) => l.path === `/v1/deliveries/${deliveryId}`);
    expect(deliveryLine?.delivery_id).toBe(deliveryId);
  });

  it('receiver requests (the fast path) are logged too, with the provider delivery id, accepted or refused', () => {
    const receiver = lines.filter((l) => l.msg === 'request' && l.path === '/webhooks/github');
    expect(receiver.map((l) => l.status).sort()).toEqual([200, 401]);
    expect(receiver.every((l) => typeof l.provider_delivery_id === 'string')).toBe(true);
  });

  it('logs the shutdown', () => {
    expect(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
    expect(lines.some((l) => l.msg === 'shutdown complete')).toBe(true);
  });
});
