import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AUDITED_BODY_SIZE } from '../../src/inbound/refusal-audit.js';
import { eventually } from '../outbound/support.js';
import { firstResponse, head, openRaw } from '../server/support/raw-socket.js';
import { freshPostgres, postgresBaseUrl } from '../support/postgres.js';
import { fixture, nowSec, post, SECRETS, signed, startHarness, type Harness, type SignedRequest } from './support/harness.js';

const MAX = 64 * 1024;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ HOOKSPEC_INBOUND_MAX_BODY_BYTES: String(MAX), HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '10000' });
});
afterAll(async () => {
  await h.close();
});

const push = fixture('github-push.json');
const tamper = (req: SignedRequest): SignedRequest => ({ ...req, body: req.body.toString().replace('"refs/heads/main"', '"refs/heads/evil"') });
const withHeaders = (req: SignedRequest, headers: Record<string, string | undefined>): SignedRequest => {
  const merged = { ...req.headers, ...headers };
  return { ...req, headers: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, string> };
};

// [name, status, problem code, detail must mention, request builder]
const table: [string, number, string, RegExp, () => Promise<SignedRequest>][] = [
  ['body over the limit (Content-Length)', 413, 'payload_too_large', /limit/, async () => signed.github('{"x":"' + 'a'.repeat(MAX) + '"}')],
  ['wrong content type', 415, 'unsupported_media_type', /application\/json/, async () => withHeaders(await signed.github(push), { 'content-type': 'text/plain' })],
  ['no content type', 415, 'unsupported_media_type', /none/, async () => ({ ...withHeaders(await signed.github(push), { 'content-type': undefined }), body: Buffer.from(push) })],
  ['a charset other than UTF-8', 415, 'unsupported_media_type', /charset "iso-8859-1".*UTF-8/, async () => withHeaders(await signed.github(push), { 'content-type': 'application/json; charset=ISO-8859-1' })],
  ['compressed body (signed before compression)', 415, 'unsupported_media_type', /Content-Encoding "gzip"/, async () => {
    const req = withHeaders(await signed.github(push), { 'content-encoding': 'gzip' });
    return { ...req, body: gzipSync(req.body) };
  }],
  ['GitHub signature header missing', 400, 'missing_signature_headers', /x-hub-signature-256/, async () => withHeaders(await signed.github(push), { 'x-hub-signature-256': undefined })],
  ['Slack headers missing (both named)', 400, 'missing_signature_headers', /x-slack-signature, x-slack-request-timestamp/, async () => withHeaders(signed.slack('/webhooks/slack/events', '{}', 'application/json'), { 'x-slack-signature': undefined, 'x-slack-request-timestamp': undefined })],
  ['one byte changed (GitHub)', 401, 'invalid_signature', /does not match/, async () => tamper(await signed.github(push))],
  ['wrong secret (GitHub)', 401, 'invalid_signature', /does not match/, async () => signed.github(push, 'push', undefined, 'not-the-secret')],
  ['one byte changed (Stripe)', 401, 'invalid_signature', /v1/, async () => tamper(signed.stripe(push))],
  ['expired timestamp (Stripe)', 401, 'timestamp_outside_window', /tolerance/, async () => signed.stripe(fixture('stripe-charge.succeeded.json'), nowSec() - 301)],
  ['wrong secret (Stripe)', 401, 'invalid_signature', /secret/, async () => signed.stripe(fixture('stripe-charge.succeeded.json'), nowSec(), 'whsec_wrong')],
  ['expired timestamp (Slack)', 401, 'timestamp_outside_window', /tolerance/, async () => signed.slack('/webhooks/slack/events', fixture('slack-event-message.json'), 'application/json', nowSec() - 600)],
  ['wrong secret (Slack)', 401, 'invalid_signature', /does not match/, async () => signed.slack('/webhooks/slack/commands', fixture('slack-command.txt'), 'application/x-www-form-urlencoded', nowSec(), 'wrong')],
  ['expired timestamp (Standard Webhooks)', 401, 'timestamp_outside_window', /tolerance/, async () => signed.standard({ type: 'ping', timestamp: '', data: {} }, 'msg_old', nowSec() - 301)],
  ['wrong secret (Standard Webhooks)', 401, 'invalid_signature', /v1/, async () => signed.standard({ type: 'ping' }, 'msg_ws', nowSec(), 'whsec_' + Buffer.from('another secret entirely').toString('base64'))],
  ['malformed JSON, validly signed', 400, 'malformed_body', /not valid JSON/, async () => signed.github('{"ref": "refs/heads/main",', 'push')],
  ['JSON that is not an object', 400, 'malformed_body', /object/, async () => signed.github('null', 'push')],
  ['GitHub without X-GitHub-Delivery', 400, 'missing_signature_headers', /^Missing required header\(s\): x-github-delivery\.$/, async () => withHeaders(await signed.github(push), { 'x-github-delivery': undefined })],
  ['GitHub without X-GitHub-Event, before the HMAC (a bad signature is not the answer)', 400, 'missing_signature_headers', /^Missing required header\(s\): x-github-event\.$/, async () => withHeaders(tamper(await signed.github(push)), { 'x-github-event': undefined })],
  ['GitHub without any of its headers (all named in one answer)', 400, 'missing_signature_headers', /^Missing required header\(s\): x-github-event, x-hub-signature-256, x-github-delivery\.$/, async () => withHeaders(await signed.github(push), { 'x-github-event': undefined, 'x-hub-signature-256': undefined, 'x-github-delivery': undefined })],
  ['Stripe event without id', 400, 'malformed_body', /"id"/, async () => signed.stripe('{"type":"charge.succeeded"}')],
  ['GitHub delivery id over 255 characters (an unsigned header)', 400, 'invalid_delivery_identity', /^The delivery id is 256 characters long; at most 255 are accepted\.$/, async () => signed.github(push, 'push', 'd'.repeat(256))],
  ['Stripe event type with a NUL character, validly signed', 400, 'invalid_delivery_identity', /event type contains a NUL character/, async () => signed.stripe(JSON.stringify({ id: 'evt_nul', type: 'charge.\u0000succeeded', data: { object: {} } }))],
  ['two charsets, one of them not UTF-8', 415, 'unsupported_media_type', /charset "utf-16"/, async () => withHeaders(await signed.github(push), { 'content-type': 'application/json; charset=utf-8; charset=utf-16' })],
  ['Slack command form without command', 400, 'malformed_body', /command/, async () => signed.slack('/webhooks/slack/commands', 'text=hi&user_id=U1', 'application/x-www-form-urlencoded')],
  ['Slack interaction with broken payload JSON', 400, 'malformed_body', /payload/, async () => signed.slack('/webhooks/slack/interactive', 'payload=%7Bnope', 'application/x-www-form-urlencoded')],
];

