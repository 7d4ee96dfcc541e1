import type { IncomingMessage } from 'node:http';
import { isIP, type BlockList } from 'node:net';

/** Trust verdicts remembered per address; the oldest go first, so many client addresses cannot grow memory. */
export const MAX_REMEMBERED_ADDRESSES = 10_000;

/** Longest textual IP address (IPv6 with an embedded IPv4 part). */
const MAX_ADDRESS_LENGTH = 45;

/** The address a request is counted and audited under (flood guard, refusal audit, a delivery's `source`). */
export type SourceAddressOf = (req: RequestOrigin) => string;

/** What the source is read from: a request, or the head node's parser read of one it refused. */
export type RequestOrigin = Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string } };

/**
 * Without trusted proxies the socket peer is the source, read as before (no header is looked at). Behind them, the
 * source is the client the proxies forwarded for: see {@link forwardedClient}.
 */
export function sourceAddressOf(trustedProxies: BlockList | undefined): SourceAddressOf {
  if (!trustedProxies) return socketAddress;
  const isTrusted = rememberedTrust(trustedProxies);
  return (req) => {
    const peer = socketAddress(req);
    if (!isTrusted(peer)) return peer;
    return forwardedClient(isTrusted, req.headers['x-forwarded-for']) ?? peer;
  };
}

/**
 * Walks `X-Forwarded-For` from right to left and returns the first address that is not a trusted proxy: a client
 * can write anything into the header, only the entries our proxies appended are believed. All entries trusted: the
 * leftmost (the hop farthest out). Missing header, or a non-address where the walk stops: undefined (the caller keeps
 * the socket address). Several headers arrive joined with ", " by node, as RFC 9110 combines them. Entries are read
 * with {@link forwardedAddress}, so one client is one key however its proxy spelled it.
 */
function forwardedClient(isTrusted: (address: string) => boolean, value: string | string[] | undefined): string | undefined {
  // node joins repeated X-Forwarded-For lines itself; the array form is only what the header type allows.
  const header = Array.isArray(value) ? value.join(', ') : value;
  if (!header) return undefined;
  let end = header.length;
  for (;;) {
    const comma = header.lastIndexOf(',', end - 1);
    const entry = forwardedAddress(header.slice(comma + 1, end).trim());
    if (entry === undefined) return undefined;
    if (!isTrusted(entry)) return entry;
    if (comma === -1) return entry;
    end = comma;
  }
}

/** `1.2.3.4:5678`: an IPv4 address and a port, as some proxies (Azure Application Gateway) append their peer. */
const IPV4_WITH_PORT = /^([\d.]+):\d{1,5}$/;
/** `[2001:db8::1]` or `[2001:db8::1]:443`. */
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/;
/** An IPv4-mapped IPv6 address in its canonical spelling (`::ffff:102:304`). */
const MAPPED_IPV4 = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/;

/**
 * One `X-Forwarded-For` entry as the address it names, in one spelling: port and brackets dropped, IPv6 lower-case and
 * compressed, IPv4-mapped IPv6 as the IPv4 address. Undefined for anything that is not an address.
 */
export function forwardedAddress(entry: string): string | undefined {
  const host = IPV4_WITH_PORT.exec(entry)?.[1] ?? BRACKETED.exec(entry)?.[1] ?? entry;
  const family = isIP(host);
  if (family === 4) return host;
  if (family === 6) return canonicalIPv6(host);
  return undefined;
}

/** The WHATWG URL parser writes IPv6 the RFC 5952 way; a zone id (`%eth0`, which it refuses) is kept as sent. */
function canonicalIPv6(address: string): string {
  const zone = address.indexOf('%');
  if (zone !== -1) return canonicalIPv6(address.slice(0, zone)) + address.slice(zone);
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    // Not expected for what isIP accepted; a header must never make the request fail.
    return address.toLowerCase();
  }
  const mapped = MAPPED_IPV4.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1]!, 16);
  const low = parseInt(mapped[2]!, 16);
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/**
 * Whether an address is one of the trusted proxies (false for anything that is not an IP address), remembered:
 * `BlockList.check` builds a native SocketAddress on every call, microseconds on the path of every webhook.
 */
function rememberedTrust(trustedProxies: BlockList): (address: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (address) => {
    let trusted = verdicts.get(address);
    if (trusted !== undefined) return trusted;
    const family = isIP(address);
    if (family === 0) return false;
    trusted = trustedProxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
    // Only plain addresses are remembered: an IPv6 zone id (`%eth0`) may be as long as the header.
    if (address.length > MAX_ADDRESS_LENGTH) return trusted;
    if (verdicts.size >= MAX_REMEMBERED_ADDRESSES) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(address, trusted);
    return trusted;
  };
}

/** Today's source: the socket peer (the proxy itself, when there is one). */
function socketAddress(req: RequestOrigin): string {
  return req.socket.remoteAddress ?? 'unknown';
}
