import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { isObject } from '../../load/pointer.js';

/** OpenAPI keywords that are annotations in a schema, never assertions. */
export const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator'] as const;

/** The kinds of validator: payloads and bodies as given, parameters with string coercion (query and headers are text). */
export type AjvFlavour = 'payload' | 'parameters';

/**
 * Ajv2020 set up the way the generated validators are compiled. Tests build the same instance to compare
 * the standalone verdict with a run-time compile, so the options live here only.
 */
export function createAjv(flavour: AjvFlavour, formatsInUse: Iterable<string>, source = true, optimize = 1): Ajv2020 {
  const options: Options = {
    allErrors: true,
    // Unknown keywords are annotations in JSON Schema 2020-12 (`x-*`, vendor keywords), not errors.
    strict: false,
    validateSchema: false,
    inlineRefs: false,
    logger: false,
    coerceTypes: flavour === 'parameters',
    code: { source, optimize },
  };
  const ajv = new Ajv2020(options);
  const addFormats = (formatsModule as unknown as { default: (ajv: Ajv2020, options?: { mode: 'fast' | 'full' }) => Ajv2020 }).default ?? formatsModule;
  // 'fast' formats: full-mode uri and date-time regexes were 5% of a receiver's CPU on URL-heavy payloads (GitHub push).
  addFormats(ajv, { mode: 'fast' });
  ajv.addVocabulary([...OPENAPI_ANNOTATIONS]);
  // Formats Ajv does not know (`int32` style vendor formats) are annotations too, as OpenAPI allows.
  for (const format of [...new Set(formatsInUse)].sort()) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  return ajv;
}

/** Every `format` value used in schemas of the document. */
export function collectFormats(doc: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (typeof node.format === 'string') found.add(node.format);
      for (const key of Object.keys(node)) if (key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'const') visit(node[key]);
    }
  };
  visit(doc);
  return found;
}
