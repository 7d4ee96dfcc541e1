import { close, closeSync, fdatasync, fdatasyncSync, openSync, readdirSync, readSync, unlink, unlinkSync, write, writev } from 'node:fs';
import { makeDirectories } from '../../fs/make-directories.js';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BodyLostError } from '../inbound-store.js';
import { AlignedBuffers, alignUp, openDirect, STAGING_BYTES } from './direct-io.js';
import { logger } from '../../observability/logger.js';

/** Where one raw body lives: segment file, byte offset, length and CRC-32 (so a torn or missing body is detected). */
export interface BodyRef {
  segment: number;
  offset: number;
  length: number;
  crc: number;
}

export interface BodyLogOptions {
  /** Start a new segment once the current one holds this many bytes. @default 64 MiB */
  maxSegmentBytes?: number;
  /** Start a new segment once the current one is this old, so old segments stop growing and can go. @default 1 h */
  maxSegmentAgeMs?: number;
  now?(): number;
  /** Write with O_DIRECT where the filesystem allows it (see `BodyLog`). @default false */
  directIo?: boolean;
}

const SEGMENT_FILE = /^(\d+)\.body$/;
/**
 * How often appended bytes are flushed to disk (on libuv's pool). Like SQLite's checkpoints (every 10 ms under
 * writes), this bounds what a power cut can take; a killed process loses nothing either way (the page cache has it).
 */
export const SYNC_INTERVAL_MS = 200;
/** Segment ids are creation time in ms × 1000 + a per-process salt: unique across the processes sharing the file. */
const ID_SALT_RANGE = 1000;
const OPEN_READERS = 16;

/** The segment being appended to, or one sealed while a write to it was still in flight. */
interface Segment {
  id: number;
  fd: number;
  /** Bytes written or reserved by a write in flight: the next append's offset. */
  size: number;
  /** Writes in flight; a sealed segment's file is closed when the last one ends. */
  writing: number;
  sealed: boolean;
  /** Opened with O_DIRECT: every write's offset and length are 4 KiB multiples, from an aligned buffer. */
  direct: boolean;
  /** Appends that completed: a segment with none holds nothing any row can point at. */
  appended: number;
}

/**
 * Append-only files for raw inbound bodies, beside the SQLite file. SQLite writes every page twice (WAL, then the
 * checkpoint) and a multi-KB body spans several overflow pages; a body appended here costs one copy into the page
 * cache, shared by the whole group-commit batch (one writev). Bodies are written before their rows commit, so a row
 * never points at bytes not yet written; a crash in between leaves only unreferenced bytes.
 *
 * With `directIo`, writes bypass the page cache (O_DIRECT) where the filesystem allows it: on VMs whose freed memory
 * goes back to the host every new page-cache page is a page fault on the host, and appending 8.5 KB once cost 20-27 µs
 * of CPU through the page cache against ~5 µs direct. But every direct write waits for the device, and under load
 * that cost more: 4.6k against 7.1k req/s in one harness run (bench/RESULTS.md), so it is off by default. Each
 * batch then starts at a 4 KiB boundary, so a segment holds up to 4 KiB of zero padding per batch.
 */
export class BodyLog {
  private current: Segment | undefined;
  /** Whether bytes were appended to the current segment since its last flush. */
  private unsynced = false;
  private readonly syncTimer: NodeJS.Timeout;
  private readonly readers = new Map<number, number>();
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Aligned staging buffers while writing with O_DIRECT; undefined when writing through the page cache. */
  private direct: AlignedBuffers | undefined;

  constructor(readonly dir: string, options: BodyLogOptions = {}) {
    this.maxBytes = options.maxSegmentBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = options.maxSegmentAgeMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
    makeDirectories(dir);
    this.direct = options.directIo === true ? AlignedBuffers.open(dir) : undefined;
    this.syncTimer = setInterval(() => this.flush(), SYNC_INTERVAL_MS).unref();
  }

