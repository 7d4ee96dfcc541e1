import { mapSchemaNodes, mapSchemas } from './schema-walk.js';

/**
 * The document as JSON Schema 2020-12 sees it, with OpenAPI 3.0's `nullable` read the way openapi-typescript
 * types it (`T | null`), so a value the types allow is never refused by the validator: `nullable: true` adds
 * `"null"` to `type` (and to `enum`), or wraps a schema without `type` in `anyOf: [schema, { type: 'null' }]`.
 * Like the types, a `$ref` with `nullable` beside it stays the bare ref. Ajv itself would throw on `nullable`
 * without `type`, so the keyword never reaches it. Both the generator and the tests' run-time compile use this.
 */
export function normalizeForAjv(doc: Record<string, unknown>): Record<string, unknown> {
  return mapSchemas(doc, (schema) =>
    mapSchemaNodes(schema, (node) => {
      if (!('nullable' in node)) return node;
      const { nullable, ...rest } = node;
      if (nullable !== true || '$ref' in rest) return rest;
      if (typeof rest.type === 'string' || Array.isArray(rest.type)) {
        const types = Array.isArray(rest.type) ? rest.type : [rest.type];
        const out: Record<string, unknown> = { ...rest, type: types.includes('null') ? types : [...types, 'null'] };
        if (Array.isArray(rest.enum) && !rest.enum.includes(null)) out.enum = [...rest.enum, null];
        return out;
      }
      // Without `type` the types still say `| null`, unless the schema accepts anything anyway.
      return Object.keys(rest).length === 0 ? rest : { anyOf: [rest, { type: 'null' }] };
    }),
  );
}
