import { close, closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readdirSync, readSync, unlinkSync, writev } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BodyLostError } from '../inbound-store.js';

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
}

/**
 * Append-only files for raw inbound bodies, beside the SQLite file. SQLite writes every page twice (WAL, then the
 * checkpoint) and a multi-KB body spans several overflow pages; a body appended here costs one copy into the page
 * cache, shared by the whole group-commit batch (one writev). Bodies are written before their rows commit, so a row
 * never points at bytes not yet written; a crash in between leaves only unreferenced bytes.
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

  constructor(readonly dir: string, options: BodyLogOptions = {}) {
    this.maxBytes = options.maxSegmentBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = options.maxSegmentAgeMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
    mkdirSync(dir, { recursive: true });
    this.syncTimer = setInterval(() => this.flush(), SYNC_INTERVAL_MS).unref();
  }

  /**
   * Appends the bodies in one write on libuv's pool (the copy into the page cache stays off the event loop) and
   * resolves with where each went. The byte range is reserved at once, so appends in flight never overlap. Rejects
   * if the write fails; nothing written then is referenced, and later bodies go to a fresh segment.
   */
  async append(bodies: readonly Buffer[]): Promise<BodyRef[]> {
    const segment = this.writable();
    const start = segment.size;
    const refs: BodyRef[] = [];
    let offset = start;
    for (const body of bodies) {
      refs.push({ segment: segment.id, offset, length: body.length, crc: crc32(body) });
      offset += body.length;
    }
    const total = offset - start;
    segment.size = offset;
    segment.writing++;
    try {
      let written = 0;
      // writev may write less than asked (disk full); finish the rest or fail.
      while (written < total) {
        const n = await writeAt(segment.fd, written === 0 ? bodies : remaining(bodies, written), start + written);
        if (n === 0) throw new Error('short write');
        written += n;
      }
    } catch (err) {
      // The tail of this segment is now unknown: later bodies go to a fresh one.
      if (this.current === segment) this.seal();
      throw err;
    } finally {
      segment.writing--;
      if (segment.sealed && segment.writing === 0) syncAndCloseLater(segment.fd);
    }
    this.unsynced = true;
    return refs;
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
        const fd = openSync(this.pathOf(id), 'wx');
        this.current = { id, fd, size: 0, writing: 0, sealed: false };
        return this.current;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        id += ID_SALT_RANGE;
      }
    }
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
    if (segment.writing === 0) syncAndCloseLater(segment.fd);
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
