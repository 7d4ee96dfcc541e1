import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** A handler file in `--handlers` that no webhook of the spec loads: its event was renamed or removed. */
export interface StaleHandler {
  /** The file, relative to the working directory. */
  file: string;
  /** The webhook whose name differs from the file's only in case (it loads on macOS and Windows, never on Linux). */
  sameButCase?: string;
}

/** What the dispatcher could load for an event (src/inbound/dispatch/handler-registry.ts): `<name>.ts|.js|.mjs`. */
const HANDLER_FILE = /^([a-z0-9_.-]+)\.(?:ts|js|mjs)$/i;
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
    const name = HANDLER_FILE.exec(entry)?.[1];
    if (name === undefined || entry.endsWith('.d.ts') || expected.has(`${name}.ts`)) continue;
    const file = join(handlersDir, entry);
    if (!definesHandler(file)) continue;
    const twin = byLowerCase.get(`${name}.ts`.toLowerCase());
    stale.push({ file: relative(process.cwd(), file) || file, ...(twin === undefined ? {} : { sameButCase: twin.slice(0, -'.ts'.length) }) });
  }
  return stale;
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
