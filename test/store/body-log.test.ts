import { execFileSync } from 'node:child_process';
import { appendFileSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyLostError } from '../../src/store/inbound-store.js';
import { BodyLog, type BodyLogOptions, type BodyRef } from '../../src/store/sqlite/body-log.js';
import { DIRECT_IO_ALIGNMENT, STAGING_BYTES } from '../../src/store/sqlite/direct-io.js';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite/database.js';
import { createSqliteInboundStore } from '../../src/store/sqlite/inbound-store.js';
import { createSqliteRetentionStore } from '../../src/store/sqlite/retention.js';
import { inboundDelivery as delivery } from '../support/inbound-delivery.js';
import { openFlags } from '../support/open-flags.js';
import { makeTempDir } from '../support/temp-dir.js';

const HOUR = 60 * 60 * 1000;

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
beforeEach(() => {
  tmp = makeTempDir('hookspec-bodylog-');
  dir = join(tmp.dir, 'hookspec.db.bodies');
});
afterEach(() => tmp.cleanup());

const segments = () => readdirSync(dir).filter((f) => f.endsWith('.body')).sort();
const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);

// Direct writes start every batch at a 4 KiB boundary: with bodies of whole 4 KiB units, both modes lay out alike.
describe.each([
  { mode: 'through the page cache', directIo: false, unit: 1 },
  { mode: 'with O_DIRECT', directIo: true, unit: DIRECT_IO_ALIGNMENT },
])('BodyLog, writing $mode', ({ directIo, unit }) => {
  const newLog = (options: BodyLogOptions = {}) => new BodyLog(dir, { directIo, ...options });

  it('writes in the mode asked for', () => {
    const log = newLog();
    expect(log.writesDirect).toBe(directIo);
    log.close();
  });

  it('gives back every body of a batch byte for byte, empty and binary ones included', async () => {
    const log = newLog();
    const bodies = [Buffer.from('{"a":1}'), Buffer.alloc(0), Buffer.from([0, 255, 0xe9, 10]), bytes(70_000, 7)];
    const refs = await log.append(bodies);
    expect(refs.map((r) => r.offset)).toEqual([0, 7, 7, 11]);
    refs.forEach((ref, i) => expect(log.read(ref).equals(bodies[i]!)).toBe(true));
    log.close();
  });

  it('never appends to a segment another instance (process) created, and reads across instances', async () => {
    const first = newLog();
    const a = (await first.append([Buffer.from('first')]))[0]!;
    const second = newLog();
    const b = (await second.append([Buffer.from('second')]))[0]!;
    expect(b.segment).not.toBe(a.segment);
    expect(second.read(a).toString()).toBe('first');
    expect(first.read(b).toString()).toBe('second');
    first.close();
    second.close();
    // After a restart the old refs still read.
    const reopened = new BodyLog(dir);
    expect(reopened.read(a).toString()).toBe('first');
    reopened.close();
  });

  it('starts a new segment when the current one is full or too old', async () => {
    let now = 1_800_000_000_000;
    const log = newLog({ maxSegmentBytes: 100 * unit, maxSegmentAgeMs: HOUR, now: () => now });
    const [a] = await log.append([bytes(60 * unit, 1)]);
    const [b] = await log.append([bytes(60 * unit, 2)]); // 60 < 100: same segment
    const [c] = await log.append([bytes(10 * unit, 3)]); // 120 ≥ 100: new segment
    now += HOUR + 10;
    const [d] = await log.append([bytes(10 * unit, 4)]); // over an hour old: new segment
    expect(a!.segment).toBe(b!.segment);
    expect(new Set([b!.segment, c!.segment, d!.segment]).size).toBe(3);
    expect(segments()).toHaveLength(3);
    expect(log.read(c!).equals(bytes(10 * unit, 3))).toBe(true);
    log.close();
  });

  it('appends still in flight never overlap, and a segment sealed under them is closed only once they are written', async () => {
    const log = newLog({ maxSegmentBytes: 100 * unit });
    const bodies = [bytes(60 * unit, 1), bytes(60 * unit, 2), bytes(10 * unit, 3), bytes(5 * unit, 4)];
    // Not awaited one by one: the second reserves its range while the first is on the pool, the third seals
    // the segment under both, and close() comes while the fourth is still being written.
    const pending = bodies.map((body) => log.append([body]));
    log.close();
    const refs = (await Promise.all(pending)).map(([ref]) => ref!);
    expect(refs.map((r) => [r.offset / unit, r.length / unit])).toEqual([[0, 60], [60, 60], [0, 10], [10, 5]]);
    expect(refs[1]!.segment).toBe(refs[0]!.segment);
    expect(refs[2]!.segment).not.toBe(refs[0]!.segment);
    const reader = new BodyLog(dir);
    refs.forEach((ref, i) => expect(reader.read(ref).equals(bodies[i]!)).toBe(true));
    reader.close();
  });

  it('detects a damaged, truncated or missing body instead of returning wrong bytes', async () => {
    const log = newLog();
    const [ref] = (await log.append([Buffer.from('{"important":true}')])) as [BodyRef];
    log.close();
    const file = join(dir, segments()[0]!);
    const flipped = readFileSync(file);
    flipped[3] = flipped[3]! ^ 1;
    writeFileSync(file, flipped);
    const reader = new BodyLog(dir);
    expect(() => reader.read(ref)).toThrow(BodyLostError);
    expect(() => reader.read(ref)).toThrow(/CRC mismatch/);
    reader.close();
    truncateSync(file, 5);
    expect(() => new BodyLog(dir).read(ref)).toThrow(/ends early/);
    unlinkSync(file);
    expect(() => new BodyLog(dir).read(ref)).toThrow(/segment file is missing/);
  });

  it('drops only segments that are old, unreferenced and not being written', async () => {
    let now = 1_800_000_000_000;
    const log = newLog({ maxSegmentAgeMs: HOUR, now: () => now });
    const [old] = await log.append([Buffer.from('old, still referenced')]);
    now += 1;
    const other = newLog({ now: () => now });
    const [gone] = await other.append([Buffer.from('old, unreferenced')]);
    other.close();
    now += 3 * HOUR;
    const [young] = await log.append([Buffer.from('young')]);
    appendFileSync(join(dir, 'README'), 'not a segment');
    const referenced = new Set([old!.segment]);
    expect(log.dropUnreferenced((s) => referenced.has(s))).toBe(1);
    expect(segments()).toEqual([`${old!.segment}.body`, `${young!.segment}.body`].sort());
    expect(segments()).not.toContain(`${gone!.segment}.body`);
    // The segment being written is kept even when nothing references it yet.
    now += 3 * HOUR;
    expect(log.dropUnreferenced(() => false)).toBe(1);
    expect(segments()).toEqual([`${young!.segment}.body`]);
    expect(existsSync(join(dir, 'README'))).toBe(true);
    log.close();
  });
});