  /**
   * Appends the bodies, one after the other, in writes on libuv's pool (the copy to the disk or the page cache stays
   * off the event loop) and resolves with where each went. The byte range is reserved at once, so appends in flight
   * never overlap. Rejects if a write fails; nothing written then is referenced, and later bodies go to a fresh segment.
   */
  async append(bodies: readonly Buffer[]): Promise<BodyRef[]> {
    let segment = this.writable();
    let staging: Buffer | undefined;
    if (segment.direct && bodies.some((body) => body.length > 0)) {
      staging = this.direct?.acquire();
      // No aligned buffer after all: a direct segment cannot take buffered writes, so go on in a fresh one.
      if (!staging) {
        this.stopDirectIo(new Error('no aligned staging buffer'));
        this.seal();
        segment = this.writable();
      }
    }
    const start = segment.size;
    const refs: BodyRef[] = [];
    let offset = start;
    for (const body of bodies) {
      refs.push({ segment: segment.id, offset, length: body.length, crc: crc32(body) });
      offset += body.length;
    }
    const total = offset - start;
    // A direct write covers whole 4 KiB blocks, so the next batch starts at the next boundary.
    segment.size = staging ? start + alignUp(total) : offset;
    segment.writing++;
    try {
      if (staging) await writeThrough(staging, segment.fd, bodies, start);
      else await writeAll(segment.fd, bodies, total, start);
      segment.appended++;
    } catch (err) {
      if (staging && (err as NodeJS.ErrnoException).code === 'EINVAL') this.stopDirectIo(err);
      // The tail of this segment is now unknown: later bodies go to a fresh one.
      if (this.current === segment) this.seal();
      throw err;
    } finally {
      if (staging) this.direct?.release(staging);
      segment.writing--;
      if (segment.sealed && segment.writing === 0) this.closeSealed(segment);
    }
    this.unsynced = true;
    return refs;
  }

  /** Whether new segments are written with O_DIRECT. */
  get writesDirect(): boolean {
    return this.direct !== undefined;
  }

  /**
   * Reads one body back, checking its length and CRC. Throws BodyLostError when the bytes are gone for good (segment
   * file missing, too short, CRC mismatch); any other error (EMFILE, EACCES, EIO…) is thrown as it is, to be retried.
   */
  read(ref: BodyRef): Buffer {
    const fd = this.reader(ref);
    const body = Buffer.allocUnsafe(ref.length);
    let got = 0;
    while (got < ref.length) {
      const n = readSync(fd, body, got, ref.length - got, ref.offset + got);
      if (n === 0) throw new BodyLostError(where(ref), 'the segment ends early');
      got += n;
    }
    if (crc32(body) !== ref.crc) throw new BodyLostError(where(ref), 'CRC mismatch');
    return body;
  }

  /**
   * Deletes segments no row references and nobody writes to any more (older than twice the rotation age).
   * `referenced` answers from the database; returns how many segment files were removed.
   */
  dropUnreferenced(referenced: (segment: number) => boolean): number {
    const cutoff = this.now() - 2 * this.maxAgeMs;
    let dropped = 0;
    for (const name of readdirSync(this.dir)) {
      const match = SEGMENT_FILE.exec(name);
      if (!match) continue;
      const id = Number(match[1]);
      if (id === this.current?.id || createdAt(id) >= cutoff || referenced(id)) continue;
      this.closeReader(id);
      unlinkSync(join(this.dir, name));
      dropped++;
    }
    return dropped;
  }

  /** Flushes the segment being written to disk and closes every file (a segment still being written, once written). */
  close(): void {
    clearInterval(this.syncTimer);
    this.direct?.close();
    this.direct = undefined;
    const open = this.current;
    this.current = undefined;
    if (open && open.writing > 0) open.sealed = true;
    else if (open) syncAndClose(open.fd);
    for (const id of [...this.readers.keys()]) this.closeReader(id);
  }

  private writable(): Segment {
    const open = this.current;
    if (open && open.size < this.maxBytes && this.now() - createdAt(open.id) < this.maxAgeMs) return open;
    this.seal();
    let id = this.now() * ID_SALT_RANGE + (process.pid % ID_SALT_RANGE);
    for (;;) {
      try {
        // 'wx': never append to a file another process created with the same id.
        const direct = this.direct !== undefined;
        const fd = direct ? openDirect(this.pathOf(id)) : openSync(this.pathOf(id), 'wx');
        this.current = { id, fd, size: 0, writing: 0, sealed: false, direct, appended: 0 };
        return this.current;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        id += ID_SALT_RANGE;
      }
    }
  }

  /**
   * The filesystem refused a direct write it had let us open (EINVAL), or no aligned buffer could be had: write
   * through the page cache from now on, in a fresh segment. A batch whose write failed is refused (503, and the
   * provider retries); nothing of it is referenced.
   */
  private stopDirectIo(err: unknown): void {
    logger.warn({ err, dir: this.dir }, 'body log: direct writes failed; writing through the page cache from now on');
    this.direct?.close();
    this.direct = undefined;
  }

