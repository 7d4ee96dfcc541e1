import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The open flags of this process's descriptor for `file`, from /proc (Linux); undefined when it is not open. */
export function openFlags(file: string): number | undefined {
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed meanwhile (readdir's own descriptor)
    }
    if (target === file) return parseInt(/flags:\s+(\d+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8);
  }
  return undefined;
}
