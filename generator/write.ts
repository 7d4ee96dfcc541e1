import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDirectory } from '../src/fs/is-directory.js';
import { makeDirectories } from '../src/fs/make-directories.js';
import { dirname, join } from 'node:path';
import { displayPath } from './display-path.js';
import { contentHash } from './cache.js';

/** Current content of a file, or undefined when it does not exist. */
function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Names (relative to `outDir`) of files whose bytes differ from the expected hashes, missing files included. */
export function driftingFiles(outDir: string, expected: Record<string, string>): string[] {
  return Object.keys(expected)
    .sort()
    .filter((name) => {
      const current = readIfExists(join(outDir, name));
      return current === undefined || contentHash(current) !== expected[name];
    });
}

/**
 * Writes each file whose bytes changed (untouched files keep their mtime); returns the paths written.
 * All or nothing: every new content goes to a temporary file beside its target first, and only when all of
 * them are on disk are they renamed into place, so a failed write (disk full, no permission) leaves
 * `outDir` as it was instead of half new, half old.
 */
export function writeFiles(outDir: string, files: Map<string, string>): string[] {
  const changed = [...files]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([name, content]) => {
      const current = readIfExists(join(outDir, name));
      return current === undefined || !current.equals(Buffer.from(content));
    });
  const staged: { temp: string; file: string }[] = [];
  const created: string[] = [];
  let target = outDir;
  try {
    for (const [name, content] of changed) {
      const file = join(outDir, name);
      target = file;
      if (isDirectory(file)) throw new Error('a directory is in the way');
      const made = makeDirectories(dirname(file));
      if (made !== undefined) created.push(made);
      const temp = `${file}.${process.pid}.tmp`;
      staged.push({ temp, file });
      writeFileSync(temp, content);
    }
  } catch (err) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const dir of created.reverse()) rmSync(dir, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot write ${displayPath(target)}: ${reason}; nothing in ${displayPath(outDir)} was changed`);
  }
  for (const { temp, file } of staged) renameSync(temp, file);
  return staged.map(({ file }) => displayPath(file));
}

/** Writes scaffolds only where no file exists yet: hand-written handlers are never overwritten. */
export function writeScaffolds(files: Map<string, string>): string[] {
  const written: string[] = [];
  for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (readIfExists(file) !== undefined) continue;
    makeDirectories(dirname(file));
    writeFileSync(file, content, { flag: 'wx' });
    written.push(displayPath(file));
  }
  return written;
}