  /** Flushes the current segment if it has new bytes; an error only means the next flush or seal tries again. */
  private flush(): void {
    if (!this.current || !this.unsynced) return;
    this.unsynced = false;
    fdatasync(this.current.fd, () => undefined);
  }

  /**
   * Stops writing to the current segment; its flush to disk runs on libuv's pool, not the event loop (tens of ms),
   * once the writes still in flight to it are done (closing the fd under them could let a new file take its number).
   */
  private seal(): void {
    const segment = this.current;
    if (!segment) return;
    this.current = undefined;
    segment.sealed = true;
    if (segment.writing === 0) this.closeSealed(segment);
  }

  /**
   * Closes a sealed segment once its writes are done. One that no append completed in (the disk was full from its
   * first write) is deleted: a full disk would otherwise leave an empty file per refused batch, hundreds a second.
   */
  private closeSealed(segment: Segment): void {
    if (segment.appended > 0) return syncAndCloseLater(segment.fd);
    close(segment.fd, () => unlink(this.pathOf(segment.id), () => undefined));
  }

  private reader(ref: BodyRef): number {
    let fd = this.readers.get(ref.segment);
    if (fd !== undefined) return fd;
    try {
      fd = openSync(this.pathOf(ref.segment), 'r');
    } catch (err) {
      // Only a missing file is gone for good; EMFILE, EACCES, EIO… may pass, so they fail this read, not the delivery.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BodyLostError(where(ref), 'the segment file is missing');
      throw err;
    }
    // A few open segments cover nearly every read (recent deliveries); the oldest reader closes first.
    if (this.readers.size >= OPEN_READERS) this.closeReader(this.readers.keys().next().value!);
    this.readers.set(ref.segment, fd);
    return fd;
  }

  private closeReader(id: number): void {
    const fd = this.readers.get(id);
    if (fd === undefined) return;
    this.readers.delete(id);
    closeSync(fd);
  }

  private pathOf(id: number): string {
    return join(this.dir, `${id}.body`);
  }
}

function writeAt(fd: number, buffers: readonly Buffer[], position: number): Promise<number> {
  return new Promise((resolve, reject) => writev(fd, buffers as Buffer[], position, (err, n) => (err ? reject(err) : resolve(n))));
}

/** Writes `total` bytes of `bodies` at `position` through the page cache, in one writev where it can. */
async function writeAll(fd: number, bodies: readonly Buffer[], total: number, position: number): Promise<void> {
  let written = 0;
  // writev may write less than asked (disk full); finish the rest or fail.
  while (written < total) {
    const n = await writeAt(fd, written === 0 ? bodies : remaining(bodies, written), position + written);
    if (n === 0) throw new Error('short write');
    written += n;
  }
}

/** Copies `bodies` through an aligned staging buffer and writes it at `position` (aligned), one write per buffer-full. */
async function writeThrough(staging: Buffer, fd: number, bodies: readonly Buffer[], position: number): Promise<void> {
  let filled = 0;
  for (const body of bodies) {
    for (let from = 0; from < body.length; ) {
      const copied = body.copy(staging, filled, from);
      filled += copied;
      from += copied;
      if (filled === STAGING_BYTES) {
        await writeBlock(fd, staging, STAGING_BYTES, position);
        position += STAGING_BYTES;
        filled = 0;
      }
    }
  }
  if (filled === 0) return;
  const length = alignUp(filled);
  // The padding would otherwise carry the bytes of an earlier batch.
  staging.fill(0, filled, length);
  await writeBlock(fd, staging, length, position);
}

/** One direct write; a short one cannot be finished from an unaligned rest, so it fails the append. */
function writeBlock(fd: number, buffer: Buffer, length: number, position: number): Promise<void> {
  return new Promise((resolve, reject) =>
    write(fd, buffer, 0, length, position, (err, n) => (err ? reject(err) : n === length ? resolve() : reject(new Error(`short write: ${n} of ${length} bytes`)))),
  );
}

function syncAndCloseLater(fd: number): void {
  fdatasync(fd, () => close(fd, () => undefined));
}

function syncAndClose(fd: number): void {
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function where(ref: BodyRef): string {
  return `segment ${ref.segment} offset ${ref.offset} length ${ref.length}`;
}

function createdAt(segment: number): number {
  return Math.floor(segment / ID_SALT_RANGE);
}

/** The part of `bodies` after the first `skip` bytes, for finishing a short write. */
function remaining(bodies: readonly Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const body of bodies) {
    if (skip >= body.length) {
      skip -= body.length;
      continue;
    }
    out.push(skip > 0 ? body.subarray(skip) : body);
    skip = 0;
  }
  return out;
}
