import { statfs } from 'node:fs/promises';
import type { ReadinessCheck } from './readiness.js';

const MIB = 1024 * 1024;

/** Bytes free to this process's user (not root's reserve) on the disk holding `directory`. */
export async function freeBytes(directory: string): Promise<number> {
  const { bavail, bsize } = await statfs(directory);
  return bavail * bsize;
}

/**
 * The disk the database writes to has at least `minFreeMib` MiB free. Readiness turns before writes start failing
 * (a full disk makes every receiver answer 503), and turns back on its own once space is freed; a check on the
 * last write's outcome would not, since a process taken out of rotation gets no writes to succeed with.
 */
export function diskSpaceCheck(directory: string, minFreeMib: number): ReadinessCheck {
  return {
    name: 'disk',
    async run() {
      // The directory stays out of the messages: /readyz answers without a key.
      const free = await freeBytes(directory).catch((err: NodeJS.ErrnoException) => {
        throw new Error(`the free space of the database's disk cannot be read (${err.code ?? 'error'})`);
      });
      if (free < minFreeMib * MIB) throw new Error(`${(free / MIB).toFixed(1)} MiB free on the database's disk, below HOOKSPEC_READY_MIN_FREE_MB=${minFreeMib}`);
    },
  };
}
