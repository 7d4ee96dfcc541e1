import { execFileSync } from 'node:child_process';
import { makeTempDir } from './temp-dir.js';

/**
 * A real full disk to fill: a tmpfs of `sizeMb` MiB. Mounting needs root (CAP_SYS_ADMIN), which CI has; elsewhere
 * `mounted` is false and the caller skips its case.
 */
export function mountTinyDisk(prefix: string, sizeMb = 3): { dir: string; mounted: boolean; release: () => void } {
  const mountPoint = makeTempDir(prefix);
  let mounted: boolean;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mountPoint.dir], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
  return {
    dir: mountPoint.dir,
    mounted,
    release: () => {
      if (mounted) execFileSync('umount', ['-l', mountPoint.dir]);
      mountPoint.cleanup();
    },
  };
}
