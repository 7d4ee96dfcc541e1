import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { displayPath } from './display-path.js';
import { HANDLER_EXTENSIONS, HANDLER_NAME } from '../src/inbound/dispatch/handler-files.js';

/** A handler file in `--handlers` that no webhook of the spec loads: its event was renamed or removed. */
export interface StaleHandler {
  /** The file, relative to the working directory. */
  file: string;
  /** The webhook whose name differs from the file's only in case (it loads on macOS and Windows, never on Linux). */
  sameButCase?: string;
}

/** A per-event handler defines one; index and helper modules beside the handlers do not. */
const DEFINES_HANDLER = /\bdefineEventHandler\s*\(/;

/**
 * Handler files directly in `handlersDir` named after no webhook; `scaffolds` holds one path per webhook of the spec
 * (`<dir>/<name>.ts`). Only reported: a hand-written handler is never deleted by the generator.
 */
export function findStaleHandlers(handlersDir: string | undefined, scaffolds: Iterable<string>): StaleHandler[] {
  if (!handlersDir) return [];
  const expected = new Set([...scaffolds].map((file) => basename(file)));
  const byLowerCase = new Map([...expected].map((file) => [file.toLowerCase(), file]));
  const stale: StaleHandler[] = [];
  for (const entry of listFiles(handlersDir)) {
    const name = handlerName(entry);
    if (name === undefined || entry.endsWith('.d.ts') || expected.has(`${name}.ts`)) continue;
    const file = join(handlersDir, entry);
    if (!definesHandler(file)) continue;
    const twin = byLowerCase.get(`${name}.ts`.toLowerCase());
    stale.push({ file: displayPath(file), ...(twin === undefined ? {} : { sameButCase: twin.slice(0, -'.ts'.length) }) });
  }
  return stale;
}

/** The event a file would be the handler of, as the dispatcher loads them; undefined for any other file. */
function handlerName(entry: string): string | undefined {
  const ext = extname(entry);
  const name = entry.slice(0, -ext.length || undefined);
  return (HANDLER_EXTENSIONS as readonly string[]).includes(ext.toLowerCase()) && HANDLER_NAME.test(name) ? name : undefined;
}

/** File names directly in `dir`, sorted; none when it does not exist yet. */
function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

function definesHandler(file: string): boolean {
  try {
    return DEFINES_HANDLER.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}
