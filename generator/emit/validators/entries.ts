import { resolvePointer } from '../../load/pointer.js';
import type { SpecModel } from '../../model/types.js';

/** Id under which the (deduplicated) document is added to Ajv; entry schemas `$ref` into it. */
export const DOC_ID = 'openapi.json';

/** One validator to compile: the public name, the export name inside the chunk, and its schema. */
export interface ValidatorEntry {
  name: string;
  exportName: string;
  schema: Record<string, unknown>;
}

/** The three tables of the validator module. */
export interface ValidatorEntries {
  webhooks: ValidatorEntry[];
  bodies: ValidatorEntry[];
  parameters: ValidatorEntry[];
}

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;

function docRef(pointer: string): Record<string, unknown> {
  return { $ref: DOC_ID + pointer };
}

/** Lists what gets a compiled validator: each webhook payload, each `paths` request body and parameter set. */
export function buildEntries(model: SpecModel, doc: Record<string, unknown>): ValidatorEntries {
  const webhooks = model.webhooks.flatMap((w, i) =>
    w.operation.body?.schemaPointer ? [{ name: w.name, exportName: `w${i}`, schema: docRef(w.operation.body.schemaPointer) }] : [],
  );
  const bodies = model.operations
    .filter((op) => op.section === 'paths' && op.body?.schemaPointer)
    .map((op, i) => ({ name: op.operationId, exportName: `b${i}`, schema: docRef(op.body?.schemaPointer as string) }));
  // Served operations only: a webhook's parameters describe headers hookspec sends, nothing validates them.
  const parameters = model.operations
    .filter((op) => op.section === 'paths' && op.parameters.length > 0)
    .map((op, i) => ({ name: op.operationId, exportName: `p${i}`, schema: parameterSchema(doc, op.parameters) }));
  return { webhooks, bodies, parameters };
}

/** One object schema per location (`{ path, query, header, cookie }`), each listing its parameters. */
function parameterSchema(doc: Record<string, unknown>, parameters: SpecModel['operations'][number]['parameters']): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const location of LOCATIONS) {
    const own = parameters.filter((p) => p.in === location);
    if (own.length === 0) continue;
    // Node lower-cases incoming header names, so header validators key on the lower-case name.
    const key = (p: (typeof own)[number]): string => (location === 'header' ? p.name.toLowerCase() : p.name);
    const required = own.filter((p) => p.required).map(key);
    properties[location] = {
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [key(p), p.schemaPointer ? parameterValueSchema(doc, p.schemaPointer) : {}])),
      ...(required.length > 0 ? { required } : {}),
    };
  }
  return { type: 'object', properties };
}

/**
 * A parameter's schema is usually a leaf (`{ type: string }`): copied in, it compiles inline instead of as one
 * more function per parameter. Schemas with a `$ref` keep pointing into the document so the ref resolves.
 */
function parameterValueSchema(doc: Record<string, unknown>, pointer: string): unknown {
  const schema = resolvePointer(doc, pointer);
  if (typeof schema === 'boolean') return schema;
  if (schema === undefined || JSON.stringify(schema).includes('"$ref"')) return docRef(pointer);
  return schema;
}

