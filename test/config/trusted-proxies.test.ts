import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';

const read = (value: string | undefined) => loadConfig(value === undefined ? {} : { HOOKSPEC_TRUSTED_PROXIES: value }).inbound.trustedProxies;
const familyOf = (address: string) => (address.includes(':') ? 'ipv6' : 'ipv4');

describe('HOOKSPEC_TRUSTED_PROXIES', () => {
  it.each([undefined, '', ' , '])('%j: trust nobody', (value) => {
    expect(read(value)).toBeUndefined();
  });

  // [value, { trusts, not }]
  const good: [string, { trusts: string[]; not: string[] }][] = [
    ['127.0.0.1', { trusts: ['127.0.0.1', '::ffff:127.0.0.1'], not: ['127.0.0.2', '::1'] }],
    ['10.0.0.0/8', { trusts: ['10.0.0.0', '10.255.255.255', '::ffff:10.1.2.3'], not: ['11.0.0.1', '9.255.255.255'] }],
    ['192.168.1.7/32', { trusts: ['192.168.1.7'], not: ['192.168.1.8'] }],
    ['0.0.0.0/0', { trusts: ['1.2.3.4', '255.255.255.255'], not: ['2001:db8::1'] }],
    ['2001:db8::/32', { trusts: ['2001:db8::1', '2001:db8:ffff:ffff::1'], not: ['2001:db9::1', '2001:db7:ffff::1', '10.0.0.1'] }],
    ['fd00::/8', { trusts: ['fd12:3456::1'], not: ['fe80::1'] }],
    ['::1', { trusts: ['::1', '0:0:0:0:0:0:0:1'], not: ['::2', '127.0.0.1'] }],
    ['::ffff:127.0.0.1', { trusts: ['127.0.0.1', '::ffff:127.0.0.1'], not: ['127.0.0.2'] }],
    [' 10.0.0.0/8 , 2001:db8::/32,127.0.0.1 ', { trusts: ['10.1.1.1', '2001:db8::5', '127.0.0.1'], not: ['192.0.2.1', '2001:db9::5'] }],
  ];
  it.each(good)('%j', (value, { trusts, not }) => {
    const list = read(value)!;
    for (const address of trusts) expect(list.check(address, familyOf(address)), address).toBe(true);
    for (const address of not) expect(list.check(address, familyOf(address)), address).toBe(false);
  });

  const bad = ['localhost', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8.5', '10.0.0.0/8/8', '/8', '300.1.1.1', '10.0.0', '[::1]', '10.0.0.1:80', '2001:db8::g'];
  it.each(bad)('%j: one line naming the variable and the entry position', (entry) => {
    const run = () => read(`127.0.0.1, ${entry}`);
    expect(run).toThrow(new Error(`HOOKSPEC_TRUSTED_PROXIES entry 2 must be an IP address or a CIDR range like 10.0.0.0/8 or 2001:db8::/32 (got "${entry}")`));
  });
});
