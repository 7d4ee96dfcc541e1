import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** Absolute path of the hand-written document under test. */
export const SPEC_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

/** The parsed document, as every consumer (generator, redocly, express-openapi-validator) sees it. */
export type SpecDocument = Record<string, any>;

/** Parses openapi.yaml once per test file. */
export function loadSpec(): SpecDocument {
  return parse(readFileSync(SPEC_PATH, 'utf8')) as SpecDocument;
}

const SPEC_ID = 'https://hookspec.local/openapi.json';

/**
 * The reference validator: Ajv2020 compiling schemas at run time straight from the document
 * (the generated standalone validators must agree with it).
 */
export function createSpecAjv(doc: SpecDocument): { validatorAt: (pointer: string) => ValidateFunction } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  const addFormats = (formatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 }).default ?? formatsModule;
  addFormats(ajv);
  ajv.addSchema(doc, SPEC_ID);
  const cache = new Map<string, ValidateFunction>();
  return {
    validatorAt(pointer) {
      let fn = cache.get(pointer);
      if (!fn) {
        fn = ajv.compile({ $ref: `${SPEC_ID}#${encodeURI(pointer)}` });
        cache.set(pointer, fn);
      }
      return fn;
    },
  };
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Resolves a local `$ref` (`#/components/...`) in the document. */
export function resolveLocal(doc: SpecDocument, ref: string): any {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are expected, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<any>((node, key) => node?.[key], doc);
}

/** One example found in the document, with the pointer of the schema it must satisfy. */
export interface ExampleSite {
  /** Where the example sits, for test names. */
  where: string;
  schemaPointer: string;
  value: unknown;
}

/**
 * Finds every object carrying `schema` plus `example`/`examples` (media types, parameters, headers),
 * without descending into schemas or example values (which may contain such keys as data).
 */
export function collectExamples(doc: SpecDocument): ExampleSite[] {
  const sites: ExampleSite[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.schema && typeof obj.schema === 'object') {
      if ('example' in obj) sites.push({ where: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: obj.example });
      for (const [name, ex] of Object.entries((obj.examples as Record<string, any>) ?? {})) {
        const example = typeof ex?.$ref === 'string' ? resolveLocal(doc, ex.$ref) : ex;
        if (example && 'value' in example) {
          sites.push({ where: `${pointer}/examples/${escapePointer(name)}`, schemaPointer: `${pointer}/schema`, value: example.value });
        }
      }
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key === 'schema' || key === 'schemas' || key === 'examples' || key === 'example') continue;
      walk(child, `${pointer}/${escapePointer(key)}`);
    }
  };
  walk(doc, '');
  return sites;
}
