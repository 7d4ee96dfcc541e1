import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReceiver, createSender, PublishError, WebhookValidationError } from '../../generated/webhooks.js';

const SECRET = `whsec_${Buffer.from('hookspec-test-secret-0123456789').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('another-secret-abcdefghijklmnop').toString('base64')}`;
const NOW = 1_764_300_000_000;

const ping = { type: 'ping', timestamp: '2026-11-28T04:00:00Z', data: { message: 'hello' } };

function signed(payload: unknown, secret = SECRET, at = NOW, id = 'msg_1'): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  const signature = new Webhook(secret).sign(id, new Date(at), body);
  return { headers: { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at / 1000)), 'webhook-signature': signature }, body };
}

describe('receiver SDK (generated/webhooks.ts)', () => {
  const receiver = createReceiver({ secret: SECRET, now: () => NOW });

  it('verifies a delivery signed by the standardwebhooks library and returns the typed event', () => {
    const { headers, body } = signed(ping);
    const result = receiver.verify(headers, Buffer.from(body));
    expect(result).toEqual({ ok: true, id: 'msg_1', timestamp: NOW / 1000, event: ping });
    expect(receiver.verify(new Headers(headers), body).ok).toBe(true);
  });

  it('accepts any of several secrets during a rotation', () => {
    const rotating = createReceiver({ secret: [OTHER_SECRET, SECRET], now: () => NOW });
    const { headers, body } = signed(ping);
    expect(rotating.verify(headers, body).ok).toBe(true);
  });

  it.each([
    ['tampered body', (d: ReturnType<typeof signed>) => ({ ...d, body: d.body.replace('hello', 'hellO') }), 'invalid_signature'],
    ['wrong secret', () => signed(ping, OTHER_SECRET), 'invalid_signature'],
    ['too old', () => signed(ping, SECRET, NOW - 301_000), 'timestamp_out_of_tolerance'],
    ['too far ahead', () => signed(ping, SECRET, NOW + 301_000), 'timestamp_out_of_tolerance'],
    ['no signature header', (d: ReturnType<typeof signed>) => ({ ...d, headers: { ...d.headers, 'webhook-signature': '' } }), 'missing_headers'],
    ['non-numeric timestamp', (d: ReturnType<typeof signed>) => ({ ...d, headers: { ...d.headers, 'webhook-timestamp': '12e3' } }), 'invalid_timestamp'],
    ['garbage signature', (d: ReturnType<typeof signed>) => ({ ...d, headers: { ...d.headers, 'webhook-signature': 'v1,!!! v1, v2,abc v1' } }), 'invalid_signature'],
    ['short signature', (d: ReturnType<typeof signed>) => ({ ...d, headers: { ...d.headers, 'webhook-signature': 'v1,AAAA' } }), 'invalid_signature'],
    ['unknown event type', () => signed({ ...ping, type: 'pong' }), 'unknown_event_type'],
    ['payload breaking the schema', () => signed({ ...ping, data: { message: 7 } }), 'invalid_payload'],
  ] as const)('rejects %s without throwing', (_name, make, code) => {
    const delivery = make(signed(ping));
    const result = receiver.verify(delivery.headers, delivery.body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('reports schema errors with JSON pointers', () => {
    const { headers, body } = signed({ ...ping, data: { message: 7 } });
    const result = receiver.verify(headers, body);
    expect(result).toMatchObject({ ok: false, code: 'invalid_payload', errors: [{ pointer: '/data/message', keyword: 'type' }] });
  });

  it('rejects a signed body that is not JSON', () => {
    const body = 'not json';
    const signature = new Webhook(SECRET).sign('msg_2', new Date(NOW), body);
    const result = receiver.verify({ 'webhook-id': 'msg_2', 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': signature }, body);
    expect(result).toMatchObject({ ok: false, code: 'invalid_json' });
  });

  it('refuses a malformed secret at construction, not at verification', () => {
    expect(() => createReceiver({ secret: 'whsec_' })).toThrow(/base64/);
    // Each of these decoded to some other key (or none), and every delivery failed as invalid_signature.
    for (const secret of ['my-plain-secret', ` ${SECRET}`, SECRET.replace('whsec_', 'WHSEC_'), `${SECRET}junk`]) {
      expect(() => createReceiver({ secret }), secret).toThrow(/whsec_ followed by base64/);
    }
    // Passwords are base64 too; without whsec_ they would be taken for 3- and 6-byte keys, which the server refuses.
    for (const secret of ['nope', 'changeme']) {
      expect(() => createReceiver({ secret }), secret).toThrow(/without whsec_, base64 of at least 24 bytes/);
    }
    expect(() => createReceiver({ secret: [] })).toThrow(/non-empty list/);
    expect(() => createReceiver({ secret: undefined as never })).toThrow(/secret must be/);
    // The prefix is optional and padding may be left out, as in the standardwebhooks library.
    expect(createReceiver({ secret: SECRET.slice('whsec_'.length).replace(/=+$/, ''), now: () => NOW }).verify(signed(ping).headers, signed(ping).body).ok).toBe(true);
  });

  it('refuses a tolerance that is not a number of seconds, instead of turning the replay window off', () => {
    for (const toleranceSeconds of [Number.NaN, -1, Infinity, '300' as never]) {
      expect(() => createReceiver({ secret: SECRET, toleranceSeconds }), String(toleranceSeconds)).toThrow(/toleranceSeconds/);
    }
    expect(createReceiver({ secret: SECRET, toleranceSeconds: 0, now: () => NOW }).verify(signed(ping).headers, signed(ping).body).ok).toBe(true);
  });

  it('reads header names in any case and every value of a repeated signature header', () => {
    const { headers, body } = signed(ping);
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.replace(/(^|-)w|(^|-)[a-z]/g, (m) => m.toUpperCase()), v]));
    expect(Object.keys(shouting)).toContain('Webhook-Signature');
    expect(receiver.verify(shouting, body).ok).toBe(true);
    const repeated = { ...headers, 'webhook-signature': ['v1,AAAA', headers['webhook-signature']!] };
    expect(receiver.verify(repeated, body).ok).toBe(true);
    expect(receiver.verify(null as never, body)).toMatchObject({ ok: false, code: 'missing_headers', authentic: false });
  });

  it('never throws on a header value that is not text (number, object, array of non-strings): a failed verification', () => {
    const { headers, body } = signed(ping);
    const bad: unknown[] = [5, {}, { toString: () => headers['webhook-signature'] }, Object.create(null), [5], [{}], [headers['webhook-signature'], 7], null, true, Symbol('s'), () => 'v1,x'];
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      for (const value of bad) {
        const result = receiver.verify({ ...headers, [name]: value } as never, body);
        expect(result, `${name}: ${String(typeof value)}`).toMatchObject({ ok: false, code: 'missing_headers', authentic: false });
      }
      // And in any case of the name.
      const shouting: Record<string, unknown> = { ...headers, [name.toUpperCase()]: 5 };
      delete shouting[name];
      expect(receiver.verify(shouting as never, body)).toMatchObject({ ok: false, code: 'missing_headers' });
    }
    expect(receiver.verify({ ...headers, 'webhook-signature': 5 } as never, body)).toMatchObject({ message: 'the webhook-signature header is not text' });
    // A Headers look-alike whose get() answers something else than string | null.
    expect(receiver.verify({ get: () => 42 } as never, body)).toMatchObject({ ok: false, code: 'missing_headers' });
    // node's string[] for a repeated header still works.
    expect(receiver.verify({ ...headers, 'webhook-signature': [headers['webhook-signature']!] }, body).ok).toBe(true);
  });

  it('takes the body as a string, Buffer, Uint8Array or ArrayBuffer, and says plainly when given a parsed one', () => {
    const { headers, body } = signed(ping);
    const bytes = new TextEncoder().encode(body);
    expect(receiver.verify(headers, bytes).ok).toBe(true);
    expect(receiver.verify(headers, bytes.buffer).ok).toBe(true);
    for (const parsed of [JSON.parse(body), null, undefined]) {
      expect(() => receiver.verify(headers, parsed as never)).toThrow(/rawBody must be the request body as received.*express\.raw/);
    }
  });

  it('marks a delivery it cannot read but whose signature is valid as authentic, with its id and timestamp', () => {
    const unknown = signed({ ...ping, type: 'pong' });
    expect(receiver.verify(unknown.headers, unknown.body)).toMatchObject({ ok: false, code: 'unknown_event_type', authentic: true, id: 'msg_1', timestamp: NOW / 1000 });
    const drifted = signed({ ...ping, data: { message: 7 } });
    expect(receiver.verify(drifted.headers, drifted.body)).toMatchObject({ ok: false, code: 'invalid_payload', authentic: true, id: 'msg_1' });
    const forged = { ...unknown, headers: { ...unknown.headers, 'webhook-signature': 'v1,AAAA' } };
    expect(receiver.verify(forged.headers, forged.body)).toMatchObject({ ok: false, code: 'invalid_signature', authentic: false });
    expect(receiver.verify(forged.headers, forged.body)).not.toHaveProperty('id');
  });
});

describe('typed sender (generated/webhooks.ts)', () => {
  const received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];
  let status = 201;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        const reply = status < 300 ? { id: 'evt_1', type: 'ping' } : { type: 'urn:x', title: 'Unprocessable', status, detail: 'data is wrong', code: 'invalid' };
        res.writeHead(status, { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' });
        res.end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts { type, data } with the bearer key and idempotency key, returning the created event', async () => {
    received.length = 0;
    const sender = createSender({ baseUrl: `${baseUrl}/`, apiKey: 'secret-key' });
    await expect(sender.publish('ping', { message: 'hi' }, { idempotencyKey: 'idem-1' })).resolves.toEqual({ id: 'evt_1', type: 'ping' });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/events');
    expect(request?.headers.authorization).toBe('Bearer secret-key');
    expect(request?.headers['idempotency-key']).toBe('idem-1');
    expect(JSON.parse(request?.body ?? '')).toEqual({ type: 'ping', data: { message: 'hi' } });
  });

  it('validates data before sending: a wrong payload throws and nothing is sent', async () => {
    received.length = 0;
    const sender = createSender({ baseUrl });
    const bad = { order_id: '' } as unknown as Parameters<typeof sender.publish<'order.created'>>[1];
    const error = await sender.publish('order.created', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookValidationError);
    expect((error as WebhookValidationError).errors.map((e) => e.pointer)).toContain('/data/customer');
    expect(received).toHaveLength(0);
  });

  it('refuses a system event (x-hookspec-system), which only the server emits, before sending', async () => {
    received.length = 0;
    const data = { subscription_id: 'sub_1', url: 'https://example.org/h', reason: 'gone', disabled_at: '2026-11-28T04:00:00Z' };
    const error = await createSender({ baseUrl }).publish('subscription.disabled' as never, data as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('subscription.disabled is emitted by the server itself (x-hookspec-system); it cannot be published');
    expect(received).toHaveLength(0);
  });

  it('turns a problem response into a PublishError carrying the problem', async () => {
    status = 422;
    try {
      const error = await createSender({ baseUrl }).publish('ping', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PublishError);
      expect((error as PublishError).status).toBe(422);
      expect((error as PublishError).message).toContain('data is wrong');
    } finally {
      status = 201;
    }
  });
});

describe('typed sender against a server that misbehaves', () => {
  /** How the next requests are answered, in order; each gets the request's idempotency key. */
  let script: ((req: IncomingMessage, res: import('node:http').ServerResponse) => void)[] = [];
  const keys: (string | undefined)[] = [];
  const methods: (string | undefined)[] = [];
  /** When each request arrived (ms). */
  const times: number[] = [];
  let server: Server;
  let baseUrl: string;
  const created = (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'evt_1', type: 'ping', created_at: '2026-01-01T00:00:00Z' }));
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        keys.push(req.headers['idempotency-key'] as string | undefined);
        methods.push(req.method);
        times.push(Date.now());
        (script.shift() ?? created)(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    script = [];
    keys.length = 0;
    methods.length = 0;
    times.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('retries an answer lost on the way back with the same Idempotency-Key, so the server can tell it is one event', async () => {
    script = [(req) => req.socket.destroy()];
    const event = await createSender({ baseUrl, retryDelayMs: 1 }).publish('ping', { message: 'hi' });
    expect(event.id).toBe('evt_1');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries 503 after its Retry-After, and gives up after the retries with the key to publish again with', async () => {
    // Retry-After: 1 against a 1 ms backoff: the retry waits the second the server asked for.
    script = [(_req, res) => res.writeHead(503, { 'retry-after': '1' }).end()];
    await expect(createSender({ baseUrl, retryDelayMs: 1 }).publish('ping', {})).resolves.toMatchObject({ id: 'evt_1' });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    const unavailable = (_req: IncomingMessage, res: import('node:http').ServerResponse) => res.writeHead(503, { 'retry-after': '0' }).end();
    script = [unavailable, unavailable, unavailable];
    const error = (await createSender({ baseUrl, retries: 2, retryDelayMs: 1 }).publish('ping', {}, { idempotencyKey: 'k-1' }).catch((e: unknown) => e)) as PublishError;
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ status: 503, idempotencyKey: 'k-1', mayHaveBeenSent: true });
    expect(keys.slice(-3)).toEqual(['k-1', 'k-1', 'k-1']);
  });

  it('times an attempt out instead of waiting for a server that never answers', async () => {
    script = [() => undefined];
    const started = Date.now();
    const error = (await createSender({ baseUrl, timeoutMs: 200, retries: 0 }).publish('ping', {}).catch((e: unknown) => e)) as PublishError;
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ status: 0, mayHaveBeenSent: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not follow a redirect (fetch would turn the POST into a GET) nor take a 2xx without an event id as published', async () => {
    script = [(_req, res) => res.writeHead(301, { location: '/v1/events' }).end()];
    expect(await createSender({ baseUrl, retries: 0 }).publish('ping', {}).catch((e: unknown) => e)).toMatchObject({ status: 301 });
    expect(methods).toEqual(['POST']);
    script = [(_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>')];
    expect(await createSender({ baseUrl, retries: 0 }).publish('ping', {}).catch((e: unknown) => e)).toBeInstanceOf(PublishError);
  });

  it('validates what it sends: a value JSON cannot carry is caught before sending, not changed on the way', async () => {
    const sender = createSender({ baseUrl });
    const order = { order_id: 'ord_1', customer: { id: 'cus_1', email: 'a@example.org' }, total: { amount: Infinity, currency: 'EUR' }, line_items: [{ sku: 's', quantity: 1 }] };
    const error = await sender.publish('order.created', order as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookValidationError);
    expect(keys).toHaveLength(0);
  });

  it('retries an answer cut off while its body was being read, and stops waiting out a backoff when aborted', async () => {
    script = [(_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    }];
    await expect(createSender({ baseUrl, retryDelayMs: 1 }).publish('ping', {})).resolves.toMatchObject({ id: 'evt_1' });
    expect(new Set(keys.slice(-2)).size).toBe(1);
    const unavailable = (_req: IncomingMessage, res: import('node:http').ServerResponse) => res.writeHead(503, { 'retry-after': '30' }).end();
    script = [unavailable, unavailable];
    const controller = new AbortController();
    const started = Date.now();
    const pending = createSender({ baseUrl }).publish('ping', {}, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 200);
    expect(await pending).toBeInstanceOf(PublishError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('waits at most 30 s whatever Retry-After asks (an hour here), and an abort ends that wait', async () => {
    script = [(_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end()];
    // The wait is a real timer: watch the delays it is armed with instead of sitting it out.
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    try {
      const controller = new AbortController();
      // The attempt's own timeout (5 s here) is a timer too; the retry's wait is the one of 10 s or more.
      const pending = createSender({ baseUrl, timeoutMs: 5_000 }).publish('ping', {}, { signal: controller.signal }).catch((e: unknown) => e);
      await vi.waitFor(() => expect(delays.filter((ms) => ms >= 10_000)).toEqual([30_000]), { timeout: 5_000 });
      controller.abort();
      expect(await pending).toBeInstanceOf(PublishError);
    } finally {
      spy.mockRestore();
    }
    expect(delays.some((ms) => ms > 30_000)).toBe(false);
  });

  it('refuses at creation a baseUrl that is missing, not a string or not an absolute http(s) URL, naming it', async () => {
    // 'not a url' used to be accepted and every publish reported "no answer, mayHaveBeenSent: true"; undefined threw
    // "Cannot read properties of undefined".
    for (const bad of ['not a url', '', 'localhost:8080', 'ftp://example.org', '/v1']) {
      expect(() => createSender({ baseUrl: bad }), bad).toThrow(/^createSender: baseUrl must be an (absolute http\(s\)|http or https) URL \(got ".*"\)$/);
    }
    for (const bad of [undefined, null, 8080, {}]) {
      expect(() => createSender({ baseUrl: bad as never }), String(bad)).toThrow(/^createSender: baseUrl must be the hookspec server's URL, for example http:\/\/127\.0\.0\.1:8080 \(got (undefined|null|number|object)\)$/);
    }
    expect(() => createSender({ baseUrl, path: 5 as never })).toThrow(/^createSender: path must be a string \(got number\)$/);
    expect(keys).toHaveLength(0);
    // A path prefix and https are fine.
    expect(() => createSender({ baseUrl: 'https://hooks.example.com/prefix/' })).not.toThrow();
    // On a page, a path is relative to it (the documented browser use), as it was before.
    vi.stubGlobal('location', { href: 'https://console.example.com/app/' });
    try {
      expect(() => createSender({ baseUrl: '/hookspec' })).not.toThrow();
      expect(() => createSender({ baseUrl: '' })).not.toThrow();
      expect(() => createSender({ baseUrl: 'javascript:alert(1)' })).toThrow(/must be an http or https URL/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses a baseUrl with a query and an idempotency key that cannot be a header, before sending', async () => {
    expect(() => createSender({ baseUrl: `${baseUrl}/?x=1` })).toThrow(/must not have a query/);
    await expect(createSender({ baseUrl }).publish('ping', {}, { idempotencyKey: 'a b' })).rejects.toThrow(/visible ASCII/);
    await expect(createSender({ baseUrl }).publish('ping', {}, { idempotencyKey: '' })).rejects.toThrow(/visible ASCII/);
    expect(keys).toHaveLength(0);
  });
});
