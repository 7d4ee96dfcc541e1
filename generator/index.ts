import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { cacheKey, contentHash, readCachedFile, readManifest, writeCache } from './cache.js';
import { createContext, type Context, type GenerateOptions } from './context.js';
import { emitCatalog, emitDocument } from './emit/catalog.js';
import { emitContract } from './emit/contract.js';
import { emitAliases, emitClient, emitHandlers, emitOperations, emitWebhooks } from './emit/code-modules.js';
import { emitScaffolds } from './emit/scaffolds.js';
import { startTypes } from './emit/types.js';
import { emitValidators } from './emit/validators/module.js';
import { DriftError, SpecError } from './errors.js';
import { checkSpec } from './load/check.js';
import { parseSpecText } from './load/parse.js';
import { buildModel } from './model/index.js';
import type { SpecModel } from './model/types.js';
import { driftingFiles, writeFiles, writeScaffolds } from './write.js';

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
  if (manifest) return finish(ctx, key, manifest.files, new Map(Object.entries(manifest.scaffolds)), undefined);
  // Types start in a worker before parsing, so its start-up overlaps the checks; a spec error cancels it.
  const types = startTypes(text, ctx.header, ctx.parallel);
  let model: SpecModel;
  try {
    model = buildModel(parseChecked(ctx, text));
  } catch (err) {
    types.cancel();
    throw err;
  }
  const files = await emitAll(ctx, model, types.result);
  const hashes = Object.fromEntries([...files].map(([name, content]) => [name, contentHash(content)]));
  const scaffolds = emitScaffolds(model, ctx);
  const result = finish(ctx, key, hashes, scaffolds, files);
  writeCache(ctx, key, files, scaffolds);
  return result;
}

/** Every generated file, by name (no cache); `types` is the running types job. */
export async function emitAll(ctx: Context, model: SpecModel, types: Promise<string>): Promise<Map<string, string>> {
  // The validators compile here while the types worker runs: the two big jobs use both cores.
  const validators = emitValidators(model, ctx);
  const modules: [string, string][] = [
    ['aliases.ts', emitAliases(model, ctx)],
    ['operations.ts', emitOperations(model, ctx)],
    ['handlers.ts', emitHandlers(ctx)],
    ['client.ts', emitClient(ctx)],
    ['webhooks.ts', emitWebhooks(model, ctx)],
  ];
  const files = new Map<string, string>();
  for (const [name, code] of modules) files.set(name, code);
  for (const [name, code] of Object.entries(validators)) files.set(name, code);
  for (const [name, code] of Object.entries(emitContract(model, ctx))) files.set(name, code);
  files.set('catalog.json', emitCatalog(model));
  files.set('openapi.json', emitDocument(model));
  files.set('types.ts', await types);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function readSpec(ctx: Context): string {
  try {
    return readFileSync(ctx.specPath, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new SpecError(relative(process.cwd(), ctx.specPath) || ctx.specPath, [{ where: 'line 1', message: `cannot read the spec: ${reason}` }]);
  }
}

function parseChecked(ctx: Context, text: string): Record<string, unknown> {
  const doc = parseSpecText(text, ctx.specName);
  checkSpec(doc, ctx.specName);
  return doc;
}

/** Compares (`check`) or writes the outputs; cached contents are read only for files that need writing. */
function finish(ctx: Context, key: string, hashes: Record<string, string>, scaffolds: Map<string, string>, files: Map<string, string> | undefined): GenerateResult {
  const drift = driftingFiles(ctx.outDir, hashes);
  const display = (name: string): string => relative(process.cwd(), `${ctx.outDir}/${name}`) || name;
  if (ctx.check) {
    if (drift.length > 0) throw new DriftError(drift.map(display));
    return { written: [], scaffolds: [], drift: [], cached: files === undefined };
  }
  const toWrite = new Map<string, string>();
  for (const name of drift) {
    const content = files?.get(name) ?? readCachedFile(ctx, key, name);
    if (content === undefined) throw new Error(`cache entry ${key} lost ${name}; remove ${ctx.cacheDir ?? 'the cache'} and run again`);
    toWrite.set(name, content);
  }
  return { written: writeFiles(ctx.outDir, toWrite), scaffolds: writeScaffolds(scaffolds), drift: [], cached: files === undefined };
}

export { createContext, DriftError, SpecError };
export type { Context, GenerateOptions };
export type { SpecProblem } from './errors.js';
