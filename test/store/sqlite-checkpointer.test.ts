import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_BUSY_INTERVAL_MS, CHECKPOINT_IDLE_INTERVAL_MS, startCheckpointer, type Checkpointer,
} from '../../src/store/sqlite/checkpointer.js';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite/database.js';
import { makeTempDir } from '../support/temp-dir.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the background checkpointer follows the writes', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let checkpointer: Checkpointer;
  let delays: number[];
  let file: string;

  beforeEach(() => {
    tmp = makeTempDir();
    file = join(tmp.dir, 'hookspec.db');
    db = openSqlite(file);
    delays = [];
    checkpointer = startCheckpointer(db, file, { onCheckpoint: (next) => delays.push(next) });
  });
  afterEach(async () => {
    await checkpointer.stop();
    db.close();
    tmp.cleanup();
  });

  /** Resolves once the thread looked twice in a row, after `from`, and found nothing new. */
  async function untilIdle(from = 0): Promise<void> {
    const idle = CHECKPOINT_IDLE_INTERVAL_MS;
    await expect.poll(() => delays.length > from + 1 && delays.at(-1) === idle && delays.at(-2) === idle, { timeout: 5000 }).toBe(true);
  }

  it('looks again after the busy interval while writes go on, and backs off to the idle one once they stop', async () => {
    await untilIdle();
    const insert = db.prepare(
      "INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names) VALUES ('t', 's', 'r', 400, 'w', '[]')",
    );
    const start = delays.length;
    const until = performance.now() + 400;
    while (performance.now() < until) {
      insert.run();
      await sleep(2);
    }
    const whileWriting = delays.slice(start);
    // At the idle interval there would be at most 4 looks in 400 ms. (A look may still find nothing new when this
    // loop's timer runs late, so not every one is busy.)
    expect(whileWriting.length).toBeGreaterThanOrEqual(8);
    expect(whileWriting.filter((d) => d === CHECKPOINT_BUSY_INTERVAL_MS).length).toBeGreaterThan(whileWriting.length / 2);

    await untilIdle(delays.length);
    const settled = delays.length;
    await sleep(3 * CHECKPOINT_IDLE_INTERVAL_MS);
    expect(delays.slice(settled).every((d) => d === CHECKPOINT_IDLE_INTERVAL_MS)).toBe(true);
  });

  it('copies what was written into the database file without the writer checkpointing', async () => {
    await untilIdle();
    const before = statSync(file).size;
    db.exec('CREATE TABLE filler (x BLOB)');
    db.prepare('INSERT INTO filler VALUES (?)').run(Buffer.alloc(512 * 1024, 1));
    // In WAL mode the row is in the database file only once a checkpoint copied it, and the writer's own checkpoint
    // runs only every 10 000 pages.
    await expect.poll(() => statSync(file).size - before, { timeout: 5000 }).toBeGreaterThanOrEqual(512 * 1024);
  });
});
