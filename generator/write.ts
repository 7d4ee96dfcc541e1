import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Handler scaffolds staged on disk, to be put in place once `generated/` is written (or removed if it is not). */
export interface StagedScaffolds {
  /** Renames each staged stub into place where still no file exists; returns the paths written. */
  commit(): string[];
  /** Removes the staged stubs and any directory made for them. */
  abort(): void;
}

/**
 * Stages scaffolds only where no file exists yet (hand-written handlers are never overwritten), before anything
 * else is written: an unusable `--handlers` directory (a file, no permission, read-only) then fails the run with
 * one line naming it while `generated/` is still untouched, instead of after it was rewritten.
 */
export function stageScaffolds(handlersDir: string | undefined, files: Map<string, string>): StagedScaffolds {
  const staged: { temp: string; file: string }[] = [];
  const created: string[] = [];
  const abort = (): void => {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const dir of created.reverse()) rmSync(dir, { recursive: true, force: true });
  };
  const where = handlersDir === undefined ? '' : `--handlers ${displayPath(handlersDir)}: `;
  let failed = '';
  try {
    for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      failed = `cannot write ${displayPath(file)}`;
      if (isDirectory(file)) throw new Error('a directory is in the way');
      if (present(file)) continue;
      failed = `cannot create the directory ${displayPath(dirname(file))}`;
      const made = makeDirectories(dirname(file));
      if (made !== undefined) created.push(made);
      failed = `cannot write ${displayPath(file)}`;
      const temp = `${file}.${process.pid}.tmp`;
      staged.push({ temp, file });
      writeFileSync(temp, content);
    }
  } catch (err) {
    abort();
    throw new Error(`${where}${failed}: ${fileErrorReason(err)}; nothing was written`);
  }
  return {
    commit: () => {
      const written: string[] = [];
      for (const [i, { temp, file }] of staged.entries()) {
        try {
          // A handler written by hand since staging wins.
          if (present(file)) rmSync(temp, { force: true });
          else {
            renameSync(temp, file);
            written.push(displayPath(file));
          }
        } catch (err) {
          for (const rest of staged.slice(i)) rmSync(rest.temp, { force: true });
          throw new Error(`${where}cannot write ${displayPath(file)}: ${fileErrorReason(err)}`);
        }
      }
      return written;
    },
    abort,
  };
}

/** Whether anything (a file, a directory, a symbolic link even if dangling) is at `file`. */
function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A file system error as a short reason (no errno prefix, no repeated path). */
function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOTDIR':
      return 'a file is in the way of a directory (ENOTDIR)';
    case 'EEXIST':
      return 'a file is in the way (EEXIST)';
    case 'EISDIR':
      return 'a directory is in the way (EISDIR)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EROFS':
      return 'read-only file system (EROFS)';
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
