import { escapeSegment } from '../../load/pointer.js';
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

/** Lists what gets a compiled validator: each webhook payload, each `paths` request body, each parameter set. */
export function buildEntries(model: SpecModel): ValidatorEntries {
  const webhooks = model.webhooks.flatMap((w, i) =>
    w.operation.body?.schemaPointer ? [{ name: w.name, exportName: `w${i}`, schema: docRef(w.operation.body.schemaPointer) }] : [],
  );
  const bodies = model.operations
    .filter((op) => op.section === 'paths' && op.body?.schemaPointer)
    .map((op, i) => ({ name: op.operationId, exportName: `b${i}`, schema: docRef(op.body?.schemaPointer as string) }));
  const parameters = model.operations
    .filter((op) => op.parameters.length > 0)
    .map((op, i) => ({ name: op.operationId, exportName: `p${i}`, schema: parameterSchema(op.parameters) }));
  return { webhooks, bodies, parameters };
}

/** One object schema per location (`{ path, query, header, cookie }`), each listing its parameters. */
function parameterSchema(parameters: SpecModel['operations'][number]['parameters']): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const location of LOCATIONS) {
    const own = parameters.filter((p) => p.in === location);
    if (own.length === 0) continue;
    const required = own.filter((p) => p.required).map((p) => p.name);
    properties[location] = {
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [p.name, p.schemaPointer ? docRef(p.schemaPointer) : {}])),
      ...(required.length > 0 ? { required } : {}),
    };
  }
  return { type: 'object', properties };
}

/** JSON pointer segment escaping, re-exported for the error mapper's tests. */
export { escapeSegment };
