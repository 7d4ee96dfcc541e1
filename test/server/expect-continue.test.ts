import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signed, startHarness, type Harness } from '../inbound/support/harness.js';
import { startFastPathServer } from './support/fast-path-server.js';
import { firstResponse, head, openRaw } from './support/raw-socket.js';

const MAX_BODY = 64 * 1024;
let h: Harness;
let served: Awaited<ReturnType<typeof startFastPathServer>>;
let port: number;

beforeAll(async () => {
  h = await startHarness({ HOOKSPEC_INBOUND_MAX_BODY_BYTES: String(MAX_BODY), HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '10000' });
  // Outside the receivers, the app reads the body and echoes its size, as an express route would.
  served = await startFastPathServer(h, (req, res) => {
    let size = 0;
    req.on('data', (c: Buffer) => (size += c.length));
    req.on('end', () => res.end(JSON.stringify({ size })));
  });
  port = served.port;
});
afterAll(async () => {
  await served.close();
  await h.close();
});

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

describe('Expect: 100-continue: a receiver sends 100 only after its prechecks pass', () => {
  it.each([
    ['Content-Length over the limit', 413, 'payload_too_large', { 'content-type': 'application/json', 'content-length': 6 * 1024 * 1024 }],
    ['wrong content type', 415, 'unsupported_media_type', { 'content-type': 'text/plain', 'content-length': 10 }],
    ['signature header missing', 400, 'missing_signature_headers', { 'content-type': 'application/json', 'content-length': 10 }],
  ] as const)('%s → %i without 100 Continue, connection closed', async (_name, status, code, headers) => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/webhooks/github', {
      'x-github-event': 'push', 'x-github-delivery': crypto.randomUUID(), ...(code === 'missing_signature_headers' ? {} : { 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) }),
      ...headers, expect: '100-continue',
    }));
    const { text } = await client.closed;
    expect(text).not.toContain('100 Continue');
    const res = firstResponse(text);
    expect(res.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.headers).toContain('connection: close');
    expect(res.body).toMatchObject({ status, code });
  });

  it('a good signed delivery gets 100 Continue, then (body sent) 200', async () => {
    const req = await signed.github(JSON.stringify({ zen: 'Keep it logically awesome.' }), 'ping');
    const client = await openRaw(port);
    client.socket.write(head('POST', req.path, { ...req.headers, 'content-length': Buffer.byteLength(req.body), expect: '100-continue', connection: 'close' }));
    expect(await client.waitFor(/\r\n\r\n/)).toBe(CONTINUE);
    client.socket.write(req.body);
    const { text } = await client.closed;
    expect(text.startsWith(CONTINUE)).toBe(true);
    expect(firstResponse(text)).toMatchObject({ statusLine: 'HTTP/1.1 200 OK', body: { ok: true, duplicate: false } });
  });

  it('outside the receivers the app gets the request after 100 Continue, as node would do it', async () => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/v1/events', { 'content-type': 'application/json', 'content-length': 5, expect: '100-continue', connection: 'close' }));
    expect(await client.waitFor(/\r\n\r\n/)).toBe(CONTINUE);
    client.socket.write('{"a":');
    const { text } = await client.closed;
    expect(firstResponse(text)).toMatchObject({ statusLine: 'HTTP/1.1 200 OK', body: { size: 5 } });
  });
});

describe('an Expect other than 100-continue gets 417 as problem+json, not node\'s bare 417', () => {
  it('a receiver refuses a signed delivery with 417 before reading its body, audits it and stores nothing', async () => {
    const req = await signed.github(JSON.stringify({ zen: 'Design for failure.' }), 'ping');
    const before = (await h.store.inbound.listDeliveries({ limit: 1000 })).length;
    const client = await openRaw(port);
    client.socket.write(head('POST', req.path, { ...req.headers, 'content-length': Buffer.byteLength(req.body), expect: 'x-teapot' }));
    const { text } = await client.closed;
    const res = firstResponse(text);
    expect(res.statusLine).toBe('HTTP/1.1 417 Expectation Failed');
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.headers).toContain('connection: close');
    expect(res.body).toMatchObject({ status: 417, code: 'expectation_failed', detail: 'Expect "x-teapot" cannot be met; only "100-continue" is supported.' });
    await h.settle();
    expect((await h.store.inbound.listDeliveries({ limit: 1000 })).length).toBe(before);
    expect((await h.store.inbound.listRefusals({ limit: 1 }))[0]).toMatchObject({ status: 417, reason: 'expectation_failed', receiver: 'receiveGithubWebhook' });
  });

  it('a receiver still answers its prechecks first: an unsigned request is 400, whatever it expects', async () => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/webhooks/github', { 'content-type': 'application/json', 'content-length': 2, expect: 'x-teapot' }));
    expect(firstResponse((await client.closed).text).body).toMatchObject({ status: 400, code: 'missing_signature_headers' });
  });

  it('outside the receivers the app never sees the request; a long value is cut short in the detail', async () => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/v1/events', { 'content-type': 'application/json', 'content-length': 5, expect: 'y'.repeat(500) }));
    const res = firstResponse((await client.closed).text);
    expect(res.statusLine).toBe('HTTP/1.1 417 Expectation Failed');
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.body).toMatchObject({ status: 417, code: 'expectation_failed', instance: '/v1/events', detail: `Expect "${'y'.repeat(64)}..." cannot be met; only "100-continue" is supported.` });
    // The headers every other /v1 answer carries: it echoes the path, so it is neither sniffed nor cached.
    expect(res.headers).toContain('x-content-type-options: nosniff');
    expect(res.headers).toContain('cache-control: no-store');
    // The server still answers the next request.
    expect((await fetch(`http://127.0.0.1:${port}/v1/events`, { method: 'POST', body: '{}' })).status).toBe(200);
  });
});
