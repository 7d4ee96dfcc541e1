import { randomBytes } from 'node:crypto';

let pool = Buffer.alloc(0);
let offset = 0;
const POOL_SIZE = 8 * 1024;

/** Random hex from a pooled buffer: one getrandom call per ~1000 ids instead of one per request. */
function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/** `in_` + 9 base-36 digits of epoch ms + 16 random hex digits: sorts by time, so cursors are plain ids. */
export function newInboundId(now = Date.now()): string {
  return `in_${now.toString(36).padStart(9, '0')}${randomHex(8)}`;
}
