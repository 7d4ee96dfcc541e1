import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeSegment } from './json-pointer.js';

/** The bundled document the generator wrote; the contract is what it says. */
export const GENERATED_DOCUMENT = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));

/** One failure of a value against a schema: a JSON pointer into the value, the keyword and the reason. */
export interface SchemaError {
  pointer: string;
  keyword: string;
  message: string;
}

/** The document with run-time schema validation at any `#/…` pointer (Ajv 2020, formats on, all errors). */
export interface SpecDocument {
  doc: Record<string, unknown>;
  /** The node at a `#/…` pointer, `$ref`s followed; the pointer returned is where it was found. */
  resolve(pointer: string): { node: unknown; pointer: string };
  /** Validates `value` against the schema at `schemaPointer`; an empty list means valid. */
  validate(schemaPointer: string, value: unknown): SchemaError[];
}

const DOC_ID = 'https://hookspec.local/contract/openapi.json';

/** Loads the document (the generated bundle by default) and prepares the validator. */
export function loadSpecDocument(source: string | Record<string, unknown> = GENERATED_DOCUMENT): SpecDocument {
  const doc = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>) : source;
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true });
  const addFormats = (formatsModule as unknown as { default?: (a: Ajv2020) => Ajv2020 }).default ?? (formatsModule as unknown as (a: Ajv2020) => Ajv2020);
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const resolve = (pointer: string): { node: unknown; pointer: string } => {
    let at = pointer;
    let node = nodeAt(doc, at);
    for (let hops = 0; isRef(node) && hops < 32; hops++) {
      at = node.$ref;
      node = nodeAt(doc, at);
    }
    return { node, pointer: at };
  };
  return {
    doc,
    resolve,
    validate(schemaPointer, value) {
      let fn = compiled.get(schemaPointer);
      if (!fn) {
        fn = ajv.compile({ $ref: `${DOC_ID}${encodeURI(schemaPointer)}` });
        compiled.set(schemaPointer, fn);
      }
      if (fn(value)) return [];
      // A missing property is reported where it should be (`/data/total`), not at its parent.
      return (fn.errors ?? []).map((e) => ({
        pointer: e.keyword === 'required' ? `${e.instancePath}/${escapeSegment(String((e.params as { missingProperty?: unknown }).missingProperty))}` : e.instancePath,
        keyword: e.keyword,
        message: e.message ?? 'is invalid',
      }));
    },
  };
}

/** `/data must have required property 'x' (required); …`: errors as one line for a failure message. */
export function describeErrors(errors: SchemaError[], limit = 5): string {
  const shown = errors.slice(0, limit).map((e) => `${e.pointer || '/'} ${e.message} (${e.keyword})`);
  if (errors.length > limit) shown.push(`… ${errors.length - limit} more`);
  return shown.join('; ');
}

function isRef(node: unknown): node is { $ref: string } {
  return typeof node === 'object' && node !== null && typeof (node as { $ref?: unknown }).$ref === 'string' && (node as { $ref: string }).$ref.startsWith('#');
}

/** The node at a `#/a/b` pointer (RFC 6901 escapes), or undefined. */
export function nodeAt(doc: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '') return doc;
  let node = doc;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export { escapeSegment };

/** Applies a `/a/b` pointer change to a deep copy: `undefined` removes the value. */
export function withValueAt(value: unknown, pointer: string, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  if (last === undefined) return replacement;
  let node: unknown = copy;
  for (const key of segments) node = (node as Record<string, unknown>)?.[key];
  if (node === null || typeof node !== 'object') return copy;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as Record<string, unknown>)[last];
  } else (node as Record<string, unknown>)[last] = replacement;
  return copy;
}
