import { statSync } from 'node:fs';

/** Whether a directory is at `path` (false when nothing is, or it cannot be read). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
