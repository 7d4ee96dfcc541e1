import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundBufferedBytes } from '../../src/inbound/metrics.js';
import { createHttpServer } from '../../src/server/http.js';
import { firstResponse, head, openRaw, type RawClient } from '../server/support/raw-socket.js';
import { post, signed, startHarness, type Harness } from './support/harness.js';

const MAX_BODY = 64 * 1024;
// Room for one body at the limit and a small one, not for two large ones.
const BUDGET = 100 * 1024;
let h: Harness;
let server: Server;
let url: string;
let port: number;

beforeAll(async () => {
  h = await startHarness({ HOOKSPEC_INBOUND_MAX_BODY_BYTES: String(MAX_BODY), HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '10000' });
  server = createHttpServer([h.inbound.fastPath], (_req, res) => res.writeHead(404).end(), { requestTimeoutMs: 30_000, inboundMaxBufferedBytes: BUDGET });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

const held = async () => (await inboundBufferedBytes.get()).values[0]?.value ?? 0;
const large = () => signed.github(JSON.stringify({ zen: 'a'.repeat(50_000) }), 'ping');

/** A large upload that declares 60 000 bytes, sends 1 000 and waits: it holds its declared size. */
async function midUpload(): Promise<RawClient> {
  const client = await openRaw(port);
  client.socket.write(head('POST', '/webhooks/github', {
    'content-type': 'application/json', 'content-length': 60_000, 'x-github-event': 'ping', 'x-github-delivery': crypto.randomUUID(),
    'x-hub-signature-256': 'sha256=' + '0'.repeat(64),
  }) + ' '.repeat(1_000));
  await expect.poll(held).toBe(60_000);
  return client;
}

async function expectBusy(res: Awaited<ReturnType<typeof post>>) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.headers.get('retry-after')).toBe('1');
  expect(res.headers.get('connection')).toBe('close');
  expect(res.body).toMatchObject({ status: 503, code: 'body_buffer_full', instance: '/webhooks/github' });
  await h.inbound.audit.flush();
  expect((await h.store.inbound.listRefusals({ limit: 1 }))[0]).toMatchObject({ status: 503, reason: 'body_buffer_full', receiver: 'receiveGithubWebhook' });
}

describe('the bytes the receivers hold at once are capped; what a request holds is given back however it ends', () => {
  it('a declared body that does not fit beside one mid-upload gets 503, a small one still fits, and once the first is aborted the large one is accepted', async () => {
    const first = await midUpload();
    await expectBusy(await post(url, await large()));
    expect((await post(url, await signed.github('{"zen":"small"}', 'ping'))).status).toBe(200);
    first.socket.destroy();
    await expect.poll(held).toBe(0);
    expect((await post(url, await large())).status).toBe(200);
    expect(await held()).toBe(0);
  });

  it('a chunked body that grows past what is left gets 503 mid-upload, and the bytes it took are given back', async () => {
    const first = await midUpload();
    const req = await large();
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const out = request(`${url}${req.path}`, { method: 'POST', headers: { ...req.headers, 'transfer-encoding': 'chunked' } }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body }));
      });
      out.on('error', reject);
      const bytes = Buffer.from(req.body);
      // 4 KiB at a time: the first chunks fit in the 40 KiB left, a later one does not.
      let at = 0;
      const next = () => {
        if (at >= bytes.length || out.destroyed) return out.end();
        out.write(bytes.subarray(at, (at += 4096)), next);
      };
      next();
    });
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'body_buffer_full' });
    expect(res.headers['retry-after']).toBe('1');
    await expect.poll(held).toBe(60_000);
    first.socket.destroy();
    await expect.poll(held).toBe(0);
  });

  it('a finished upload gives its bytes back: two large deliveries in a row are both accepted', async () => {
    expect((await post(url, await large())).status).toBe(200);
    expect((await post(url, await large())).status).toBe(200);
    expect(await held()).toBe(0);
  });

  it('a refused upload (signature) and a body over the limit give their bytes back too', async () => {
    const good = await large();
    const bad = { ...good, headers: { ...good.headers, 'x-hub-signature-256': 'sha256=' + '1'.repeat(64) } };
    expect((await post(url, bad)).status).toBe(401);
    const chunkedTooLarge = await new Promise<number>((resolve, reject) => {
      const out = request(`${url}/webhooks/github`, { method: 'POST', headers: { ...bad.headers, 'transfer-encoding': 'chunked' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      out.on('error', () => {});
      out.write(Buffer.alloc(MAX_BODY + 1, 0x20), (err) => err && reject(err));
    });
    expect(chunkedTooLarge).toBe(413);
    await expect.poll(held).toBe(0);
  });

  it('with Expect: 100-continue a body that does not fit gets 503 without 100 Continue', async () => {
    const first = await midUpload();
    const client = await openRaw(port);
    const req = await large();
    client.socket.write(head('POST', req.path, { ...req.headers, 'content-length': Buffer.byteLength(req.body), expect: '100-continue' }));
    const { text } = await client.closed;
    expect(text).not.toContain('100 Continue');
    expect(firstResponse(text)).toMatchObject({ statusLine: 'HTTP/1.1 503 Service Unavailable', body: { code: 'body_buffer_full' } });
    first.socket.destroy();
    await expect.poll(held).toBe(0);
  });
});
