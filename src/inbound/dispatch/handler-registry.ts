import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HANDLER_EXTENSIONS, HANDLER_NAME } from './handler-files.js';

/** Batch options of a handler: up to `maxSize` events of one type per call, flushed after `maxWaitMs`. */
export interface BatchOptions {
  maxSize: number;
  maxWaitMs: number;
}

/** A handler as the dispatcher calls it (the shape `defineEventHandler` returns): always a list of envelopes. */
export interface LoadedHandler {
  /** `context.signal` aborts when the attempt times out. */
  handle(events: unknown[], context: { signal: AbortSignal }): Promise<unknown>;
  batch?: BatchOptions;
}

/**
 * Finds `<dir>/<webhook-name>.ts` (the scaffolds written by `make generate`) and imports it on first use.
 * A missing file means "no handler": the event is still published to subscribers.
 */
export class HandlerRegistry {
  private readonly cache = new Map<string, Promise<LoadedHandler | undefined>>();
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  get(type: string): Promise<LoadedHandler | undefined> {
    let handler = this.cache.get(type);
    if (!handler) {
      handler = this.load(type);
      this.cache.set(type, handler);
    }
    return handler;
  }

  private async load(type: string): Promise<LoadedHandler | undefined> {
    // Catalog names are dotted identifiers; anything else never reaches the file system.
    if (!HANDLER_NAME.test(type)) return undefined;
    const file = HANDLER_EXTENSIONS.map((ext) => join(this.dir, type + ext)).find((f) => existsSync(f));
    if (!file) return undefined;
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (err) {
      // Node without tsx cannot import TypeScript: say what to do instead of "Unknown file extension".
      if ((err as { code?: string }).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
        throw new Error(`${file} is TypeScript, which this process cannot load: run \`make build\` and point HOOKSPEC_HANDLERS_DIR at build/src/handlers (or unset it), or run the server under tsx`);
      }
      throw err;
    }
    return normalize(mod.default, file);
  }
}

/** Checks that the module's default export is what `defineEventHandler` returns. */
function normalize(value: unknown, file: string): LoadedHandler {
  const def = value as { handle?: unknown; batch?: BatchOptions } | undefined;
  if (typeof def !== 'object' || def === null || typeof def.handle !== 'function') {
    throw new Error(`${file} must export default defineEventHandler(…)`);
  }
  const handle = def.handle as (events: unknown[], context: { signal: AbortSignal }) => unknown;
  return { handle: async (events, context) => handle.call(def, events, context), ...(def.batch ? { batch: def.batch } : {}) };
}
