import { readFileSync } from 'node:fs';
import { displayPath } from './display-path.js';
import { cacheKey, contentHash, dependenciesUnchanged, readCachedFile, readManifest, writeCache } from './cache.js';
import { createContext, type Context, type GenerateOptions } from './context.js';
import { DriftError, SpecError } from './errors.js';
import { findStaleHandlers, type StaleHandler } from './stale-handlers.js';
import { driftingFiles, stageScaffolds, writeFiles } from './write.js';

/** What one run did. */
export interface GenerateResult {
  /** Output files written (changed bytes only), relative to the working directory. */
  written: string[];
  /** Handler scaffolds created. */
  scaffolds: string[];
  /** `--check`: files that differ from what the spec produces (empty when up to date). */
  drift: string[];
  /** True when the content-hash cache answered and nothing was regenerated. */
  cached: boolean;
  /** Handler files in `handlers` named after no webhook (renamed or removed); reported, never deleted, never drift. */
  staleHandlers: StaleHandler[];
}

/**
 * Generates typed code from an OpenAPI 3.1 document: parse → check → model → emit → write.
 * Throws `SpecError` for a spec it cannot use and, with `check`, `DriftError` naming each drifting file.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const ctx = createContext(options);
  const text = readSpec(ctx);
  const key = cacheKey(ctx, text);
  const manifest = readManifest(ctx, key);
  if (manifest && dependenciesUnchanged(manifest)) return finish(ctx, key, manifest.files, new Map(Object.entries(manifest.scaffolds)), undefined);
  // Only a miss loads the pipeline (Ajv, openapi-typescript, handlebars…): an unchanged run stays cheap.
  const { runPipeline } = await import('./pipeline.js');
  const { files, scaffolds, dependencies } = await runPipeline(ctx, text);
  const hashes = Object.fromEntries([...files].map(([name, content]) => [name, contentHash(content)]));
  const result = finish(ctx, key, hashes, scaffolds, files);
  writeCache(ctx, key, files, scaffolds, dependencies);
  return result;
}

function readSpec(ctx: Context): string {
  try {
    return readFileSync(ctx.specPath, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new SpecError(displayPath(ctx.specPath), [{ where: 'line 1', message: `cannot read the spec: ${reason}` }]);
  }
}

/** Compares (`check`) or writes the outputs; cached contents are read only for files that need writing. */
function finish(ctx: Context, key: string, hashes: Record<string, string>, scaffolds: Map<string, string>, files: Map<string, string> | undefined): GenerateResult {
  const drift = driftingFiles(ctx.outDir, hashes);
  const display = (name: string): string => displayPath(`${ctx.outDir}/${name}`);
  if (ctx.check && drift.length > 0) throw new DriftError(drift.map(display));
  // A leftover handler is not drift of the output: both modes report it, neither fails on it.
  const staleHandlers = findStaleHandlers(ctx.handlersDir, scaffolds.keys());
  if (ctx.check) return { written: [], scaffolds: [], drift: [], cached: files === undefined, staleHandlers };
  const toWrite = new Map<string, string>();
  for (const name of drift) {
    const content = files?.get(name) ?? readCachedFile(ctx, key, name);
    if (content === undefined) throw new Error(`cache entry ${key} lost ${name}; remove ${ctx.cacheDir ?? 'the cache'} and run again`);
    toWrite.set(name, content);
  }
  // Scaffolds are staged first: an unusable --handlers directory fails the run before generated/ is touched.
  const staged = stageScaffolds(ctx.handlersDir, scaffolds);
  let written: string[];
  try {
    written = writeFiles(ctx.outDir, toWrite);
  } catch (err) {
    staged.abort();
    throw err;
  }
  return { written, scaffolds: staged.commit(), drift: [], cached: files === undefined, staleHandlers };
}

export { createContext, DriftError, SpecError };
export type { Context, GenerateOptions };
export type { SpecProblem } from './errors.js';
export type { StaleHandler } from './stale-handlers.js';
