import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../src/errors/problem.js';
import { firstResponse, openRaw } from '../server/support/raw-socket.js';
import { API_KEY, startServer, validOrder, type TestServer } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.close();
});

const auth = { authorization: `Bearer ${API_KEY}` };

describe('HEAD on the management API is GET without the body (RFC 9110 §9.3.2)', () => {
  it('a list answers 200 with the headers GET sends and no body', async () => {
    const [get, head] = await Promise.all([fetch(`${s.url}/v1/subscriptions`, { headers: auth }), fetch(`${s.url}/v1/subscriptions`, { method: 'HEAD', headers: auth })]);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(await head.text()).toBe('');
  });

  it('a missing resource is 404, an invalid id 400, like GET; still only with the key', async () => {
    expect((await fetch(`${s.url}/v1/events/evt_01j00000000000000000000000`, { method: 'HEAD', headers: auth })).status).toBe(
      (await fetch(`${s.url}/v1/events/evt_01j00000000000000000000000`, { headers: auth })).status,
    );
    expect((await fetch(`${s.url}/v1/subscriptions?limit=0`, { method: 'HEAD', headers: auth })).status).toBe(400);
    expect((await fetch(`${s.url}/v1/subscriptions`, { method: 'HEAD' })).status).toBe(401);
  });
});

describe('a /v1 body must be declared JSON', () => {
  it.each([
    ['POST', '/v1/subscriptions/sub_01j00000000000000000000000/rotate-secret', undefined, '{"secret":"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}', /got none/],
    ['PATCH', '/v1/subscriptions/sub_01j00000000000000000000000', undefined, '{"description":"x"}', /got none/],
    ['POST', '/v1/events', 'text/plain', '{"type":"order.created"}', /got "text\/plain"/],
  ])('%s %s with Content-Type %s is 415, not parsed as no body', async (method, path, type, body, detail) => {
    const res = await s.call(method, path, body, type === undefined ? { 'content-type': '' } : { 'content-type': type });
    expect(res.status).toBe(415);
    expect(res.type).toContain(PROBLEM_CONTENT_TYPE);
    expect(res.json).toMatchObject({ code: 'unsupported_media_type', detail: expect.stringMatching(detail) });
  });

  // The validator answered 415 "unsupported media type undefined", or 400 "must have required property 'body'".
  it.each([
    ['without a Content-Type', {}],
    ['declared JSON', { 'content-type': 'application/json' }],
  ])('an operation that needs a body, sent none %s, is 400 missing_body naming the operation', async (_name, headers) => {
    for (const path of ['/v1/events', '/v1/subscriptions/sub_01j00000000000000000000000/recover']) {
      const res = await s.call('POST', path, undefined, headers);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'missing_body', detail: `POST ${path} needs a JSON body (Content-Type: application/json); the request has none.` });
    }
  });

  it('an empty body needs no Content-Type', async () => {
    const res = await s.call('GET', '/v1/subscriptions', undefined, { 'content-length': '0' });
    expect(res.status).toBe(200);
  });
});

describe('headers and bodies the parsers would quietly reshape', () => {
  it('a repeated Idempotency-Key is 400 naming it, not the key "a, a" nobody sent', async () => {
    const client = await openRaw(s.running.port);
    const body = JSON.stringify({ type: 'order.created', data: validOrder });
    client.socket.write(`POST /v1/events HTTP/1.1\r\nhost: h\r\nauthorization: Bearer ${API_KEY}\r\ncontent-type: application/json\r\nidempotency-key: a\r\nidempotency-key: a\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    const { statusLine, body: problem } = firstResponse((await client.closed).text);
    expect(statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(problem).toMatchObject({ code: 'repeated_header', detail: 'Header(s) sent more than once: idempotency-key; send each once.' });
    expect((await s.call('GET', '/v1/events')).json.data).toEqual([]);
  });

  it.each([
    ['authorization', `authorization: Bearer ${API_KEY}\r\nauthorization: Bearer wrong\r\ncontent-type: application/json`],
    ['content-type', `authorization: Bearer ${API_KEY}\r\ncontent-type: application/json\r\ncontent-type: text/plain`],
  ])('a repeated %s is 400 naming it, not the first one node kept', async (name, headers) => {
    const client = await openRaw(s.running.port);
    const body = JSON.stringify({ type: 'order.created', data: validOrder });
    client.socket.write(`POST /v1/events HTTP/1.1\r\nhost: h\r\n${headers}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    const { statusLine, body: problem } = firstResponse((await client.closed).text);
    expect(statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(problem).toMatchObject({ code: 'repeated_header', detail: `Header(s) sent more than once: ${name}; send each once.` });
    expect((await s.call('GET', '/v1/events')).json.data).toEqual([]);
  });

  it('a GET with If-None-Match gets the answer, not a 304 the spec does not describe (answers are no-store)', async () => {
    const first = await fetch(`${s.url}/v1/event-types`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(first.headers.get('etag')).toBeNull();
    const again = await fetch(`${s.url}/v1/event-types`, { headers: { authorization: `Bearer ${API_KEY}`, 'if-none-match': '*' } });
    expect(again.status).toBe(200);
  });

  it.each(['null', '1', '"x"'])('the bare JSON value %s is told apart from broken JSON', async (body) => {
    const res = await s.call('POST', '/v1/events', body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid_json', detail: 'The body must be a JSON object or array, not a bare value' });
    expect((await s.call('POST', '/v1/events', '{"type":')).json).toMatchObject({ code: 'invalid_json', detail: 'The body is not valid JSON' });
  });

  it("since with its colons unencoded, as the spec's example writes it, is read as the same instant", async () => {
    const raw = await s.call('GET', '/v1/events?since=2026-11-27T04:00:00Z');
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual((await s.call('GET', '/v1/events?since=2026-11-27T04%3A00%3A00Z')).json);
  });
});
