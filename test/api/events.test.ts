import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError, WebhookValidationError } from '../../generated/webhooks.js';
import { eventually, startSubscriber, type Subscriber } from '../outbound/support.js';
import { startServer, validOrder, type TestServer } from './support.js';

describe('/v1/events and /v1/deliveries', () => {
  let s: TestServer;
  let subscriber: Subscriber;
  let subscriptionId: string;
  beforeAll(async () => {
    s = await startServer({ HOOKSPEC_PUBLISH_MAX_BYTES: '4096' });
    subscriber = await startSubscriber();
    const { data } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['order.created', 'ping'] } });
    subscriptionId = data!.id;
    subscriber.secrets = [data!.secret];
  });
  afterAll(async () => {
    await s.close();
    await subscriber.close();
  });

  it('the typed sender publishes; the subscriber receives the envelope, verified with standardwebhooks', async () => {
    const event = await s.sender.publish('order.created', validOrder);
    expect(event.id).toMatch(/^evt_/);
    await eventually(() => expect(subscriber.received.find((r) => r.id === event.id)).toBeDefined());
    const got = subscriber.received.find((r) => r.id === event.id)!;
    expect(got.verified).toBe(true);
    expect(got.payload).toEqual({ type: 'order.created', timestamp: event.created_at, data: validOrder });

    const { data: stored } = await s.client.GET('/v1/events/{id}', { params: { path: { id: event.id! } } });
    expect(stored).toEqual({ id: event.id, type: 'order.created', data: validOrder, created_at: event.created_at });
    await eventually(async () => {
      const { data: page } = await s.client.GET('/v1/events/{id}/deliveries', { params: { path: { id: event.id! } } });
      expect(page!.data).toHaveLength(1);
      expect(page!.data[0]).toMatchObject({ subscription_id: subscriptionId, url: subscriber.url, status: 'succeeded', attempt_count: 1, next_attempt_at: null });
      expect(page!.data[0]!.attempts).toEqual([
        expect.objectContaining({ attempt: 1, status_code: 200, outcome: 'succeeded', response_body: 'ok', error: null }),
      ]);
    });
  });

  it('answers 422 with every schema error and its JSON pointer', async () => {
    const bad = { ...validOrder, currency: 'euro', customer: { id: 'c' }, line_items: [{ sku: 'x', name: 'y', quantity: 0, unit_price: 1 }] };
    const res = await s.call('POST', '/v1/events', { type: 'order.created', data: bad });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.json.code).toBe('invalid_event_data');
    expect(res.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/data/currency', '/data/customer/email', '/data/line_items/0/quantity']),
    );
    // The typed sender refuses the same payload before sending (run-time check of the generated validator).
    await expect(s.sender.publish('order.created', bad as never)).rejects.toBeInstanceOf(WebhookValidationError);
  });

  // Only the worker emits these: a publish that got through would let any API caller forge them to every subscriber.
  it.each(['subscription.disabled', 'delivery.exhausted'])('refuses to publish %s, which only hookspec emits, with 422 reserved_event_type', async (type) => {
    const example = (await s.call('GET', `/v1/event-types/${type}`)).json.example as { data: Record<string, unknown> };
    const forged = { ...example.data, subscription_id: 'sub_forged0000000001' };
    const res = await s.call('POST', '/v1/events', { type, data: forged }, { 'idempotency-key': `forged-${type}` });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.json).toMatchObject({ type: 'urn:hookspec:problem:reserved_event_type', status: 422, code: 'reserved_event_type' });
    expect(res.json.detail).toBe(`"${type}" is emitted by hookspec itself and cannot be published: subscribers must be able to trust it`);
    // Nothing was stored: the worker may emit real ones meanwhile, but none carries the forged subscription id.
    const stored = (await s.call('GET', `/v1/events?type=${type}&limit=100`)).json.data as { data: { subscription_id?: string } }[];
    expect(stored.filter((e) => e.data.subscription_id === forged.subscription_id)).toEqual([]);
  });

  it('lists the reserved types as system in the catalog, and ping (what /test sends) as publishable', async () => {
    const { data } = await s.client.GET('/v1/event-types', { params: { query: { limit: 100 } } });
    expect(data!.data.filter((t) => t.system).map((t) => t.name)).toEqual(['delivery.exhausted', 'subscription.disabled']);
    expect(data!.data.find((t) => t.name === 'ping')).toMatchObject({ system: false });
    const { data: one } = await s.client.GET('/v1/event-types/{name}', { params: { path: { name: 'subscription.disabled' } } });
    expect(one!.system).toBe(true);
    expect((await s.call('POST', '/v1/events', { type: 'ping', data: { message: 'still publishable' } })).status).toBe(202);
  });

  it('answers 422 for an unknown type, listing the valid ones', async () => {
    const res = await s.call('POST', '/v1/events', { type: 'order.teleported', data: {} });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('unknown_event_type');
    expect(res.json.valid_event_types).toContain('order.created');
    // hookspec's own events are valid in the catalog, not for publishing.
    expect(res.json.valid_event_types).not.toContain('subscription.disabled');
  });

  it('Idempotency-Key: same body → the first response again, different body → 409', async () => {
    const key = { 'idempotency-key': 'order-1042-created' };
    const first = await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder }, key);
    const again = await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder }, key);
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, json: first.json });
    const clash = await s.call('POST', '/v1/events', { type: 'order.created', data: { ...validOrder, total: 1 } }, key);
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('idempotency_key_reused');
    // The same value with its keys in another order (a client that rebuilt the body to retry) is the same body.
    const reordered = Object.fromEntries(Object.entries(validOrder).reverse());
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(validOrder));
    const retried = await s.call('POST', '/v1/events', { data: reordered, type: 'order.created' }, key);
    expect(retried).toMatchObject({ status: 202, json: first.json });
    const viaSender = await s.sender.publish('order.created', validOrder, { idempotencyKey: 'order-1042-created' });
    expect(viaSender.id).toBe(first.json.id);
    // One event, hence one delivery.
    await eventually(() => expect(subscriber.received.filter((r) => r.id === first.json.id)).toHaveLength(1));
  });

  it('answers 413 for a body over the publish limit', async () => {
    const big = { ...validOrder, customer: { ...validOrder.customer, name: 'x'.repeat(5000) } };
    const res = await s.call('POST', '/v1/events', { type: 'order.created', data: big });
    expect(res.status).toBe(413);
    expect(res.json.code).toBe('payload_too_large');
    await expect(s.sender.publish('order.created', big)).rejects.toBeInstanceOf(PublishError);
  });

  it('refuses an Idempotency-Key in the receivers\' inbound: namespace, which could pre-empt a forwarded event', async () => {
    const res = await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder }, { 'idempotency-key': 'inbound:in_01abc' });
    expect(res).toMatchObject({ status: 400, json: { code: 'reserved_idempotency_key' } });
  });

  it('refuses an integer beyond 2^53 with 422 instead of rounding it on the way to subscribers', async () => {
    const before = (await s.call('GET', '/v1/events?limit=100')).json.data.length;
    const raw = `{"type":"order.created","data":${JSON.stringify(validOrder).replace(/^\{/, '{"external_id":12345678901234567890,')}}`;
    const res = await fetch(`${s.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' }, body: raw });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'unsafe_integer', detail: expect.stringContaining('12345678901234567890') });
    expect((await s.call('GET', '/v1/events?limit=100')).json.data.length).toBe(before);
  });

  it('answers 400 for malformed JSON and 415 for another content type', async () => {
    const bad = await s.call('POST', '/v1/events', '{"type":');
    expect(bad).toMatchObject({ status: 400, json: { code: 'invalid_json' } });
    const res = await fetch(`${s.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer test-key', 'content-type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['an unsupported charset', { 'content-type': 'application/json; charset=latin9' }, /^Content-Type charset "latin9" is not supported; send UTF-8\.$/, false],
    ['an unknown Content-Encoding', { 'content-type': 'application/json', 'content-encoding': 'br2' }, /^Content-Encoding "br2" is not supported; send the body uncompressed\.$/, false],
    // As the spec says and the receivers answer: a compressed body is refused, not inflated past the size limit.
    ['a gzip body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, /^Content-Encoding "gzip" is not supported/, true],
  ])('answers 415 problem+json for %s, not a 500', async (_name, headers, detail, gzip) => {
    const json = JSON.stringify({ type: 'order.created', data: validOrder });
    const before = (await s.call('GET', '/v1/events?limit=100')).json.data.length;
    const res = await fetch(`${s.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer test-key', ...headers }, body: gzip ? gzipSync(json) : json });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 415, code: 'unsupported_media_type', detail: expect.stringMatching(detail) });
    expect((await s.call('GET', '/v1/events?limit=100')).json.data.length).toBe(before);
  });

  it('answers 415 for a body compressed as a transfer coding (Transfer-Encoding: gzip, chunked), not 400 invalid_json', async () => {
    const before = (await s.call('GET', '/v1/events?limit=100')).json.data.length;
    const url = new URL(s.url);
    const result = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const headers = { authorization: 'Bearer test-key', 'content-type': 'application/json', 'transfer-encoding': 'gzip, chunked' };
      const req = request({ host: url.hostname, port: url.port, path: '/v1/events', method: 'POST', headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end(gzipSync(JSON.stringify({ type: 'order.created', data: validOrder })));
    });
    expect(result.status).toBe(415);
    expect(result.type).toContain('application/problem+json');
    expect(JSON.parse(result.body)).toMatchObject({ code: 'unsupported_media_type', detail: 'Transfer-Encoding "gzip" is not supported; send the body uncompressed.' });
    expect((await s.call('GET', '/v1/events?limit=100')).json.data.length).toBe(before);
  });

  it('lists events newest first with type and since filters and a cursor', async () => {
    const since = new Date().toISOString();
    const a = await s.sender.publish('order.created', validOrder);
    const b = await s.sender.publish('order.created', validOrder);
    const ping = await s.call('POST', `/v1/subscriptions/${subscriptionId}/test`);
    const page1 = await s.call('GET', `/v1/events?type=order.created&since=${encodeURIComponent(since)}&limit=1`);
    expect(page1.json.data.map((e: { id: string }) => e.id)).toEqual([b.id]);
    const page2 = await s.call('GET', `/v1/events?type=order.created&since=${encodeURIComponent(since)}&limit=1&cursor=${page1.json.next_cursor}`);
    expect(page2.json.data.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect(page2.json.next_cursor).toBeNull();
    // A cursor no page gave (a typo, another list's id) is refused, not read as some other page.
    for (const path of ['/v1/events?cursor=garbage', '/v1/events?cursor=sub_01abc', '/v1/subscriptions?cursor=evt_01abc', `/v1/events/${page1.json.data[0].id}/deliveries?cursor=x`]) {
      const bad = await s.call('GET', path);
      expect([path, bad.status, bad.json.code]).toEqual([path, 400, 'invalid_cursor']);
    }
    const all = await s.call('GET', `/v1/events?since=${encodeURIComponent(since)}`);
    expect(all.json.data.map((e: { id: string }) => e.id)).toEqual([ping.json.id, b.id, a.id]);
    expect((await s.call('GET', '/v1/events?limit=500')).status).toBe(400);
    expect((await s.call('GET', '/v1/events/evt_doesnotexist')).status).toBe(404);
  });

  it('retries a delivery by hand with the same webhook-id', async () => {
    const event = await s.sender.publish('order.created', validOrder);
    await eventually(async () => expect((await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data[0].status).toBe('succeeded'));
    const [delivery] = (await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data;
    const retried = await s.call('POST', `/v1/deliveries/${delivery.id}/retry`);
    expect(retried.status).toBe(202);
    await eventually(() => expect(subscriber.received.filter((r) => r.id === event.id)).toHaveLength(2));
    await eventually(async () => expect((await s.call('GET', `/v1/deliveries/${delivery.id}`)).json).toMatchObject({ status: 'succeeded', attempt_count: 2 }));
    expect((await s.call('POST', '/v1/deliveries/dlv_nope/retry')).status).toBe(404);
    // Not an id at all: the documented 400, as problem+json.
    expect(await s.call('POST', '/v1/deliveries/nope/retry')).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
  });

  it('a retry whose subscription is disabled is a 409 that says to re-enable it, and nothing is queued', async () => {
    const event = await s.sender.publish('order.created', validOrder);
    await eventually(async () => expect((await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data[0].status).toBe('succeeded'));
    const [delivery] = (await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data;
    await s.call('PATCH', `/v1/subscriptions/${subscriptionId}`, { status: 'disabled' });
    try {
      const refused = await s.call('POST', `/v1/deliveries/${delivery.id}/retry`);
      expect(refused).toMatchObject({ status: 409, json: { code: 'subscription_disabled', detail: expect.stringContaining('re-enable it first') } });
      expect((await s.call('GET', `/v1/deliveries/${delivery.id}`)).json.status).toBe('succeeded');
    } finally {
      await s.call('PATCH', `/v1/subscriptions/${subscriptionId}`, { status: 'active' });
    }
    expect((await s.call('POST', `/v1/deliveries/${delivery.id}/retry`)).status).toBe(202);
  });

  it('pages the catalog by name: limit and cursor as on every list, and a cursor the catalog lacks is a 400', async () => {
    const { data: all } = await s.client.GET('/v1/event-types', { params: { query: { limit: 100 } } });
    const names = all!.data.map((t) => t.name);
    expect(names.length).toBeGreaterThan(3);
    expect([...names].sort()).toEqual(names);
    const walked: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < names.length; pages++) {
      const { data } = await s.client.GET('/v1/event-types', { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
      expect(data!.data.length).toBeLessThanOrEqual(2);
      walked.push(...data!.data.map((t) => t.name));
      if (data!.next_cursor === null) break;
      cursor = data!.next_cursor;
    }
    expect(walked).toEqual(names);
    const bad = await s.call('GET', '/v1/event-types?cursor=zzz.unknown');
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('invalid_cursor');
  });

  it('serves the catalog and the bundled document', async () => {
    const { data: types } = await s.client.GET('/v1/event-types');
    expect(types!.data.map((t) => t.name)).toContain('order.created');
    const { data: one } = await s.client.GET('/v1/event-types/{name}', { params: { path: { name: 'order.created' } } });
    expect(one!.schema).toBeTypeOf('object');
    expect((await s.call('GET', '/v1/event-types/nope')).status).toBe(404);
    const doc = (await fetch(`${s.url}/openapi.json`).then((r) => r.json())) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\.1\./);
  });
});