describe('BodyLog on a full disk', () => {
  it('leaves no empty segment behind for each batch refused while the disk is full', async (ctx) => {
    // A real full filesystem: a 1 MiB tmpfs (root only; skipped elsewhere).
    const small = join(tmp.dir, 'small');
    mkdirSync(small);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      ctx.skip();
    }
    try {
      const log = new BodyLog(join(small, 'bodies'), { directIo: false });
      let refused = 0;
      for (let i = 0; i < 40; i++) {
        await log.append([bytes(100_000, i)]).catch(() => refused++);
      }
      expect(refused).toBeGreaterThan(25);
      // The refused segments are closed and deleted on libuv's pool.
      await new Promise((r) => setTimeout(r, 100));
      const files = readdirSync(join(small, 'bodies')).filter((f) => f.endsWith('.body'));
      // The segments that took bodies before the disk filled, not one more file per refused batch.
      expect(files.length).toBeLessThanOrEqual(2);
      log.close();
    } finally {
      execFileSync('umount', ['-l', small], { stdio: 'ignore' });
    }
  });
});

describe('BodyLog with O_DIRECT', () => {
  it('opens segments with O_DIRECT, starts each batch at a 4 KiB boundary and pads with zeros', async () => {
    const log = new BodyLog(dir, { directIo: true });
    const first = await log.append([bytes(5000, 1), bytes(3, 2)]);
    const second = await log.append([bytes(10, 3)]);
    expect(first.map((r) => r.offset)).toEqual([0, 5000]);
    expect(second[0]!.offset).toBe(2 * DIRECT_IO_ALIGNMENT);
    const file = join(dir, segments()[0]!);
    expect(openFlags(file)! & constants.O_DIRECT).toBe(constants.O_DIRECT);
    const raw = readFileSync(file);
    expect(raw.length).toBe(3 * DIRECT_IO_ALIGNMENT);
    expect(raw.subarray(5003, 2 * DIRECT_IO_ALIGNMENT).every((b) => b === 0)).toBe(true);
    expect(log.read(second[0]!).equals(bytes(10, 3))).toBe(true);
    log.close();
  });

  it('writes a batch larger than its staging buffer in several writes, every body intact', async () => {
    const log = new BodyLog(dir, { directIo: true });
    // Odd sizes, so bodies straddle the staging buffer's end.
    const bodies = [STAGING_BYTES - 7, 13, STAGING_BYTES + 4099, 1].map((n, i) => Buffer.from(Array.from({ length: n }, (_, j) => (i * 31 + j) % 251)));
    const refs = await log.append(bodies);
    refs.forEach((ref, i) => expect(log.read(ref).equals(bodies[i]!)).toBe(true));
    const [after] = await log.append([Buffer.from('next')]);
    expect(after!.offset % DIRECT_IO_ALIGNMENT).toBe(0);
    expect(after!.offset).toBeGreaterThanOrEqual(refs[3]!.offset + 1);
    expect(log.read(after!).toString()).toBe('next');
    log.close();
  });

  it('keeps batches written at the same time apart, each from its own staging buffer', async () => {
    const log = new BodyLog(dir, { directIo: true });
    const batches = Array.from({ length: 6 }, (_, i) => [bytes(9000 + i, i + 1), bytes(100, 200 - i)]);
    const refs = await Promise.all(batches.map((batch) => log.append(batch)));
    const starts = refs.map((r) => r[0]!.offset);
    expect(new Set(starts).size).toBe(6);
    expect(starts.every((o) => o % DIRECT_IO_ALIGNMENT === 0)).toBe(true);
    refs.forEach((r, i) => r.forEach((ref, j) => expect(log.read(ref).equals(batches[i]![j]!)).toBe(true)));
    log.close();
  });

  // Linux 6.6+ lets tmpfs take O_DIRECT; older kernels refuse it at open, and the log then writes buffered.
  it('works on tmpfs whichever way its kernel answers O_DIRECT, and leaves no probe file behind', async (ctx) => {
    ctx.skip(!existsSync('/dev/shm'), 'no tmpfs at /dev/shm');
    const shm = mkdtempSync('/dev/shm/hookspec-bodylog-');
    try {
      const log = new BodyLog(shm, { directIo: true });
      const refs = await log.append([Buffer.from('a'), Buffer.from('bc')]);
      const [next] = await log.append([Buffer.from('d')]);
      expect(refs.map((r) => r.offset)).toEqual([0, 1]);
      expect(next!.offset).toBe(log.writesDirect ? DIRECT_IO_ALIGNMENT : 3);
      expect([...refs, next!].map((ref) => log.read(ref).toString())).toEqual(['a', 'bc', 'd']);
      expect(readdirSync(shm).filter((f) => f.startsWith('.direct-io-probe'))).toEqual([]);
      log.close();
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });
});

describe('SQLite inbound store with a body log', () => {
  let db: SqliteDatabase;
  beforeEach(() => (db = openSqlite(join(tmp.dir, 'hookspec.db'))));
  afterEach(() => db.close());

  it('keeps the body in a segment, not in SQLite, and every read path returns it unchanged', async () => {
    const log = new BodyLog(dir);
    const store = createSqliteInboundStore(db, log);
    const rows = [delivery(), delivery()];
    expect(await store.insertDeliveries(rows)).toEqual(rows.map((r) => ({ id: r.id, duplicate: false })));
    expect(db.prepare('SELECT COUNT(*) FROM inbound_bodies').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM inbound_deliveries WHERE body_segment IS NOT NULL').pluck().get()).toBe(2);
    expect((await store.getDelivery(rows[0]!.id))!.body!.equals(rows[0]!.body)).toBe(true);
    // The list leaves bodies out but gives their size, read from the row without touching the segment.
    const listed = await store.listDeliveries({ limit: 10 });
    expect(listed.map((r) => [r.id, r.bodySize])).toEqual(rows.map((r) => [r.id, r.body.length]).reverse());
    expect(listed[0]).not.toHaveProperty('body');
    const claimed = await store.claimDeliveries([rows[1]!.id], 'test', Date.now() + 60_000, Date.now());
    expect(claimed[0]!.body.equals(rows[1]!.body)).toBe(true);
    log.close();
  });

  it('still reads bodies stored in the table before the body log existed', async () => {
    const legacy = delivery();
    await createSqliteInboundStore(db).insertDeliveries([legacy]);
    const log = new BodyLog(dir);
    const store = createSqliteInboundStore(db, log);
    expect((await store.getDelivery(legacy.id))!.body!.equals(legacy.body)).toBe(true);
    log.close();
  });

  it('answers a repeated delivery id as a duplicate and keeps the first body', async () => {
    const log = new BodyLog(dir);
    const store = createSqliteInboundStore(db, log);
    const first = delivery();
    const again = { ...delivery({ deliveryId: first.deliveryId }), body: Buffer.from('{"other":true}') };
    expect(await store.insertDeliveries([first, again])).toEqual([{ id: first.id, duplicate: false }, { id: first.id, duplicate: true }]);
    expect((await store.getDelivery(first.id))!.body!.equals(first.body)).toBe(true);
    log.close();
  });

  it('retention deletes a segment file once its last delivery is pruned', async () => {
    let now = Date.now();
    const log = new BodyLog(dir, { maxSegmentAgeMs: HOUR, now: () => now });
    const store = createSqliteInboundStore(db, log);
    const retention = createSqliteRetentionStore(db, log);
    const done = delivery({ status: 'processed', receivedAt: new Date(now - 40 * 24 * HOUR).toISOString() });
    const open = delivery({ status: 'received', receivedAt: new Date(now - 40 * 24 * HOUR).toISOString() });
    await store.insertDeliveries([done]);
    now += 2 * HOUR; // the next batch goes to a new segment
    await store.insertDeliveries([open]);
    expect(segments()).toHaveLength(2);
    now += 3 * HOUR;
    const cutoff = new Date(now - 30 * 24 * HOUR);
    expect(await retention.pruneInbound(cutoff, 500)).toBe(1);
    // The processed delivery's segment is gone; the unfinished one's stays, and its body still reads.
    expect(segments()).toHaveLength(1);
    expect((await store.getDelivery(open.id))!.body!.equals(open.body)).toBe(true);
    log.close();
  });
});
