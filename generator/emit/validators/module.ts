import type { Context } from '../../context.js';
import type { SpecModel } from '../../model/types.js';
import { render } from '../templates.js';
import { collectFormats } from './ajv.js';
import { compileChunk } from './compile.js';
import { dedupeSchemas } from './dedupe.js';
import { buildEntries } from './entries.js';
import { normalizeForAjv } from './normalize.js';

/** The four files of the validator module: CommonJS code, its ESM wrapper, and their declarations. */
export interface ValidatorFiles {
  'validators.cjs': string;
  'validators.d.cts': string;
  'validators.js': string;
  'validators.d.ts': string;
}

/** Compiles every payload, body and parameter validator into one module that loads in plain Node. */
export function emitValidators(model: SpecModel, ctx: Context): ValidatorFiles {
  const normalized = normalizeForAjv(model.doc);
  const entries = buildEntries(model, normalized);
  const doc = dedupeSchemas(normalized);
  const formats = collectFormats(normalized);
  const payloadEntries = [...entries.webhooks, ...entries.bodies];
  const data = {
    header: ctx.header,
    payloadCode: compileChunk(doc, 'payload', payloadEntries, formats, ctx.specName),
    parameterCode: compileChunk(doc, 'parameters', entries.parameters, formats, ctx.specName),
    webhooks: entries.webhooks,
    bodies: entries.bodies,
    parameters: entries.parameters,
    webhookNames: entries.webhooks.map((e) => e.name),
    bodyNames: entries.bodies.map((e) => e.name),
    parameterNames: entries.parameters.map((e) => e.name),
  };
  return {
    'validators.cjs': render('validators.cjs', data),
    'validators.d.cts': render('validators.d.cts', data),
    'validators.js': render('validators.js', data),
    'validators.d.ts': render('validators.d.ts', data),
  };
}
