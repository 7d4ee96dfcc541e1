import { statfs } from 'node:fs/promises';
import type { ReadinessCheck } from './readiness.js';

const MIB = 1024 * 1024;

/**
 * The disk the database writes to has at least `minFreeMib` MiB free. Readiness turns before writes start failing
 * (a full disk makes every receiver answer 503), and turns back on its own once space is freed; a check on the
 * last write's outcome would not, since a process taken out of rotation gets no writes to succeed with.
 */
export function diskSpaceCheck(directory: string, minFreeMib: number): ReadinessCheck {
  return {
    name: 'disk',
    async run() {
      const { bavail, bsize } = await statfs(directory);
      const free = bavail * bsize;
      // The directory stays out of the message: /readyz answers without a key.
      if (free < minFreeMib * MIB) throw new Error(`${(free / MIB).toFixed(1)} MiB free on the database's disk, below HOOKSPEC_READY_MIN_FREE_MB=${minFreeMib}`);
    },
  };
}
