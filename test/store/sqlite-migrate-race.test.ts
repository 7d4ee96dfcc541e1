import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, openSqlite } from '../../src/store/sqlite/database.js';
import { makeTempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Loads the module first, then opens the file when told to: the processes' migrations start within a millisecond.
const CHILD = `
import { openSqlite } from './src/store/sqlite/database.ts';
process.stdin.once('data', () => {
  try {
    openSqlite(process.argv[1]).close();
  } catch (err) {
    process.stderr.write(String(err.message) + ' at ' + String(err.stack).split('\\n').slice(1, 4).join(' < '));
    process.exitCode = 1;
  }
});
process.stdout.write('ready\\n');
`;

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe('separate processes starting on one new SQLite file at once', () => {
  it('all start, and each migration is applied once', async () => {
    for (let round = 0; round < 5; round++) {
      tmp?.cleanup();
      tmp = makeTempDir('hookspec-migrate-race-');
      const file = join(tmp.dir, 'hookspec.db');
      const children = Array.from({ length: 6 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, file], { cwd: ROOT }));
      const results = children.map((child) => {
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        return new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
      });
      await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))));
      for (const child of children) child.stdin.end('go\n');
      expect(await Promise.all(results)).toEqual(children.map(() => ({ code: 0, stderr: '' })));
      const db = openSqlite(file);
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(listMigrations().map((m) => m.version));
      db.close();
    }
  }, 60_000);
});
