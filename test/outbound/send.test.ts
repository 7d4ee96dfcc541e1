import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryHttpClient } from '../../src/outbound/send.js';
import { startSubscriber, type Subscriber } from './support.js';

/** The sender on its own: the response cut, the draining limit and the whole-attempt timeout. */
describe('DeliveryHttpClient', () => {
  let subscriber: Subscriber | undefined;
  let client: DeliveryHttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await subscriber?.close();
  });

  it('keeps 4 KB of a response far past the drain limit, and the next attempt still goes through', async () => {
    subscriber = await startSubscriber((_req, res, n) => res.end(n === 1 ? 'é'.repeat(100_000) : 'ok'));
    client = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 1, timeoutMs: 2000 });
    const first = await client.post(subscriber.url, {}, '{}');
    expect(first).toMatchObject({ status: 200, error: null });
    expect(Buffer.byteLength(first.body!)).toBeLessThanOrEqual(4096);
    expect(first.body!.startsWith('éé')).toBe(true);
    const second = await client.post(subscriber.url, {}, '{}');
    expect(second).toMatchObject({ status: 200, body: 'ok', error: null });
  });

  it('keeps at most 4 KB in bytes of a body that is not UTF-8, where each bad byte decodes to 3', async () => {
    subscriber = await startSubscriber((_req, res) => res.end(Buffer.alloc(10_000, 0xff)));
    client = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 1, timeoutMs: 2000 });
    const { body } = await client.post(subscriber.url, {}, '{}');
    expect(Buffer.byteLength(body!)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(body!)).toBeGreaterThan(4000);
    expect(body!.startsWith('\uFFFD')).toBe(true);
  });

  it('times out a body that keeps trickling in, though no single gap reaches the timeout', async () => {
    subscriber = await startSubscriber((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(drip));
    });
    client = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 1, timeoutMs: 300 });
    const started = Date.now();
    const result = await client.post(subscriber.url, {}, '{}');
    expect(result).toMatchObject({ status: null, errorKind: 'timeout', error: 'timed out after 300 ms' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a wall clock stepped back does not time attempts out at once (the deadline runs on a monotonic clock)', async () => {
    subscriber = await startSubscriber((req, res) => (req.url?.endsWith('/hang') ? undefined : res.end('ok')));
    client = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 4, timeoutMs: 300 });
    expect(await client.post(`${subscriber.url}/hang`, {}, '{}')).toMatchObject({ errorKind: 'timeout' });
    const realNow = Date.now;
    const stepBack = realNow() - 2_000;
    Date.now = () => stepBack;
    try {
      const after = await Promise.all(Array.from({ length: 5 }, () => client!.post(subscriber!.url, {}, '{}')));
      expect(after.map((a) => a.errorKind)).toEqual([null, null, null, null, null]);
    } finally {
      Date.now = realNow;
    }
  });

  it('sends the given headers and the body as given', async () => {
    subscriber = await startSubscriber();
    client = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 1, timeoutMs: 2000 });
    await client.post(subscriber.url, { 'webhook-id': 'msg_1' }, '{"a":1}');
    expect(subscriber.received[0]).toMatchObject({ id: 'msg_1', body: '{"a":1}', payload: { a: 1 } });
  });
});
