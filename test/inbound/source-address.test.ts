import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { MAX_REMEMBERED_ADDRESSES, sourceAddressOf } from '../../src/inbound/source-address.js';

const trusted = (list: string) => loadConfig({ HOOKSPEC_TRUSTED_PROXIES: list }).inbound.trustedProxies;
/** What the source is read from: the socket peer and the headers, as node hands them over. */
const requestFrom = (peer: string | undefined, xff?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

// [name, { proxies, peer, xff, want }]
const table: [string, { proxies: string; peer: string | undefined; xff?: string | string[]; want: string }][] = [
  ['no proxies configured: the header is not read', { proxies: '', peer: '127.0.0.1', xff: '203.0.113.7', want: '127.0.0.1' }],
  ['no proxies configured, no socket address', { proxies: '', peer: undefined, want: 'unknown' }],
  ['peer is not a trusted proxy: its header is not believed', { proxies: '127.0.0.1', peer: '192.0.2.1', xff: '203.0.113.7', want: '192.0.2.1' }],
  ['one proxy', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '203.0.113.7', want: '203.0.113.7' }],
  ['spoofed leftmost entry', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '1.2.3.4, 203.0.113.7', want: '203.0.113.7' }],
  ['chain of trusted proxies (CIDR)', { proxies: '127.0.0.1, 10.0.0.0/8', peer: '127.0.0.1', xff: '1.2.3.4, 203.0.113.7, 10.0.0.5, 10.9.9.9', want: '203.0.113.7' }],
  ['every entry trusted: the farthest hop', { proxies: '127.0.0.1, 10.0.0.0/8', peer: '127.0.0.1', xff: '10.0.0.9, 10.0.0.5', want: '10.0.0.9' }],
  ['extra whitespace, no space after commas', { proxies: '10.0.0.0/8', peer: '10.0.0.1', xff: ' 1.2.3.4 ,203.0.113.7 ,10.0.0.5 ', want: '203.0.113.7' }],
  ['repeated headers in their array form', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: ['1.2.3.4', '203.0.113.7'], want: '203.0.113.7' }],
  ['header missing', { proxies: '127.0.0.1', peer: '127.0.0.1', want: '127.0.0.1' }],
  ['header empty', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '', want: '127.0.0.1' }],
  ['garbage', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: 'unknown', want: '127.0.0.1' }],
  ['IPv4 address with a port (Azure Application Gateway)', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '203.0.113.7:4711', want: '203.0.113.7' }],
  ['bracketed IPv6 address', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '[2001:db8::1]', want: '2001:db8::1' }],
  ['bracketed IPv6 address with a port', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '[2001:db8::1]:443', want: '2001:db8::1' }],
  ['trusted hops written with ports and brackets are still recognised', { proxies: '127.0.0.1, 10.0.0.0/8, 2001:db8::/32', peer: '127.0.0.1', xff: '1.2.3.4, 203.0.113.7:50123, [2001:DB8::5]:443, 10.0.0.5:8080', want: '203.0.113.7' }],
  ['IPv6 in upper case', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '2001:DB8::1', want: '2001:db8::1' }],
  ['IPv6 written out in full', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '2001:0db8:0:0:0:0:0:0001', want: '2001:db8::1' }],
  ['IPv4-mapped client is its IPv4 address', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '::ffff:203.0.113.7', want: '203.0.113.7' }],
  ['IPv4-mapped client in hex, bracketed, with a port', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '[::FFFF:cb00:7107]:443', want: '203.0.113.7' }],
  ['an IPv6 zone id is kept, the address before it canonical', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: 'FE80:0::1%eth0', want: 'fe80::1%eth0' }],
  ['a port without an address', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: ':443', want: '127.0.0.1' }],
  ['an IPv4 address with an empty port', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '203.0.113.7:', want: '127.0.0.1' }],
  ['brackets around garbage', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '[junk]:443', want: '127.0.0.1' }],
  ['unclosed bracket', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '[2001:db8::1:443', want: '127.0.0.1' }],
  ['empty last entry', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '203.0.113.7, ', want: '127.0.0.1' }],
  ['only whitespace', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: ' ', want: '127.0.0.1' }],
  ['only a comma', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: ',', want: '127.0.0.1' }],
  ['an IPv6 address with a long zone id (too long to remember) still answers', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: 'fe80::1%' + 'z'.repeat(2000), want: 'fe80::1%' + 'z'.repeat(2000) }],
  ['garbage where the walk stops, behind a real hop', { proxies: '127.0.0.1, 10.0.0.0/8', peer: '127.0.0.1', xff: '203.0.113.7, junk, 10.0.0.5', want: '127.0.0.1' }],
  ['garbage left of the client is never reached', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: 'junk, 203.0.113.7', want: '203.0.113.7' }],
  ['IPv4-mapped peer (dual-stack socket) matches an IPv4 entry', { proxies: '127.0.0.1', peer: '::ffff:127.0.0.1', xff: '203.0.113.7', want: '203.0.113.7' }],
  ['IPv4-mapped entry matches an IPv4 peer', { proxies: '::ffff:127.0.0.1', peer: '127.0.0.1', xff: '203.0.113.7', want: '203.0.113.7' }],
  ['IPv4-mapped hop inside an IPv4 range', { proxies: '127.0.0.1, 10.0.0.0/8', peer: '127.0.0.1', xff: '203.0.113.7, ::ffff:10.0.0.5', want: '203.0.113.7' }],
  ['IPv6 proxy range and IPv6 client', { proxies: '2001:db8::/32', peer: '2001:db8::1', xff: '2001:db9::7, 2001:db8:1::2', want: '2001:db9::7' }],
  ['IPv6 client behind an IPv4 proxy', { proxies: '127.0.0.1', peer: '127.0.0.1', xff: '2001:db9::7', want: '2001:db9::7' }],
  ['IPv6 loopback proxy', { proxies: '::1', peer: '::1', xff: '203.0.113.7', want: '203.0.113.7' }],
];

