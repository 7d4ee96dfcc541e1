import { chmodSync, readdirSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyLostError } from '../../src/store/inbound-store.js';
import { BodyLog } from '../../src/store/sqlite/body-log.js';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite/database.js';
import { createSqliteInboundStore } from '../../src/store/sqlite/inbound-store.js';
import { inboundDelivery as delivery } from '../support/inbound-delivery.js';
import { makeTempDir } from '../support/temp-dir.js';

// Root opens a file whatever its mode, so chmod 000 proves nothing there.
const root = process.getuid?.() === 0;

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  tmp = makeTempDir('hookspec-bodylog-unreadable-');
  dir = join(tmp.dir, 'hookspec.db.bodies');
  db = openSqlite(join(tmp.dir, 'hookspec.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const segmentFile = () => join(dir, readdirSync(dir).find((f) => f.endsWith('.body'))!);

/** Makes the segment file fail to open with something other than ENOENT; returns how to undo it. */
type Obstruction = (file: string) => () => void;

// [name, { code, obstruct }]
const table: [string, { code: string; obstruct: Obstruction; skip?: boolean }][] = [
  ['permission denied (EACCES)', {
    code: 'EACCES',
    skip: root,
    obstruct: (file) => {
      chmodSync(file, 0o000);
      return () => chmodSync(file, 0o644);
    },
  }],
  ['a symlink loop in its place (ELOOP, also as root)', {
    code: 'ELOOP',
    obstruct: (file) => {
      renameSync(file, `${file}.aside`);
      symlinkSync(file, file);
      return () => {
        unlinkSync(file);
        renameSync(`${file}.aside`, file);
      };
    },
  }],
];

describe('a segment file that cannot be opened for now is not a lost body', () => {
  it.for(table)('%s: the claim skips the row, which stays due; it is not failed and reads once the file opens', async ([, { code, obstruct, skip }], ctx) => {
    ctx.skip(skip === true, 'running as root: file modes do not stop root');
    const log = new BodyLog(dir);
    const store = createSqliteInboundStore(db, log);
    const row = delivery();
    await store.insertDeliveries([row]);
    const undo = obstruct(segmentFile());

    // The claim leaves just this row out (the rest of a batch would go ahead), and the row stays due, untouched.
    expect(await store.claimDeliveries([row.id], 'test', Date.now() + 60_000, Date.now())).toEqual([]);
    expect(await store.listDueDeliveries(Date.now(), 10)).toEqual([row.id]);
    expect(db.prepare('SELECT status, attempts, last_error FROM inbound_deliveries WHERE id = ?').get(row.id))
      .toEqual({ status: 'received', attempts: 0, last_error: null });
    await expect(store.getDelivery(row.id)).rejects.toMatchObject({ code });

    undo();
    expect((await store.getDelivery(row.id))!.body!.equals(row.body)).toBe(true);
    const [claimed] = await store.claimDeliveries([row.id], 'test', Date.now() + 60_000, Date.now());
    expect(claimed!.body.equals(row.body)).toBe(true);
    expect(claimed!.attempts).toBe(1);
    log.close();
  });

  it('a missing segment file is still lost for good: the delivery fails with the reason', async () => {
    const log = new BodyLog(dir);
    const store = createSqliteInboundStore(db, log);
    const row = delivery();
    await store.insertDeliveries([row]);
    unlinkSync(segmentFile());
    expect(await store.claimDeliveries([row.id], 'test', Date.now() + 60_000, Date.now())).toEqual([]);
    expect(await store.getDelivery(row.id)).toMatchObject({ status: 'failed', body: null, bodyLost: expect.stringMatching(/segment file is missing/) });
    log.close();
  });
});
