import { mapSchemaNodes, mapSchemas } from './schema-walk.js';

/**
 * The document as JSON Schema 2020-12 sees it. OpenAPI 3.0's `nullable` is no keyword in 3.1, but Ajv still
 * interprets it (and throws on `nullable` without `type`), so it is dropped as the annotation it is in 3.1.
 * Both the generator and the run-time comparison in the tests compile this normalized form.
 */
export function normalizeForAjv(doc: Record<string, unknown>): Record<string, unknown> {
  return mapSchemas(doc, (schema) =>
    mapSchemaNodes(schema, (node) => {
      if (!('nullable' in node)) return node;
      const { nullable: _annotation, ...rest } = node;
      return rest;
    }),
  );
}