describe('the source address of a request', () => {
  it.each(table)('%s', (_name, { proxies, peer, xff, want }) => {
    expect(sourceAddressOf(trusted(proxies))(requestFrom(peer, xff))).toBe(want);
  });

  it('every spelling of one client is one key (the flood guard and the audit count it once)', () => {
    const sourceOf = sourceAddressOf(trusted('127.0.0.1'));
    const spellings = ['2001:db8::1', '2001:DB8::1', '2001:db8:0:0:0:0:0:1', '2001:0DB8:0000:0000:0000:0000:0000:0001', '[2001:db8::1]', '[2001:db8::1]:443'];
    expect(new Set(spellings.map((xff) => sourceOf(requestFrom('127.0.0.1', xff))))).toEqual(new Set(['2001:db8::1']));
    const mapped = ['198.51.100.9', '198.51.100.9:1', '::ffff:198.51.100.9', '::FFFF:c633:6409', '0:0:0:0:0:ffff:198.51.100.9', '[::ffff:198.51.100.9]:80'];
    expect(new Set(mapped.map((xff) => sourceOf(requestFrom('127.0.0.1', xff))))).toEqual(new Set(['198.51.100.9']));
  });

  it('one reader keeps its verdicts apart across many requests, also past the remembered addresses', () => {
    const sourceOf = sourceAddressOf(trusted('127.0.0.1, 10.0.0.0/8'));
    const client = (i: number) => `2001:db9::${(i + 1).toString(16)}`;
    for (let i = 0; i <= MAX_REMEMBERED_ADDRESSES; i++) expect(sourceOf(requestFrom('127.0.0.1', `1.2.3.4, ${client(i)}, 10.0.0.5`))).toBe(client(i));
    // Asked again after the oldest verdicts were dropped: the same answers.
    expect(sourceOf(requestFrom('127.0.0.1', `${client(0)}, 10.0.0.5`))).toBe(client(0));
    expect(sourceOf(requestFrom('10.0.0.5', '10.0.0.9'))).toBe('10.0.0.9');
    expect(sourceOf(requestFrom(client(0), '203.0.113.7'))).toBe(client(0));
  });
});
