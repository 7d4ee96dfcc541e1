import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** What O_DIRECT asks of a write's buffer address, file offset and length; 4 KiB covers 512 B and 4 KiB devices. */
export const DIRECT_IO_ALIGNMENT = 4096;
/** Bodies are copied into staging buffers of this size and written from there, one write per buffer-full. */
export const STAGING_BYTES = 1024 * 1024;
/** Staging buffers kept for reuse: one per group-commit batch in flight. */
const SPARE_BUFFERS = 4;
/** Allocators align buffers to at least 16 bytes, so only these offsets into a new buffer need trying. */
const ADDRESS_STEP = 16;

export const alignUp = (n: number): number => Math.ceil(n / DIRECT_IO_ALIGNMENT) * DIRECT_IO_ALIGNMENT;

/** Opens a new file for writing with O_DIRECT ('wx': it must not exist yet). */
export function openDirect(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DIRECT, 0o666);
}

/**
 * Staging buffers whose memory is aligned for O_DIRECT. JavaScript cannot see a buffer's address, so each new buffer
 * is probed: a write from offset 0, 16, 32, … into a scratch file (already unlinked) fails with EINVAL until the
 * address is aligned, and the first offset that succeeds is where the buffer starts. Backing stores never move.
 */
export class AlignedBuffers {
  private readonly spare: Buffer[] = [];

  private constructor(private readonly probeFd: number) {}

  /** Undefined when the filesystem refuses O_DIRECT (tmpfs, some network filesystems): write through the page cache. */
  static open(dir: string): AlignedBuffers | undefined {
    const path = join(dir, `.direct-io-probe-${process.pid}`);
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_DIRECT, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EINVAL') return undefined;
      throw err;
    }
    unlinkSync(path);
    const buffers = new AlignedBuffers(fd);
    const first = buffers.acquire();
    if (!first) {
      buffers.close();
      return undefined;
    }
    buffers.release(first);
    return buffers;
  }

  /** A staging buffer of `STAGING_BYTES`, or undefined if no aligned start was found (then write buffered). */
  acquire(): Buffer | undefined {
    const reused = this.spare.pop();
    if (reused) return reused;
    // Zero-filled: the probe writes these bytes to the scratch file.
    const raw = Buffer.alloc(STAGING_BYTES + DIRECT_IO_ALIGNMENT);
    for (let start = 0; start < DIRECT_IO_ALIGNMENT; start += ADDRESS_STEP) {
      try {
        writeSync(this.probeFd, raw, start, DIRECT_IO_ALIGNMENT, 0);
        return raw.subarray(start, start + STAGING_BYTES);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
      }
    }
    return undefined;
  }

  release(buffer: Buffer): void {
    if (this.spare.length < SPARE_BUFFERS) this.spare.push(buffer);
  }

  close(): void {
    closeSync(this.probeFd);
  }
}
