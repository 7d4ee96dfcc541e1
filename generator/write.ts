import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** Writes each file whose bytes changed (untouched files keep their mtime); returns the paths written. */
export function writeFiles(outDir: string, files: Map<string, string>): string[] {
  const written: string[] = [];
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(outDir, name);
    const current = readIfExists(file);
    if (current !== undefined && current.equals(Buffer.from(content))) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(relative(process.cwd(), file) || file);
  }
  return written;
}

/** Writes scaffolds only where no file exists yet: hand-written handlers are never overwritten. */
export function writeScaffolds(files: Map<string, string>): string[] {
  const written: string[] = [];
  for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (readIfExists(file) !== undefined) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, { flag: 'wx' });
    written.push(relative(process.cwd(), file) || file);
  }
  return written;
}