describe('bad input gets a clear problem, nothing is processed, the refusal is audited, the server stays up', () => {
  afterEach(async () => {
    // The server still answers a good delivery after every bad one.
    const ok = await post(h.url, await signed.github(push));
    expect(ok.status).toBe(200);
    await h.settle();
  });

  it.each(table)('%s → %i %s', async (_name, status, code, detail, build) => {
    const req = await build();
    const before = (await h.store.inbound.listDeliveries({ limit: 1000 })).length;
    const published = h.publisher.events.length;
    const res = await post(h.url, req);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ type: `urn:hookspec:problem:${code}`, status, code, detail: expect.stringMatching(detail) });
    await h.settle();
    expect((await h.store.inbound.listDeliveries({ limit: 1000 })).length).toBe(before);
    expect(h.publisher.events.length).toBe(published);
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status, reason: code, source: expect.stringMatching(/127\.0\.0\.1/), receiver: expect.stringMatching(/^receive/) });
    expect(audit!.headerNames).toContain('content-length');
    expect(JSON.stringify(audit)).not.toContain('refs/heads');
  });

  it('a streamed body over the limit (no Content-Length) is cut off with 413 without reading the rest', async () => {
    const url = new URL(h.url);
    const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request({ host: url.hostname, port: url.port, path: '/webhooks/github', method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': crypto.randomUUID(), 'x-hub-signature-256': 'sha256=' + '0'.repeat(64), 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, sent }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = () => {
        // Keeps offering up to 50 MiB; the server must answer long before that.
        while (sent < 50 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ code: 'payload_too_large' });
    await h.settle();
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 413, reason: 'payload_too_large' });
  });

  it.each(['9007199254740993', '18446744073709551615'])('Content-Length %s (past 2^53) is 413, not a busy 503, audited at the largest size stored', async (declared) => {
    const req = await signed.github(push);
    const client = await openRaw(Number(new URL(h.url).port));
    client.socket.write(head('POST', req.path, { ...req.headers, 'content-length': declared }));
    const { statusLine, body } = firstResponse(await client.waitFor(/\r\n\r\n\{.*\}$/s));
    client.socket.destroy();
    expect(statusLine).toMatch(/^HTTP\/1\.1 413 /);
    expect(body).toMatchObject({ code: 'payload_too_large' });
    await h.settle();
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 413, reason: 'payload_too_large', bodySize: MAX_AUDITED_BODY_SIZE });
  });

  it.each([
    ['Content-Length with Transfer-Encoding', 400, 'malformed_http', 'content-length: 3\r\ntransfer-encoding: chunked\r\n\r\nabc'],
    ['a control character in the signature header', 400, 'malformed_http', 'x-hub-signature-256: sha256=a\x01b\r\ncontent-length: 1\r\n\r\na'],
    ['headers over 16 KiB', 431, 'request_header_fields_too_large', `x-padding: ${'a'.repeat(20_000)}\r\n\r\n`],
  ])('%s, refused by node before any route, is audited as a refusal of the receiver it was for', async (_name, status, code, rest) => {
    const client = await openRaw(Number(new URL(h.url).port));
    client.socket.write(`POST /webhooks/github HTTP/1.1\r\nhost: 127.0.0.1\r\nx-github-event: push\r\n${rest}`);
    const { text } = await client.closed;
    expect(firstResponse(text).statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(firstResponse(text).body).toMatchObject({ code });
    await h.settle();
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status, reason: code, receiver: 'receiveGithubWebhook', source: expect.stringMatching(/127\.0\.0\.1/), bodySize: null });
    expect(audit!.headerNames).toEqual(expect.arrayContaining(['host', 'x-github-event']));
  });

  it('a malformed request to another path is answered the same and audited as no receiver\'s', async () => {
    await h.settle();
    const before = await h.store.inbound.listRefusals({ limit: 1 });
    const client = await openRaw(Number(new URL(h.url).port));
    client.socket.write('POST /v1/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\nabc');
    expect(firstResponse((await client.closed).text).statusLine).toMatch(/^HTTP\/1\.1 400 /);
    await h.settle();
    expect(await h.store.inbound.listRefusals({ limit: 1 })).toEqual(before);
  });

  it('a delivery id of 255 characters, the most allowed, is stored as sent', async () => {
    const res = await post(h.url, await signed.github(push, 'push', 'd'.repeat(255)));
    expect(res.status).toBe(200);
    expect(await h.store.inbound.getDelivery(res.body.id)).toMatchObject({ deliveryId: 'd'.repeat(255) });
    await h.settle();
  });

  it('a body compressed as a transfer coding (Transfer-Encoding: gzip, chunked) gets 415 naming it, not a failed signature', async () => {
    const signedPush = await signed.github(push);
    const url = new URL(h.url);
    const before = (await h.store.inbound.listDeliveries({ limit: 1000 })).length;
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: signedPush.path, method: 'POST', headers: { ...signedPush.headers, 'transfer-encoding': 'gzip, chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end(gzipSync(signedPush.body));
    });
    expect(result.status).toBe(415);
    expect(JSON.parse(result.body)).toMatchObject({ code: 'unsupported_media_type', detail: 'Transfer-Encoding "gzip" is not supported; send the body uncompressed.' });
    await h.settle();
    expect((await h.store.inbound.listDeliveries({ limit: 1000 })).length).toBe(before);
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 415, reason: 'unsupported_media_type' });
  });

  it('another method on a receiver path answers 405 naming POST (no body for HEAD), and is audited', async () => {
    for (const method of ['GET', 'PUT', 'HEAD']) {
      const res = await fetch(h.url + '/webhooks/github', { method, ...(method === 'PUT' ? { body: push, headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const text = await res.text();
      if (method === 'HEAD') expect(text).toBe('');
      else expect(JSON.parse(text)).toMatchObject({ code: 'method_not_allowed', detail: `/webhooks/github accepts POST only (got ${method}).` });
      await h.settle();
      const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
      expect(audit).toMatchObject({ status: 405, reason: 'method_not_allowed', receiver: 'receiveGithubWebhook' });
    }
  });

  it('a UTF-8 charset however it is written (or ASCII) is accepted', async () => {
    for (const type of ['application/json; charset="UTF-8"', 'application/json;charset=utf8', 'application/json; boundary=x; charset=us-ascii']) {
      const res = await post(h.url, withHeaders(await signed.github(push), { 'content-type': type }));
      expect(res.status, type).toBe(200);
    }
    await h.settle();
  });
});

describe('unconfigured receivers, saturation and floods', () => {
  it('a receiver without a secret answers 503 naming the variable, and never accepts unsigned requests', async () => {
    const bare = await startHarness({ GITHUB_WEBHOOK_SECRET: '', STRIPE_WEBHOOK_SECRET: ' , ' });
    try {
      for (const req of [await signed.github(push), signed.stripe(fixture('stripe-charge.succeeded.json'))]) {
        const res = await post(bare.url, req);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: 'receiver_not_configured', detail: expect.stringMatching(/GITHUB_WEBHOOK_SECRET|STRIPE_WEBHOOK_SECRET/) });
      }
      expect(await bare.store.inbound.listDeliveries({ limit: 10 })).toEqual([]);
      expect((await post(bare.url, signed.slack('/webhooks/slack/events', fixture('slack-event-message.json'), 'application/json'))).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it.skipIf(!postgresBaseUrl())('a saturated write queue answers 503 with Retry-After and stores nothing', async () => {
    // A table lock held elsewhere keeps the first write in flight, so a queue of one is really full.
    const db = (await freshPostgres())!;
    const busy = await startHarness({ HOOKSPEC_INBOUND_QUEUE_MAX: '1' }, { databaseUrl: db.url });
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE inbound_deliveries IN EXCLUSIVE MODE');
      const first = post(busy.url, await signed.github(push));
      await eventually(async () => {
        const { rows } = await locker.query('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted');
        expect(rows[0].n).toBeGreaterThan(0);
      });
      const res = await post(busy.url, await signed.github(push));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body).toMatchObject({ code: 'write_queue_full' });
      await locker.query('COMMIT');
      const accepted = await first;
      expect(accepted.status).toBe(200);
      expect((await busy.store.inbound.listDeliveries({ limit: 10 })).map((r) => r.id)).toEqual([accepted.body.id]);
    } finally {
      await locker.end();
      await busy.close();
      await db.drop();
    }
  });

  it('under a burst, a small queue refuses the excess with 503 and every 200 is in the log', async () => {
    const small = await startHarness({ HOOKSPEC_INBOUND_QUEUE_MAX: '5' });
    try {
      const results = await Promise.all(Array.from({ length: 60 }, async () => post(small.url, await signed.github(push))));
      const ok = results.filter((r) => r.status === 200);
      expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      expect(ok.length).toBeGreaterThan(0);
      const stored = new Set((await small.store.inbound.listDeliveries({ limit: 100 })).map((r) => r.id));
      for (const r of ok) expect(stored.has(r.body.id)).toBe(true);
      expect(stored.size).toBe(ok.length);
    } finally {
      await small.close();
    }
  });

  it('an address that keeps failing verification gets 429 + Retry-After before any HMAC work; a verified probe lifts it', async () => {
    const guarded = await startHarness({ HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '3', HOOKSPEC_INBOUND_FLOOD_WINDOW_MS: '30000' });
    try {
      const bad = tamper(await signed.github(push));
      for (let i = 0; i < 3; i++) expect((await post(guarded.url, bad)).status).toBe(401);
      // Blocked: one probe a second still reaches verification (401); the rest are refused up front (429).
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await post(guarded.url, bad));
      const limited = answers.filter((a) => a.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(5);
      expect(answers.every((a) => a.status === 429 || a.status === 401)).toBe(true);
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited[0]!.body).toMatchObject({ code: 'too_many_failures' });
      await guarded.settle();
      expect((await guarded.store.inbound.listRefusals({ limit: 1 }))[0]).toMatchObject({ status: 429, reason: 'too_many_failures' });
      // After a second, a good delivery from the same address is let through, verified, and clears the record.
      await new Promise((r) => setTimeout(r, 1100));
      expect((await post(guarded.url, await signed.github(push))).status).toBe(200);
      expect((await post(guarded.url, await signed.github(push))).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('the refusal audit is bounded: old rows are pruned', async () => {
    const tiny = await startHarness({ HOOKSPEC_INBOUND_AUDIT_KEEP: '5', HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '0' });
    try {
      for (let i = 0; i < 12; i++) await post(tiny.url, { path: '/webhooks/github', body: 'x', headers: { 'content-type': 'text/plain' } });
      await tiny.settle();
      expect((await tiny.store.inbound.listRefusals({ limit: 100 })).length).toBeLessThanOrEqual(5);
    } finally {
      await tiny.close();
    }
  });
});
