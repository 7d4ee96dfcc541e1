import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storeUnavailableReason } from '../../src/store/unavailable.js';
import { postgresBaseUrl } from '../support/postgres.js';
import { makeTempDir } from '../support/temp-dir.js';

/** The error a call throws, to classify what the driver really produced. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

describe('storeUnavailableReason: a 503 to retry, or a bug', () => {
  it('a SQLite write lock held by another connection (SQLITE_BUSY) is "busy"; a constraint violation is a bug', async () => {
    const tmp = makeTempDir();
    const a = new Database(`${tmp.dir}/db`);
    const b = new Database(`${tmp.dir}/db`);
    try {
      a.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      b.pragma('busy_timeout = 0');
      a.exec('BEGIN IMMEDIATE');
      expect(storeUnavailableReason(await thrown(() => b.exec('INSERT INTO t VALUES (1)')))).toBe('the database is busy with other writes');
      a.exec('INSERT INTO t VALUES (1); COMMIT');
      expect(storeUnavailableReason(await thrown(() => a.exec('INSERT INTO t VALUES (1)')))).toBeUndefined();
    } finally {
      a.close();
      b.close();
      tmp.cleanup();
    }
  });

  it('a refused PostgreSQL connection is "cannot be reached"; an SQL error is a bug', async () => {
    const refused = new pg.Client({ host: '127.0.0.1', port: 1, user: 'x', database: 'x' });
    expect(storeUnavailableReason(await thrown(() => refused.connect()))).toBe('the database server cannot be reached');
    const base = postgresBaseUrl();
    if (!base) return;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      expect(storeUnavailableReason(await thrown(() => client.query('SELECT * FROM no_such_table_here')))).toBeUndefined();
    } finally {
      await client.end();
    }
  });

  it('PostgreSQL SQLSTATEs: out of connections, shut down, serialization; a wrapped cause counts', () => {
    const pgError = (code: string) => Object.assign(new Error('from the server'), { code, severity: 'FATAL' });
    expect(storeUnavailableReason(pgError('53300'))).toBe('the database server is out of resources (memory or connections)');
    expect(storeUnavailableReason(pgError('53100'))).toBe('the disk is full');
    expect(storeUnavailableReason(pgError('57P01'))).toBe('the database server cannot be reached');
    expect(storeUnavailableReason(pgError('40001'))).toBe('the database is busy with other writes');
    expect(storeUnavailableReason(pgError('23505'))).toBeUndefined();
    expect(storeUnavailableReason(new Error('claim failed', { cause: pgError('08006') }))).toBe('the database server cannot be reached');
    expect(storeUnavailableReason(new TypeError('x is undefined'))).toBeUndefined();
    expect(storeUnavailableReason(undefined)).toBeUndefined();
  });
});
