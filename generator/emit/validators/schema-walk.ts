import { isObject } from '../../load/pointer.js';
import { ONE_SCHEMA, SCHEMA_DATA_KEYS, SCHEMA_LIST, SCHEMA_MAP } from '../../load/schema-keywords.js';

/** Rebuilds the document with every schema root (`schema` members, `components.schemas`) passed through `fn`. */
export function mapSchemas(doc: Record<string, unknown>, fn: (schema: unknown) => unknown): Record<string, unknown> {
  const walk = (node: unknown, path: string[]): unknown => {
    if (Array.isArray(node)) return node.map((child) => walk(child, path));
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const value = node[key];
      const inSchemas = path.length === 2 && path[0] === 'components' && path[1] === 'schemas';
      if (inSchemas || key === 'schema') out[key] = fn(value);
      else if (SCHEMA_DATA_KEYS.has(key) || key.startsWith('x-')) out[key] = value;
      else out[key] = walk(value, [...path, key]);
    }
    return out;
  };
  return walk(doc, []) as Record<string, unknown>;
}

/** Applies `fn` to every schema node (roots and all their subschemas), rebuilding the tree from the results. */
export function mapSchemaNodes(schema: unknown, fn: (node: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(schema)) {
    const value = schema[k];
    if (ONE_SCHEMA.has(k)) out[k] = mapSchemaNodes(value, fn);
    else if (SCHEMA_LIST.has(k) && Array.isArray(value)) out[k] = value.map((v) => mapSchemaNodes(v, fn));
    else if (SCHEMA_MAP.has(k) && isObject(value)) out[k] = Object.fromEntries(Object.keys(value).map((p) => [p, mapSchemaNodes(value[p], fn)]));
    else out[k] = value;
  }
  return fn(out);
}
