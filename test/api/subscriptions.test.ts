import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSubscriber, type Subscriber } from '../outbound/support.js';
import { API_KEY, startServer, validOrder, type TestServer } from './support.js';

describe('/v1/subscriptions', () => {
  let s: TestServer;
  let subscriber: Subscriber;
  beforeAll(async () => {
    s = await startServer();
    subscriber = await startSubscriber();
  });
  afterAll(async () => {
    await s.close();
    await subscriber.close();
  });

  it('refuses calls without the right bearer key, as problem+json', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic dGVzdA==' }] as Record<string, string>[]) {
      const res = await fetch(`${s.url}/v1/subscriptions`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
    }
  });

  it('answers a method the spec does not list with 405 and the methods it does in Allow', async () => {
    const res = await s.call('PATCH', '/v1/subscriptions');
    expect(res.status).toBe(405);
    expect(res.type).toContain('application/problem+json');
    expect(res.json.code).toBe('method_not_allowed');
    const raw = await fetch(`${s.url}/v1/subscriptions/sub_unknown`, { method: 'PUT', headers: { authorization: `Bearer ${API_KEY}` } });
    expect(raw.status).toBe(405);
    // HEAD too: every GET path answers it.
    expect(raw.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH']);
    // The validator's 405 names a route pattern, not a JSON pointer: no errors list pretending otherwise.
    expect((await raw.json()) as object).not.toHaveProperty('errors');
  });

  it("the typed client sends filters with !'()* that the server accepts", async () => {
    for (const filter of ['*', "a!b'c", '(x)', 'ü *']) {
      const events = await s.client.GET('/v1/events', { params: { query: { type: filter, limit: 5 } } });
      expect(events.response.status, filter).toBe(200);
      expect(events.data!.data).toEqual([]);
      const inbound = await s.client.GET('/v1/inbound', { params: { query: { event_type: filter } } });
      expect(inbound.response.status, filter).toBe(200);
    }
  });

  it('creates with a generated secret shown once, then masks it; lists, pages, updates and deletes', async () => {
    const { data: created, response } = await s.client.POST('/v1/subscriptions', {
      body: { url: subscriber.url, events: ['order.created'], description: 'orders', metadata: { team: 'a' } },
    });
    expect(response.status).toBe(201);
    expect(created!.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(created!.secret.slice(6), 'base64')).toHaveLength(24);
    const { data: shown } = await s.client.GET('/v1/subscriptions/{id}', { params: { path: { id: created!.id } } });
    expect(shown).toMatchObject({ id: created!.id, description: 'orders', metadata: { team: 'a' }, status: 'active' });
    expect(shown!.secret).toBe(`whsec_****${created!.secret.slice(-4)}`);

    const second = await s.call('POST', '/v1/subscriptions', { url: subscriber.url, events: ['*'] });
    expect(second.status).toBe(201);
    const page1 = await s.call('GET', '/v1/subscriptions?limit=1');
    expect(page1.json.data.map((x: { id: string }) => x.id)).toEqual([second.json.id]);
    expect(page1.json.next_cursor).toBe(second.json.id);
    const page2 = await s.call('GET', `/v1/subscriptions?limit=1&cursor=${page1.json.next_cursor}`);
    expect(page2.json.data.map((x: { id: string }) => x.id)).toEqual([created!.id]);

    const patched = await s.call('PATCH', `/v1/subscriptions/${created!.id}`, { status: 'disabled', rate_limit_per_second: 5 });
    expect(patched.json).toMatchObject({ status: 'disabled', disabled_reason: 'manual', rate_limit_per_second: 5 });
    const enabled = await s.call('PATCH', `/v1/subscriptions/${created!.id}`, { status: 'active' });
    expect(enabled.json).toMatchObject({ status: 'active', disabled_reason: null });
    // null clears a field, as it does rate_limit_per_second (JSON merge-patch's reading); the API shows it as "".
    const cleared = await s.call('PATCH', `/v1/subscriptions/${created!.id}`, { description: null, rate_limit_per_second: null });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toMatchObject({ description: '', rate_limit_per_second: null, metadata: { team: 'a' } });
    expect((await s.call('GET', `/v1/subscriptions/${created!.id}`)).json.description).toBe('');

    expect((await s.call('DELETE', `/v1/subscriptions/${second.json.id}`)).status).toBe(204);
    expect((await s.call('GET', `/v1/subscriptions/${second.json.id}`)).status).toBe(404);
    expect((await s.call('DELETE', `/v1/subscriptions/${second.json.id}`)).status).toBe(404);
  });

  it('answers 422 for an unknown event type, listing the valid ones', async () => {
    const res = await s.call('POST', '/v1/subscriptions', { url: subscriber.url, events: ['order.created', 'order.teleported'] });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('unknown_event_type');
    expect(res.json.detail).toContain('order.teleported');
    expect(res.json.valid_event_types).toContain('order.created');
    expect(res.json.valid_event_types).toContain('*');
  });

  it('answers 400 with every validator error as a JSON pointer', async () => {
    const res = await s.call('POST', '/v1/subscriptions', { url: 42, extra: true });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const pointers = res.json.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/url', '/events']));
  });

  it('refuses a secret that is not whsec_ + 24 or more bytes', async () => {
    // 22 bytes: passes the spec's pattern (32 base64 characters) but is below the 24-byte minimum.
    const res = await s.call('POST', '/v1/subscriptions', { url: subscriber.url, events: ['*'], secret: `whsec_${Buffer.alloc(22, 7).toString('base64')}` });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('invalid_secret');
    const { data: created } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['*'] } });
    // Rotation refuses it the same way, and the spec lists that 422 (so the typed client's error type has it).
    const rotated = await s.client.POST('/v1/subscriptions/{id}/rotate-secret', {
      params: { path: { id: created!.id } },
      body: { secret: `whsec_${Buffer.alloc(22, 7).toString('base64')}` },
    });
    expect(rotated.response.status).toBe(422);
    expect(rotated.error?.code).toBe('invalid_secret');
    await s.client.DELETE('/v1/subscriptions/{id}', { params: { path: { id: created!.id } } });
  });

  it('test sends a signed ping to that subscription only; rotation signs with both secrets', async () => {
    const { data: sub } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['order.created'] } });
    subscriber.secrets = [sub!.secret];
    const ping = await s.call('POST', `/v1/subscriptions/${sub!.id}/test`);
    expect(ping.status).toBe(202);
    expect(ping.json.type).toBe('ping');
    await eventually(() => expect(subscriber.received.find((r) => r.id === ping.json.id)?.verified).toBe(true));

    const rotated = await s.call('POST', `/v1/subscriptions/${sub!.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(Date.parse(rotated.json.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600_000);
    subscriber.secrets = [sub!.secret, rotated.json.secret];
    const ping2 = await s.call('POST', `/v1/subscriptions/${sub!.id}/test`);
    await eventually(() => expect(subscriber.received.find((r) => r.id === ping2.json.id)?.verified).toBe(true));
    expect(subscriber.received.find((r) => r.id === ping2.json.id)!.signature.split(' ')).toHaveLength(2);
    await s.client.DELETE('/v1/subscriptions/{id}', { params: { path: { id: sub!.id } } });
  });

  it('rotating to the current secret is a 422; rotating back to a secret in its grace period signs with it once', async () => {
    const a = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;
    const b = `whsec_${Buffer.alloc(24, 2).toString('base64')}`;
    const { data: sub } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['order.created'], secret: a } });
    const same = await s.call('POST', `/v1/subscriptions/${sub!.id}/rotate-secret`, { secret: a });
    expect(same.status).toBe(422);
    expect(same.json.code).toBe('secret_unchanged');
    expect((await s.call('POST', `/v1/subscriptions/${sub!.id}/rotate-secret`, { secret: b })).status).toBe(200);
    expect((await s.call('POST', `/v1/subscriptions/${sub!.id}/rotate-secret`, { secret: a })).status).toBe(200);
    // a (current) and b (in its grace period): two signatures, not a's twice.
    subscriber.secrets = [a, b];
    const ping = await s.call('POST', `/v1/subscriptions/${sub!.id}/test`);
    await eventually(() => expect(subscriber.received.find((r) => r.id === ping.json.id)?.verified).toBe(true));
    expect(subscriber.received.find((r) => r.id === ping.json.id)!.signature.split(' ')).toHaveLength(2);
    await s.client.DELETE('/v1/subscriptions/{id}', { params: { path: { id: sub!.id } } });
  });

  it('recover re-sends the failed deliveries since a time', async () => {
    let healthy = false;
    const flaky = await startSubscriber((_req, res) => {
      res.statusCode = healthy ? 200 : 500;
      res.end();
    });
    try {
      const { data: sub } = await s.client.POST('/v1/subscriptions', { body: { url: flaky.url, events: ['order.created'] } });
      flaky.secrets = [sub!.secret];
      const since = new Date(Date.now() - 1000).toISOString();
      const event = await s.sender.publish('order.created', validOrder);
      const deliveries = async () => (await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data;
      const mine = async () => (await deliveries()).find((d: { subscription_id: string }) => d.subscription_id === sub!.id);
      await eventually(async () => expect((await mine()).status).toBe('dead'));
      healthy = true;
      const recovered = await s.call('POST', `/v1/subscriptions/${sub!.id}/recover`, { since });
      expect(recovered).toMatchObject({ status: 202, json: { queued: 1 } });
      await eventually(async () => expect((await mine()).status).toBe('succeeded'));
      expect(flaky.received.every((r) => r.verified && r.id === event.id)).toBe(true);
      await s.client.DELETE('/v1/subscriptions/{id}', { params: { path: { id: sub!.id } } });
    } finally {
      await flaky.close();
    }
  });

  it('recover on a disabled subscription is 409, as a single retry is, and queues nothing', async () => {
    const { data: sub } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['order.created'] } });
    expect((await s.call('PATCH', `/v1/subscriptions/${sub!.id}`, { status: 'disabled' })).status).toBe(200);
    const recovered = await s.call('POST', `/v1/subscriptions/${sub!.id}/recover`, { since: new Date(Date.now() - 60_000).toISOString() });
    expect(recovered.status).toBe(409);
    expect(recovered.json).toMatchObject({ code: 'subscription_disabled', detail: expect.stringContaining('re-enable it first') });
    await s.client.DELETE('/v1/subscriptions/{id}', { params: { path: { id: sub!.id } } });
  });

  it('bounds the events list: at most 256 types of at most 128 characters', async () => {
    const many = Array.from({ length: 257 }, (_, i) => `type_${i}`);
    const tooMany = await s.call('POST', '/v1/subscriptions', { url: subscriber.url, events: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors).toEqual([expect.objectContaining({ pointer: '/events', keyword: 'maxItems' })]);
    const long = await s.call('POST', '/v1/subscriptions', { url: subscriber.url, events: ['a'.repeat(129)] });
    expect(long.status).toBe(400);
    expect(long.json.errors).toEqual([expect.objectContaining({ pointer: '/events/0', keyword: 'maxLength' })]);
  });
});

describe('a subscription disabled with queued deliveries (docs/guarantees.md)', () => {
  let s: TestServer;
  let healthy = false;
  let subscriber: Subscriber;
  beforeAll(async () => {
    // The retry falls due 1 s after the first failure: time to disable the subscription before it.
    s = await startServer({ HOOKSPEC_RETRY_SCHEDULE_MS: '0,1000,1000' });
    subscriber = await startSubscriber((_req, res) => {
      res.statusCode = healthy ? 200 : 500;
      res.end();
    });
  });
  afterAll(async () => {
    await s.close();
    await subscriber.close();
  });

  it('receives nothing while disabled, keeps the queued delivery waiting, and gets it once re-enabled', async () => {
    const { data: sub } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['order.created'] } });
    subscriber.secrets = [sub!.secret];
    const event = await s.sender.publish('order.created', validOrder);
    const delivery = async () => (await s.call('GET', `/v1/events/${event.id}/deliveries`)).json.data[0];
    await eventually(async () => expect(await delivery()).toMatchObject({ status: 'pending', attempt_count: 1 }));
    expect(subscriber.received).toHaveLength(1);

    const disabled = await s.call('PATCH', `/v1/subscriptions/${sub!.id}`, { status: 'disabled' });
    expect(disabled.json).toMatchObject({ status: 'disabled', disabled_reason: 'manual' });
    // Past the retry delay: the retry fell due meanwhile, and was neither sent nor dropped.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(subscriber.received).toHaveLength(1);
    expect(await delivery()).toMatchObject({ status: 'pending', attempt_count: 1 });

    healthy = true;
    expect((await s.call('PATCH', `/v1/subscriptions/${sub!.id}`, { status: 'active' })).json.status).toBe('active');
    await eventually(async () => expect(await delivery()).toMatchObject({ status: 'succeeded', attempt_count: 2 }));
    expect(subscriber.received.map((r) => [r.id, r.verified])).toEqual([
      [event.id, true],
      [event.id, true],
    ]);
  });
});

describe('/v1/subscriptions with the SSRF guard on (the default)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'false' });
  });
  afterAll(async () => s.close());

  const refused = [
    ['loopback', 'http://127.0.0.1:8080/hook'],
    ['a name that resolves to loopback', 'http://localhost:8080/hook'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['private', 'https://10.1.2.3/hook'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hook'],
    ['IPv6 unique local', 'http://[fd12::1]/hook'],
    ['a non-http scheme', 'ftp://example.com/hook'],
  ];

  it.each(refused)('refuses %s with 422 saying why', async (_name, url) => {
    const res = await s.call('POST', '/v1/subscriptions', { url, events: ['*'] });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('url_not_allowed');
    expect(res.json.detail).toMatch(/refused|only http/);
  });

  it.each([
    ['a non-ASCII path', 'https://93.184.215.14/\u00e4', '"\u00e4"'],
    ['a quote', 'https://93.184.215.14/a"b', '"\\""'],
    ['a backslash', 'https:\\\\93.184.215.14\\x', '"\\\\"'],
    ['braces', 'https://93.184.215.14/{x}', '"{"'],
    ['a stray %', 'https://93.184.215.14/100%', '"%"'],
  ])('refuses a URL that is not a URI (%s) with 422 naming the character, on create and on PATCH', async (_name, url, named) => {
    const res = await s.call('POST', '/v1/subscriptions', { url, events: ['*'] });
    expect(res).toMatchObject({ status: 422, json: { code: 'url_not_allowed' } });
    expect(res.json.detail).toContain(`holds ${named}`);
    const created = await s.call('POST', '/v1/subscriptions', { url: 'https://93.184.215.14/%C3%A4?q=a+b&r=(1)', events: ['*'] });
    expect(created.status).toBe(201);
    expect((await s.call('PATCH', `/v1/subscriptions/${created.json.id}`, { url })).status).toBe(422);
  });

  it.each(refused)('refuses a PATCH of the URL to %s the same way, and keeps the URL it had', async (_name, url) => {
    // A public literal address: accepted without a DNS lookup.
    const publicUrl = 'https://93.184.215.14/hook';
    const created = await s.call('POST', '/v1/subscriptions', { url: publicUrl, events: ['*'] });
    expect(created.status).toBe(201);
    const res = await s.call('PATCH', `/v1/subscriptions/${created.json.id}`, { url });
    expect(res).toMatchObject({ status: 422, json: { code: 'url_not_allowed' } });
    expect((await s.call('GET', `/v1/subscriptions/${created.json.id}`)).json.url).toBe(publicUrl);
  });
});
