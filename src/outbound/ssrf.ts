import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { withLookupSlots } from './lookup-slots.js';

/** Why a subscriber URL or address is refused; `reason` is shown to API clients as is. */
export class SsrfError extends Error {
  readonly code = 'ssrf_refused';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SsrfError';
  }
}

/** `…:a.b.c.d` with its IPv4 tail in hex, because ipaddr.js reads `::a.b.c.d` as IPv4-mapped (::ffff:a.b.c.d). */
function hexTail(literal: string): string {
  const colon = literal.lastIndexOf(':');
  const tail = literal.slice(colon + 1);
  if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return literal;
  const [a, b, c, d] = ipaddr.IPv4.parse(tail).octets as [number, number, number, number];
  return `${literal.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * The ipaddr.js range of an address, or `unicast` for a public one. `process` unwraps IPv4-mapped forms; an
 * IPv4-compatible one (::/96, in either spelling: `::7f00:1` or `::127.0.0.1`) is classified here by its IPv4 part,
 * and refused as `ipv4Compatible` even when that part is public.
 */
export function addressRange(address: string): string {
  const literal = address.replace(/^\[|\]$/g, '');
  if (ipaddr.IPv6.isValid(literal)) {
    const v6 = ipaddr.IPv6.parse(hexTail(literal));
    const parts = v6.parts;
    // `::` and `::1` have ipaddr's own names (unspecified, loopback); the rest of ::/96 embeds an IPv4 address.
    const own = v6.range();
    if (parts.slice(0, 6).every((p) => p === 0) && own !== 'unspecified' && own !== 'loopback') {
      const v4 = ipaddr.IPv4.parse(`${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`);
      const range = v4.range();
      return range === 'unicast' ? 'ipv4Compatible' : range;
    }
  }
  return ipaddr.process(literal).range();
}

/** Resolves with nothing when the literal address is a public unicast one, else throws `SsrfError`. */
export function assertPublicAddress(address: string): void {
  let range: string;
  try {
    range = addressRange(address);
  } catch {
    throw new SsrfError(`"${address}" is not an IP address`);
  }
  if (range !== 'unicast') throw new SsrfError(`address ${address} is in a refused range (${range})`);
}

/** Checks the URL shape: http(s), a host, no credentials, a port that can be connected to. */
/** RFC 3986's characters: unreserved, reserved, and % only as the start of a percent-encoded octet. */
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * Refuses a URL that is not a URI (RFC 3986), as the spec's `format: uri` promises: `new URL` would quietly encode
 * `ä` or a quote and turn a backslash into a slash, and the stored text would then fail that format in every answer.
 */
export function assertUriCharacters(raw: string): void {
  if (URI_CHARACTERS.test(raw)) return;
  const bad = [...raw].find((c) => !URI_CHARACTERS.test(c) && c !== '%') ?? '%';
  throw new SsrfError(`the URL holds ${JSON.stringify(bad)}, which a URI (RFC 3986) cannot: percent-encode it${/[^\x00-\x7f]/.test(bad) ? ' (and write a host in punycode, xn--…)' : ''}`);
}

export function assertDeliverableUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SsrfError(`"${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SsrfError(`only http and https URLs are allowed (got ${url.protocol})`);
  if (!url.hostname) throw new SsrfError('the URL has no host');
  if (url.username || url.password) throw new SsrfError('credentials in the URL are not allowed');
  // Nothing listens on port 0: every attempt would fail until the subscription is disabled.
  if (url.port === '0') throw new SsrfError('port 0 cannot receive connections');
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Every lookup of this module, at most MAX_CONCURRENT_LOOKUPS on libuv's pool at once. */
const lookupAll = withLookupSlots((hostname, options, callback) => dnsLookup(hostname, options, callback));

/**
 * A `net.connect` lookup that resolves the host and hands the socket only addresses that passed the check,
 * so the address connected to is the address checked (no DNS-rebinding window).
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : options;
    lookupAll(hostname, { all: true, family: opts.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '');
      const allowed = allowPrivate ? addresses : addresses.filter((a) => isPublic(a.address));
      if (allowed.length === 0) {
        const list = addresses.map((a) => `${a.address} (${safeRange(a.address)})`).join(', ');
        return callback(Object.assign(new SsrfError(`${hostname} resolves only to refused addresses: ${list}`), { errno: 0 }), '');
      }
      if (opts.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/** Resolves a URL's host as the sender will and throws `SsrfError` when it may not be delivered to. */
export async function assertUrlAllowed(raw: string, allowPrivate: boolean): Promise<void> {
  assertUriCharacters(raw);
  const url = assertDeliverableUrl(raw);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return assertPublicAddress(host);
  await new Promise<void>((resolve, reject) => {
    guardedLookup(false)(host, { all: true }, (err) => (err ? reject(err instanceof SsrfError ? err : new SsrfError(`${host} does not resolve (${err.code ?? err.message})`)) : resolve()));
  });
}

function isPublic(address: string): boolean {
  return safeRange(address) === 'unicast';
}

function safeRange(address: string): string {
  try {
    return addressRange(address);
  } catch {
    return 'invalid';
  }
}
