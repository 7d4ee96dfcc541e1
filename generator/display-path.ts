import { relative } from 'node:path';

/** A path as messages show it: relative to where the command runs, as the user typed it. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}
