import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
/** The counter part starts below half its range, so increments within one millisecond cannot overflow it. */
const COUNTER_START_RANGE = 2 ** 39;

/** Random bytes are drawn this many at a time: one call into the CSPRNG costs ~14 µs between requests, cold. */
const RANDOM_POOL_BYTES = 4096;
const RANDOM_BYTES_PER_MS = 10;

let pool = Buffer.alloc(0);
let poolOffset = 0;
let lastMs = 0;
let randomPart = '';
let counter = 0;

/**
 * A prefixed, time-sortable id (`evt_01j…`, `in_01j…`): 48-bit milliseconds, 40 random bits per millisecond, then a
 * 40-bit counter that starts at a random value and increments, all in Crockford base32 (26 characters).
 * Monotonic within the process, so "newest first" and cursors are plain id comparisons. Shared by every room.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    const bytes = freshRandomBytes();
    randomPart = encode(bytes.readUIntBE(0, 5), 8);
    counter = bytes.readUIntBE(5, 5) % COUNTER_START_RANGE;
  } else {
    counter++;
  }
  return `${prefix}_${encode(lastMs, 10)}${randomPart}${encode(counter, 8)}`;
}

/** The next 10 unused bytes of the pool, refilled once it runs out; each byte is handed out once. */
function freshRandomBytes(): Buffer {
  if (poolOffset + RANDOM_BYTES_PER_MS > pool.length) {
    pool = randomBytes(RANDOM_POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + RANDOM_BYTES_PER_MS);
  poolOffset += RANDOM_BYTES_PER_MS;
  return bytes;
}

/** Base32 of a non-negative integer below 2^53, left-padded to `length` characters. */
function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}
