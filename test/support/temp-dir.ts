import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir and a function that removes it. */
export function makeTempDir(prefix = 'hookspec-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A `DATABASE_URL` for a new SQLite file in `dir`. */
export function sqliteUrl(dir: string, name = 'hookspec.db'): string {
  return `sqlite:${join(dir, name)}`;
}
