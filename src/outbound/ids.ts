import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
let lastMs = 0;
let lastRandom = 0n;

/**
 * A prefixed, time-sortable id (`evt_01j…`): 48-bit milliseconds then 80 random bits in Crockford base32,
 * monotonic within the process, so "newest first" and cursors are plain id comparisons.
 */
export function newId(prefix: string): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`);
  } else {
    lastRandom = (lastRandom + 1n) & ((1n << 80n) - 1n);
  }
  return `${prefix}_${encode(BigInt(lastMs), 10)}${encode(lastRandom, 16)}`;
}

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}
