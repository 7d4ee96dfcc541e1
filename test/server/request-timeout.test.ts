import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundBufferedBytes } from '../../src/inbound/metrics.js';
import { startHarness, type Harness } from '../inbound/support/harness.js';
import { startFastPathServer } from './support/fast-path-server.js';
import { firstResponse, head, openRaw } from './support/raw-socket.js';

const TIMEOUT_MS = 500;
const BODY_LIMIT = 5 * 1024 * 1024;
let h: Harness;
let served: Awaited<ReturnType<typeof startFastPathServer>>;
let port: number;

beforeAll(async () => {
  h = await startHarness();
  // The real receiver fast path on a server with a short whole-request deadline; the rest answers like express would.
  served = await startFastPathServer(h, (req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  }, { requestTimeoutMs: TIMEOUT_MS, inboundMaxBufferedBytes: 64 * 1024 * 1024 });
  port = served.port;
});
afterAll(async () => {
  await served.close();
  await h.close();
});

const githubHead = head('POST', '/webhooks/github', {
  'content-type': 'application/json',
  'content-length': BODY_LIMIT,
  'x-github-event': 'push',
  'x-github-delivery': 'slow-1',
  'x-hub-signature-256': 'sha256=' + '0'.repeat(64),
});

const gauge = async () => (await inboundBufferedBytes.get()).values[0]?.value ?? 0;

function expect408(text: string) {
  const res = firstResponse(text);
  expect(res.statusLine).toBe('HTTP/1.1 408 Request Timeout');
  expect(res.headers).toContain('content-type: application/problem+json');
  expect(res.headers).toContain('connection: close');
  expect(res.body).toMatchObject({ status: 408, code: 'request_timeout' });
}

describe('a request not received within the deadline gets 408 problem+json and its connection is closed', () => {
  it('a receiver body stalled one byte short of its Content-Length', async () => {
    const client = await openRaw(port);
    client.socket.write(githubHead);
    client.socket.write(Buffer.alloc(BODY_LIMIT - 1, 0x20));
    await expect.poll(gauge).toBe(BODY_LIMIT);
    const { text, afterMs } = await client.closed;
    expect408(text);
    expect(afterMs).toBeLessThan(TIMEOUT_MS + 2_000);
    // The stalled body's reservation went back with it.
    await expect.poll(gauge).toBe(0);
    // Audited as a refusal of the receiver it was for, with its declared size.
    await h.settle();
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 408, reason: 'request_timeout', receiver: 'receiveGithubWebhook', bodySize: BODY_LIMIT });
  });

  it('a receiver body trickled a byte at a time: the deadline is for the whole request, not between bytes', async () => {
    const client = await openRaw(port);
    client.socket.write(githubHead);
    const trickle = setInterval(() => client.socket.writable && client.socket.write(' '), 50);
    const { text, afterMs } = await client.closed;
    clearInterval(trickle);
    expect408(text);
    expect(afterMs).toBeLessThan(TIMEOUT_MS + 2_000);
    await expect.poll(gauge).toBe(0);
    await h.settle();
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 408, reason: 'request_timeout', receiver: 'receiveGithubWebhook', bodySize: BODY_LIMIT });
  });

  it('a slow body on a path outside the receivers', async () => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/v1/events?x=1', { 'content-type': 'application/json', 'content-length': 100 }) + '{"a":');
    const { text, afterMs } = await client.closed;
    expect408(text);
    expect(afterMs).toBeLessThan(TIMEOUT_MS + 2_000);
    // Like every problem answering a request: its target as sent.
    expect(firstResponse(text).body).toMatchObject({ instance: '/v1/events?x=1' });
  });

  it('a request that arrives in time is answered as before', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/anything`)).text()).toBe('ok');
  });
});
