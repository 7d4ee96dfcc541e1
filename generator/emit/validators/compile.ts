import standaloneModule from 'ajv/dist/standalone/index.js';
import { SpecError } from '../../errors.js';
import { createAjv, type AjvFlavour } from './ajv.js';
import { DOC_ID, type ValidatorEntry } from './entries.js';

type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refsOrFunc: Record<string, string>) => string;
// ajv's CommonJS build puts the function on `.default`; ESM interop may or may not unwrap it.
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as StandaloneCode;

/**
 * Above this many validators Ajv's code optimisation pass is skipped: on GitHub's 261 webhooks it costs about
 * a second for code a few percent smaller, with the same verdicts.
 */
const LARGE_CHUNK = 100;

/**
 * Compiles a set of entries against the document into Ajv standalone CommonJS code exporting each entry
 * under its `exportName`. Compile errors (a bad `pattern`, a cyclic `$ref`) become spec errors naming the entry.
 */
export function compileChunk(doc: Record<string, unknown>, flavour: AjvFlavour, entries: ValidatorEntry[], formats: Set<string>, file: string): string {
  if (entries.length === 0) return '"use strict";';
  const ajv = createAjv(flavour, formats, true, entries.length > LARGE_CHUNK ? 0 : 1);
  ajv.addSchema(doc, DOC_ID);
  const exportsMap: Record<string, string> = {};
  for (const entry of entries) {
    ajv.addSchema(entry.schema, entry.exportName);
    try {
      ajv.getSchema(entry.exportName);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // The entry refs into the document added as DOC_ID: the part after it is a pointer into the spec.
      const where = typeof entry.schema.$ref === 'string' && entry.schema.$ref.startsWith(DOC_ID) ? entry.schema.$ref.slice(DOC_ID.length) : entry.name;
      throw new SpecError(file, [{ where, message: `schema of "${entry.name}" does not compile: ${message}` }]);
    }
    exportsMap[entry.exportName] = entry.exportName;
  }
  return standaloneCode(ajv, exportsMap);
}
