import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryHttpClient } from '../../src/outbound/send.js';
import { addressRange, assertUrlAllowed, SsrfError } from '../../src/outbound/ssrf.js';
import { startSubscriber, type Subscriber } from './support.js';

/** The guard itself, with private networks NOT allowed (the default). */
describe('SSRF guard', () => {
  const refused: [string, string][] = [
    ['loopback', 'http://127.0.0.1/'],
    ['loopback (other /8 address)', 'http://127.8.9.10/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 172.16/12', 'http://172.20.1.1/'],
    ['private 192.168/16', 'http://192.168.0.10/'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/'],
    ['CGNAT 100.64/10', 'http://100.64.1.1/'],
    ['unspecified', 'http://0.0.0.0/'],
    ['multicast', 'http://224.0.0.1/'],
    ['reserved', 'http://240.0.0.1/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv6 unique local', 'http://[fd00::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped metadata (hex)', 'http://[::ffff:a9fe:a9fe]/'],
    ['IPv4-compatible loopback', 'http://[::7f00:1]/'],
    ['NAT64 of loopback', 'http://[64:ff9b::7f00:1]/'],
    ['NAT64 of cloud metadata', 'http://[64:ff9b::a9fe:a9fe]/'],
    ['6to4 of loopback', 'http://[2002:7f00:1::1]/'],
    ['6to4 of cloud metadata', 'http://[2002:a9fe:a9fe::1]/'],
    ['decimal-encoded loopback', 'http://2130706433/'],
    ['a name resolving to loopback', 'http://localhost/'],
    ['not http(s)', 'ftp://example.com/'],
    ['file URL', 'file:///etc/passwd'],
    // Public, but nothing can listen there: accepted, it failed every attempt until the subscription was disabled.
    ['port 0', 'http://8.8.8.8:0/'],
    ['port 0 written 000', 'https://8.8.8.8:000/hook'],
  ];

  it.each(refused)('refuses %s', async (_name, url) => {
    await expect(assertUrlAllowed(url, false)).rejects.toBeInstanceOf(SsrfError);
  });

  it.each([['8.8.8.8'], ['2606:4700:4700::1111']])('accepts the public address %s', (address) => {
    expect(addressRange(address)).toBe('unicast');
  });

  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::127.0.0.1', 'loopback'],
    // IPv4-compatible (::/96) in both spellings: refused even around a public IPv4 address, as DNS answers spell it.
    ['::8.8.8.8', 'ipv4Compatible'],
    ['::808:808', 'ipv4Compatible'],
    ['::ffff:8.8.8.8', 'unicast'],
  ])('names the range of %s as %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it('lets everything through when private networks are allowed (development)', async () => {
    await expect(assertUrlAllowed('http://127.0.0.1:9/', true)).resolves.toBeUndefined();
  });

  describe('at send time', () => {
    let subscriber: Subscriber | undefined;
    let target: Subscriber | undefined;
    const client = new DeliveryHttpClient({ allowPrivateNetworks: false, connectionsPerOrigin: 2, timeoutMs: 2000 });
    afterEach(async () => {
      await subscriber?.close();
      await target?.close();
    });

    it('refuses a literal private IP without connecting', async () => {
      subscriber = await startSubscriber();
      const result = await client.post(subscriber.url, {}, '{}');
      expect(result).toMatchObject({ status: null, errorKind: 'refused_address' });
      expect(subscriber.received).toHaveLength(0);
    });

    it('refuses a host name that resolves to a private address (checked at connect time)', async () => {
      subscriber = await startSubscriber();
      const url = subscriber.url.replace('127.0.0.1', 'localhost');
      const result = await client.post(url, {}, '{}');
      expect(result).toMatchObject({ status: null, errorKind: 'refused_address' });
      expect(result.error).toMatch(/localhost resolves only to refused addresses/);
      expect(subscriber.received).toHaveLength(0);
    });

    it('does not follow a redirect to a private address', async () => {
      // The redirecting subscriber is reached with the guard lifted; the private target it points at must see nothing.
      target = await startSubscriber();
      subscriber = await startSubscriber((_req, res) => {
        res.writeHead(302, { location: target!.url });
        res.end();
      });
      const open = new DeliveryHttpClient({ allowPrivateNetworks: true, connectionsPerOrigin: 2, timeoutMs: 2000 });
      const result = await open.post(subscriber.url, {}, '{}');
      await open.close();
      expect(result).toMatchObject({ status: 302, location: target.url });
      expect(target.received).toHaveLength(0);
    });
  });
});
