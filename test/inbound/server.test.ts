import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { firstResponse } from '../server/support/raw-socket.js';
import { fixture, post, SECRETS, signed } from './support/harness.js';

// The receivers and /v1/inbound as the real composition root wires them (express + validator for /v1).
const tmp = makeTempDir('hookspec-inbound-server-');
let app: RunningHookspec;
const auth = { authorization: 'Bearer inbound-test-key' };
type RefusalPage = { data: { id: number; header_names: string[]; detail: string | null }[]; next_cursor: string | null };

beforeAll(async () => {
  app = await startHookspec(loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_API_KEY: 'inbound-test-key',
    GITHUB_WEBHOOK_SECRET: SECRETS.github,
    HOOKSPEC_INBOUND_POLL_MS: '50',
  }));
});
afterAll(async () => {
  await app?.close();
  tmp.cleanup();
});

describe('receivers and /v1/inbound on the real server', () => {
  it('a signed push is acknowledged, logged, processed, listed, shown and replayed through /v1/inbound', async () => {
    const res = await post(app.url, await signed.github(fixture('github-push.json'), 'push', 'server-1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await expect.poll(async () => (await app.store.inbound.getDelivery(res.body.id))?.status, { timeout: 10_000 }).toBe('processed');

    const list = await fetch(`${app.url}/v1/inbound?provider=github&event_type=push&status=processed&limit=1`, { headers: auth });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ data: [{ id: res.body.id, delivery_id: 'server-1', provider: 'github', status: 'processed', attempts: 1 }], next_cursor: null });

    const one = await fetch(`${app.url}/v1/inbound/${res.body.id}`, { headers: auth });
    expect(await one.json()).toMatchObject({ id: res.body.id, signature_valid: true, validation: { ok: true, errors: [] }, body: fixture('github-push.json').toString(), body_encoding: 'utf8' });

    const replay = await fetch(`${app.url}/v1/inbound/${res.body.id}/replay`, { method: 'POST', headers: auth });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toMatchObject({ status: 'received', attempts: 0 });
    await expect.poll(async () => (await app.store.inbound.getDelivery(res.body.id))?.status, { timeout: 10_000 }).toBe('processed');
  });

  it('shows a body that is not UTF-8 as base64, so the bytes its signature covers can still be checked', async () => {
    const raw = Buffer.concat([Buffer.from('{"zen":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","hook_id":1}')]);
    const headers = { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'server-not-utf8', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRETS.github).update(raw).digest('hex')}` };
    const res = await fetch(`${app.url}/webhooks/github`, { method: 'POST', body: raw, headers });
    expect(res.status).toBe(200);
    const one = (await (await fetch(`${app.url}/v1/inbound/${((await res.json()) as { id: string }).id}`, { headers: auth })).json()) as { body: string };
    expect(one).toMatchObject({ body_encoding: 'base64', body_size: raw.length });
    expect(Buffer.from(one.body, 'base64').equals(raw)).toBe(true);
  });

  it('/v1/inbound needs the API key and answers problems for bad input', async () => {
    expect((await fetch(`${app.url}/v1/inbound`)).status).toBe(401);
    const missing = await fetch(`${app.url}/v1/inbound/in_doesnotexist`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await fetch(`${app.url}/v1/inbound?limit=0`, { headers: auth })).status).toBe(400);
  });

  it('the list leaves bodies out, gives their size, and filters on an event type or its prefix', async () => {
    const body = fixture('github-push.json');
    const res = await post(app.url, await signed.github(body, 'push', 'server-sizes'));
    const opened = await post(app.url, await signed.github(JSON.stringify({ action: 'opened', number: 1 }), 'pull_request', 'server-pr'));
    const page = (await (await fetch(`${app.url}/v1/inbound?provider=github&limit=100`, { headers: auth })).json()) as { data: { id: string }[] };
    const listed = page.data.find((d: { id: string }) => d.id === res.body.id);
    expect(listed).toMatchObject({ body_size: Buffer.byteLength(body), delivery_id: 'server-sizes' });
    expect(listed).not.toHaveProperty('body');
    const prs = (await (await fetch(`${app.url}/v1/inbound?event_type=pull_request`, { headers: auth })).json()) as { data: { id: string; event_type: string }[] };
    expect(prs.data.map((d: { id: string; event_type: string }) => [d.id, d.event_type])).toEqual([[opened.body.id, 'pull_request.opened']]);
  });

  it('/v1/inbound-refusals shows who sent bad signatures, filtered and paged, never the body', async () => {
    const good = await signed.github(fixture('github-push.json'), 'push', 'server-bad');
    for (let i = 0; i < 3; i++) {
      const bad = await post(app.url, { ...good, headers: { ...good.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } });
      expect(bad.status).toBe(401);
    }
    await expect.poll(async () => (await app.store.inbound.listRefusals({ limit: 10, reason: 'invalid_signature' })).length, { timeout: 5_000 }).toBe(3);
    const first = await fetch(`${app.url}/v1/inbound-refusals?receiver=receiveGithubWebhook&reason=invalid_signature&limit=2`, { headers: auth });
    expect(first.status).toBe(200);
    const page = (await first.json()) as RefusalPage;
    expect(page.data).toHaveLength(2);
    expect(page.data[0]).toMatchObject({ source: '127.0.0.1', receiver: 'receiveGithubWebhook', status: 401, reason: 'invalid_signature', body_size: good.body.length });
    expect(page.data[0]!.header_names).toContain('x-hub-signature-256');
    expect(JSON.stringify(page)).not.toContain('sha256=');
    // The detail the sender was answered: a wrong secret, told apart from a malformed header with the same code.
    expect(page.data[0]!.detail).toBe('X-Hub-Signature-256 does not match the body for any configured secret');
    const malformed = await post(app.url, { ...good, headers: { ...good.headers, 'x-hub-signature-256': 'sha256=abcd' } });
    expect(malformed.status).toBe(401);
    await expect.poll(async () => (await app.store.inbound.listRefusals({ limit: 1, reason: 'invalid_signature' }))[0]?.detail, { timeout: 5_000 }).toBe(malformed.body.detail);
    expect(malformed.body.detail).not.toBe(page.data[0]!.detail);
    const rest = (await (await fetch(`${app.url}/v1/inbound-refusals?reason=invalid_signature&cursor=${page.next_cursor}`, { headers: auth })).json()) as RefusalPage;
    expect(rest).toMatchObject({ data: [{ reason: 'invalid_signature' }], next_cursor: null });
    expect(rest.data[0]!.id).toBeLessThan(page.data[1]!.id);
    expect(((await (await fetch(`${app.url}/v1/inbound-refusals?source=192.0.2.1`, { headers: auth })).json()) as RefusalPage).data).toEqual([]);

    const badCursor = await fetch(`${app.url}/v1/inbound-refusals?cursor=in_nope`, { headers: auth });
    expect(badCursor.status).toBe(400);
    expect(await badCursor.json()).toMatchObject({ code: 'invalid_cursor' });
    expect((await fetch(`${app.url}/v1/inbound-refusals`)).status).toBe(401);
  });

  it('an HTTP/1.1 request without a Host header goes through the pipeline: problem+json, audited; /v1 and /healthz answer too', async () => {
    const port = new URL(app.url).port;
    const refused = firstResponse(await rawExchange(port, 'POST /webhooks/github HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: 2\r\nx-hookspec-test: no-host\r\nconnection: close\r\n\r\n{}'));
    expect(refused.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(refused.headers).toContain('content-type: application/problem+json');
    expect(refused.body).toMatchObject({ status: 400, code: 'missing_signature_headers', missing: expect.arrayContaining(['x-hub-signature-256', 'x-github-delivery']) });
    await expect.poll(async () => (await app.store.inbound.listRefusals({ limit: 50, reason: 'missing_signature_headers' }))
      .some((r) => r.headerNames.includes('x-hookspec-test') && !r.headerNames.includes('host'))).toBe(true);

    const list = firstResponse(await rawExchange(port, 'GET /v1/inbound?limit=1 HTTP/1.1\r\nauthorization: Bearer inbound-test-key\r\nconnection: close\r\n\r\n'));
    expect(list.statusLine).toBe('HTTP/1.1 200 OK');
    expect(list.body).toMatchObject({ data: expect.any(Array) });
    const missing = firstResponse(await rawExchange(port, 'GET /v1/inbound/in_doesnotexist HTTP/1.1\r\nauthorization: Bearer inbound-test-key\r\nconnection: close\r\n\r\n'));
    expect([missing.statusLine, missing.body?.code]).toEqual(['HTTP/1.1 404 Not Found', 'not_found']);
    expect(firstResponse(await rawExchange(port, 'GET /healthz HTTP/1.1\r\nconnection: close\r\n\r\n')).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it.each([
    ['absolute-form, as a forwarding proxy sends it', (path: string) => `http://hooks.example.com${path}`],
    ['a trailing slash in the configured URL', (path: string) => `${path}/`],
    ['a fragment node passes on', (path: string) => `${path}#section`],
  ])('a delivery whose request-target has %s reaches its receiver and is stored', async (_name, targetOf) => {
    const port = new URL(app.url).port;
    const delivery = `target-${crypto.randomUUID()}`;
    const req = await signed.github(JSON.stringify({ zen: 'Any path to the receiver.', hook_id: 1 }), 'ping', delivery);
    const head = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const res = firstResponse(await rawExchange(port,
      `POST ${targetOf(req.path)} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}content-length: ${Buffer.byteLength(req.body)}\r\nconnection: close\r\n\r\n${req.body}`));
    expect([res.statusLine, res.body?.duplicate]).toEqual(['HTTP/1.1 200 OK', false]);
    expect((await app.store.inbound.getDelivery(res.body.id))?.deliveryId).toBe(delivery);
  });

  it('a receiver without its secret answers 503 naming the variable on the real server', async () => {
    const res = await post(app.url, signed.stripe(fixture('stripe-charge.succeeded.json')));
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });
});

/** Writes raw request bytes (here: without a Host header, which fetch always sends) and resolves with the whole answer. */
function rawExchange(port: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}
