import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFormats, createAjv } from '../../generator/emit/validators/ajv.js';
import { DOC_ID } from '../../generator/emit/validators/entries.js';
import { normalizeForAjv } from '../../generator/emit/validators/normalize.js';
import { generate } from '../../generator/index.js';
import { checkSpec } from '../../generator/load/check.js';
import { parseSpecText } from '../../generator/load/parse.js';
import { deref, isObject, resolvePointer } from '../../generator/load/pointer.js';
import { buildModel } from '../../generator/model/index.js';
import type { SpecModel } from '../../generator/model/types.js';
import { GITHUB, makeCompilable, SVIX, tempDir, typecheck } from './helpers.js';

const run = promisify(execFile);

/** Generous: these steps take ~10 s each on an idle 2-core machine, but several times that while other suites run. */
const HEAVY_TIMEOUT = 300_000;

interface ValidatorModule {
  validateWebhook(name: string, value: unknown): { ok: boolean; errors?: { pointer: string; keyword: string }[] };
  validateRequestBody(operationId: string, value: unknown): { ok: boolean; errors?: { pointer: string; keyword: string }[] };
  webhookNames: readonly string[];
}

/** Every example value of a media type: `example`, each `examples` entry, and the schema's own examples. */
function examplesOf(doc: Record<string, unknown>, mediaPointer: string, schemaPointer: string): unknown[] {
  const found: unknown[] = [];
  const media = resolvePointer(doc, mediaPointer);
  if (isObject(media)) {
    if (media.example !== undefined) found.push(media.example);
    if (isObject(media.examples)) {
      for (const key of Object.keys(media.examples)) {
        const { node } = deref<Record<string, unknown>>(doc, media.examples[key]);
        if (isObject(node) && node.value !== undefined) found.push(node.value);
      }
    }
  }
  const { node: schema } = deref<Record<string, unknown>>(doc, resolvePointer(doc, schemaPointer));
  if (isObject(schema) && Array.isArray(schema.examples)) found.push(...schema.examples);
  return found;
}

/** The examples plus broken variants, so both verdicts get exercised. */
function variants(example: unknown): unknown[] {
  const out = [example, null, {}, 'text'];
  if (isObject(example)) {
    const first = Object.keys(example)[0];
    if (first !== undefined) out.push({ ...example, [first]: [[1]] });
  }
  return out;
}

/** Verdict and (pointer-free) error identity of one Ajv error list, comparable across both validators. */
function verdict(ok: boolean, errors: { keyword: string }[] | null | undefined): string {
  return ok ? 'valid' : `invalid:${(errors ?? []).map((e) => e.keyword).join(',')}`;
}

function loadModel(spec: string): SpecModel {
  const doc = parseSpecText(readFileSync(spec, 'utf8'), spec);
  checkSpec(doc, spec);
  return buildModel(doc);
}

describe.each([
  ['svix', SVIX],
  ['GitHub webhooks', GITHUB],
])('%s document', (_name, spec) => {
  const tmp = tempDir();
  let model: SpecModel;
  let generated: ValidatorModule;

  beforeAll(async () => {
    await generate({ spec, out: tmp.dir, cacheDir: false });
    makeCompilable(tmp.dir);
    model = loadModel(spec);
    generated = createRequire(join(tmp.dir, 'package.json'))('./validators.cjs') as ValidatorModule;
  }, HEAVY_TIMEOUT);
  afterAll(() => tmp.cleanup());

  it('output type-checks with tsc --noEmit (strict)', async () => {
    const { code, output } = await typecheck(tmp.dir);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, HEAVY_TIMEOUT);

  it('validators load in plain Node through the ESM wrapper', async () => {
    const url = pathToFileURL(join(tmp.dir, 'validators.js')).href;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `const v = await import(${JSON.stringify(url)}); console.log(v.webhookNames.length, typeof v.validateWebhook)`]);
    expect(stdout.trim()).toBe(`${model.webhooks.length} function`);
  });

  it('gives the verdict run-time Ajv2020 gives on every example (and broken variants)', () => {
    const normalized = normalizeForAjv(model.doc);
    const ajv = createAjv('payload', collectFormats(normalized), false);
    ajv.addSchema(normalized, DOC_ID);
    let compared = 0;
    let valid = 0;
    const mismatches: string[] = [];
    const compare = (label: string, pointer: string, mediaPointer: string, standalone: (v: unknown) => { ok: boolean; errors?: { keyword: string }[] }): void => {
      const runtime = ajv.compile({ $ref: DOC_ID + pointer });
      // Generic values exercise the error lists even where the document ships no example.
      for (const example of [...examplesOf(model.doc, mediaPointer, pointer), { action: 'created' }]) {
        for (const value of variants(example)) {
          const want = verdict(runtime(value), runtime.errors);
          const got = standalone(value);
          const have = verdict(got.ok, got.errors);
          compared++;
          if (want === 'valid') valid++;
          if (want !== have) mismatches.push(`${label}: runtime ${want}, standalone ${have}`);
        }
      }
    };
    for (const webhook of model.webhooks) {
      const body = webhook.operation.body;
      if (body?.schemaPointer) compare(webhook.name, body.schemaPointer, body.mediaPointer, (v) => generated.validateWebhook(webhook.name, v));
    }
    for (const op of model.operations) {
      if (op.section === 'paths' && op.body?.schemaPointer) compare(op.operationId, op.body.schemaPointer, op.body.mediaPointer, (v) => generated.validateRequestBody(op.operationId, v));
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(50);
    expect(valid).toBeGreaterThan(5);
  }, HEAVY_TIMEOUT);

  it('names every webhook, including names that are not identifiers', () => {
    expect([...generated.webhookNames]).toEqual(model.webhooks.map((w) => w.name));
    expect(generated.validateWebhook('no.such.event', {})).toEqual({ ok: false, errors: [{ pointer: '', keyword: 'unknown', message: 'unknown webhook "no.such.event"' }] });
  });
});
