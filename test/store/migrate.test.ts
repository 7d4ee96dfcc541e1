import { describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/store/open.js';
import { listMigrations as postgresMigrations } from '../../src/store/postgres/database.js';
import { listMigrations as sqliteMigrations } from '../../src/store/sqlite/database.js';
import { DIALECTS } from './dialects.js';

describe('the two dialects ship the same migration versions', () => {
  it('lists the same numbered versions for SQLite and PostgreSQL', () => {
    expect(postgresMigrations().map((m) => m.version)).toEqual(sqliteMigrations().map((m) => m.version));
  });
});

describe.each(DIALECTS)('migrate() on $name', (dialect) => {
  it('applies every version once, even when several processes start at the same moment', async () => {
    const db = await dialect.fresh();
    try {
      const versions = (dialect.name === 'sqlite' ? sqliteMigrations() : postgresMigrations()).map((m) => m.version);
      const runs = dialect.name === 'postgres' ? await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]) : [await migrate(db.url)];
      expect(runs.flat().sort()).toEqual(versions);
      expect(await migrate(db.url)).toEqual([]);
      const store = await openStore(db.url);
      expect(await store.pendingMigrations()).toEqual([]);
      await store.close();
    } finally {
      await db.cleanup();
    }
  });

  it.skipIf(dialect.name !== 'postgres')('names the server, not the password, when PostgreSQL does not answer', async () => {
    await expect(migrate('postgres://hookspec:s3cret@127.0.0.1:1/nowhere')).rejects.toThrow(/^PostgreSQL at hookspec@127\.0\.0\.1:1\/nowhere does not answer/);
    await expect(migrate('postgres://hookspec:s3cret@127.0.0.1:1/nowhere')).rejects.not.toThrow(/s3cret/);
  });
});
