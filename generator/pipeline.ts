import type { Context } from './context.js';
import { emitCatalog, emitDocument } from './emit/catalog.js';
import { emitAliases, emitClient, emitHandlers, emitOperations, emitWebhooks } from './emit/code-modules.js';
import { emitContract } from './emit/contract.js';
import { emitScaffolds } from './emit/scaffolds.js';
import { startTypes } from './emit/types.js';
import { emitValidators } from './emit/validators/module.js';
import { bundleSpec, mayHaveExternalRefs, type BundledSpec } from './load/bundle.js';
import { checkSpec } from './load/check.js';
import { parseSpecText } from './load/parse.js';
import { SpecError } from './errors.js';
import { buildModel } from './model/index.js';
import type { SpecModel } from './model/types.js';
import { checkWebhookMarkers, checkWebhookPayloads } from './model/webhooks-object.js';

/** The uncached run: parse → bundle → check → model → emit. Returns every output, scaffold candidate and file read. */
export async function runPipeline(
  ctx: Context,
  original: string,
): Promise<{ files: Map<string, string>; scaffolds: Map<string, string>; dependencies: string[] }> {
  // A multi-file spec is parsed (for clear syntax errors), then bundled into one document before anything else.
  const bundled = mayHaveExternalRefs(original) ? await parseThenBundle(ctx, original) : undefined;
  const text = bundled?.text ?? original;
  // Types start in a worker before the checks, so its start-up overlaps them; a spec error cancels it.
  const types = startTypes(text, ctx.header, ctx.parallel);
  let model: SpecModel;
  try {
    const doc = bundled ? bundled.doc : parseSpecText(text, ctx.specName);
    checkSpec(doc, ctx.specName);
    model = buildModel(doc);
    const webhookProblems = [...checkWebhookPayloads(model.webhooks), ...checkWebhookMarkers(model.doc, model.webhooks)];
    if (webhookProblems.length > 0) throw new SpecError(ctx.specName, webhookProblems);
  } catch (err) {
    types.cancel();
    throw err;
  }
  const files = await emitAll(ctx, model, types.result);
  return { files, scaffolds: emitScaffolds(model, ctx), dependencies: bundled?.dependencies ?? [] };
}

async function parseThenBundle(ctx: Context, text: string): Promise<BundledSpec> {
  parseSpecText(text, ctx.specName);
  return bundleSpec(ctx.specPath, ctx.specName);
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
