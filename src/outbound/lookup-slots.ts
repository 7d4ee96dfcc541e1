import type { LookupAddress, LookupAllOptions } from 'node:dns';

export type AllLookup = (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * Host lookups on at most this many of libuv's 4 pool threads at once. `dns.lookup` (getaddrinfo) holds a pool
 * thread until the resolver answers or gives up; a subscriber whose name server never answers would otherwise take
 * every thread, and the inbound body log's writes, which run on the same pool, would wait behind it.
 */
export const MAX_CONCURRENT_LOOKUPS = 2;

/** `lookup` with at most `max` calls in flight; the rest wait their turn in order. */
export function withLookupSlots(lookup: AllLookup, max = MAX_CONCURRENT_LOOKUPS): AllLookup {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return (hostname, options, callback) => {
    const start = () => {
      running++;
      lookup(hostname, options, (err, addresses) => {
        release();
        callback(err, addresses);
      });
    };
    if (running < max) start();
    else waiting.push(start);
  };
}
