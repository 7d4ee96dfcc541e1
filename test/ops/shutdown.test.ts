import Database from 'better-sqlite3';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const API_KEY = 'shutdown-test-key';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs with the body split in two, so the request is still in flight while the test acts in between. */
function slowPost(url: string, body: string, headers: Record<string, string>) {
  const target = new URL(url);
  const half = Math.floor(body.length / 2);
  let resolveResponse!: (v: { status: number; body: string }) => void;
  let rejectResponse!: (e: Error) => void;
  const response = new Promise<{ status: number; body: string }>((res, rej) => ((resolveResponse = res), (rejectResponse = rej)));
  const req = request(
    { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
    (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body: text }));
    },
  );
  req.on('error', rejectResponse);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

describe('graceful shutdown on SIGTERM', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let server: SpawnedServer | undefined;
  let subscriber: Server | undefined;

  beforeEach(() => {
    tmp = makeTempDir();
  });

  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
    await new Promise<void>((r) => (subscriber ? subscriber.close(() => r()) : r()));
    subscriber = undefined;
    tmp.cleanup();
  });

  const env = () => ({ DATABASE_URL: sqliteUrl(tmp.dir), HOOKSPEC_API_KEY: API_KEY, HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true', HOOKSPEC_SHUTDOWN_DEADLINE_MS: '8000' });
  const auth = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

  it('finishes a request in flight, refuses new connections, and exits 0', async () => {
    server = await spawnServer(env());
    const body = JSON.stringify({ type: 'ping', data: { message: 'sent during shutdown' } });
    const inFlight = slowPost(`${server.url}/v1/events`, body, auth);
    await sleep(200);
    const exited = server.stop('SIGTERM');
    await sleep(300);
    // The listener is closed: a new connection is refused while the old request is still open.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    inFlight.finish();
    const res = await inFlight.response;
    expect(res.status, res.body).toBe(202);
    const published = JSON.parse(res.body) as { id: string };
    expect(await exited).toBe(0);

    // The event it accepted was committed before the exit.
    server = await spawnServer(env());
    const got = await fetch(`${server.url}/v1/events/${published.id}`, { headers: auth });
    expect(got.status).toBe(200);
  });

  it('lets a delivery attempt in flight finish and records it before exiting 0', async () => {
    let received = 0;
    let answer: (() => void) | undefined;
    const gotRequest = new Promise<void>((resolve) => {
      subscriber = createServer((req, res) => {
        received++;
        req.resume();
        // Answer only when the test says so: the attempt is in flight across the SIGTERM.
        answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok from subscriber');
        resolve();
      });
    });
    await new Promise<void>((r) => subscriber!.listen(0, '127.0.0.1', () => r()));
    const subscriberUrl = `http://127.0.0.1:${(subscriber!.address() as AddressInfo).port}/hook`;

    server = await spawnServer(env());
    const created = await fetch(`${server.url}/v1/subscriptions`, { method: 'POST', headers: auth, body: JSON.stringify({ url: subscriberUrl, events: ['ping'] }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const published = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'ping', data: { message: 'in flight' } }) });
    const event = (await published.json()) as { id: string };
    await gotRequest;

    const exited = server.stop('SIGTERM');
    await sleep(300);
    answer!();
    expect(await exited).toBe(0);

    server = await spawnServer(env());
    const deliveries = await fetch(`${server.url}/v1/events/${event.id}/deliveries`, { headers: auth });
    const list = (await deliveries.json()) as { data: { status: string; attempts: { status_code: number | null; response_body: string | null }[] }[] };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]!.status).toBe('succeeded');
    expect(list.data[0]!.attempts[0]!.status_code).toBe(200);
    expect(received).toBe(1);
  });

  it('exits 0 at the deadline when a subscriber never answers', async () => {
    const gotRequest = new Promise<void>((resolve) => {
      subscriber = createServer((req) => {
        req.resume();
        resolve();
      });
    });
    await new Promise<void>((r) => subscriber!.listen(0, '127.0.0.1', () => r()));
    const subscriberUrl = `http://127.0.0.1:${(subscriber!.address() as AddressInfo).port}/hook`;
    server = await spawnServer({ ...env(), HOOKSPEC_SHUTDOWN_DEADLINE_MS: '1000' });
    await fetch(`${server.url}/v1/subscriptions`, { method: 'POST', headers: auth, body: JSON.stringify({ url: subscriberUrl, events: ['ping'] }) });
    await fetch(`${server.url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'ping', data: { message: 'hangs' } }) });
    await gotRequest;

    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    // At the deadline (1 s) the attempt is cut and its connection destroyed: the shutdown does not wait out the
    // lease-release grace (2 s more) for a subscriber that never answers, let alone the 15 s delivery timeout.
    expect(Date.now() - started).toBeLessThan(2_900);
    expect(server.output()).toMatch(/shutdown deadline cut attempts off/);
    expect(server.output()).not.toMatch(/did not stop in time/);
    subscriber!.closeAllConnections();
    // The cut-off attempt's lease was handed back: queued again at once, its attempt number kept as the fence.
    const db = new Database(sqliteUrl(tmp.dir).slice('sqlite:'.length), { readonly: true });
    try {
      expect(db.prepare('SELECT status, lease_owner, attempt FROM deliveries').all()).toEqual([{ status: 'pending', lease_owner: null, attempt: 1 }]);
    } finally {
      db.close();
    }
  });
});
