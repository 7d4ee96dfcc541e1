import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDirectory } from './is-directory.js';

/**
 * `mkdir -p` that fails instead of hanging. Node 20's `mkdirSync(dir, { recursive: true })` loops forever where
 * mkdir answers ENOENT under a parent that exists (`/proc/x/y`); here a second ENOENT is thrown.
 * Returns the first directory it created, like the recursive form, or undefined when `dir` already existed.
 */
export function makeDirectories(dir: string): string | undefined {
  const target = resolve(dir);
  try {
    mkdirSync(target);
    return target;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && isDirectory(target)) return undefined;
    if (code !== 'ENOENT' || dirname(target) === target) throw err;
  }
  const first = makeDirectories(dirname(target));
  mkdirSync(target);
  return first ?? target;
}
