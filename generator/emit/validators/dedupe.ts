import { isObject } from '../../load/pointer.js';
import { ONE_SCHEMA, SCHEMA_LIST, SCHEMA_MAP } from '../../load/schema-keywords.js';
import { mapSchemas } from './schema-walk.js';

/** Where hoisted schemas go in the rewritten document; refs point here. */
export const SHARED_KEY = 'x-hookspec-shared';

/** A subtree with these keywords changes base URIs or dynamic scope, so moving it could change its meaning. */
const PINNED = new Set(['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveRef', '$recursiveAnchor']);

const NOT_SCHEMA = -1;
const PINNED_SCHEMA = -2;

interface Shape {
  count: number;
  /** Number of schema nodes in the subtree. */
  size: number;
}

/**
 * Hoists schema subtrees that occur more than once (GitHub's document repeats the same inline `repository`
 * object hundreds of times) into `x-hookspec-shared`, replacing each copy by a `$ref`. Validity is unchanged
 * (a local `$ref` to an identical subschema), while Ajv compiles each shape once instead of once per copy.
 */
export function dedupeSchemas(doc: Record<string, unknown>): Record<string, unknown> {
  const interned = new Map<string, number>();
  const shapes: Shape[] = [];
  const ids = new Map<object, number>();

  const intern = (node: unknown): number => {
    if (!isObject(node)) return NOT_SCHEMA;
    let key = '';
    let size = 1;
    let pinned = false;
    const child = (value: unknown): string => {
      const id = intern(value);
      if (id === PINNED_SCHEMA) pinned = true;
      if (id >= 0) {
        size += (shapes[id] as Shape).size;
        return `#${id}`;
      }
      return JSON.stringify(value) ?? 'undefined';
    };
    for (const k of Object.keys(node).sort()) {
      const value = node[k];
      if (PINNED.has(k)) pinned = true;
      if (ONE_SCHEMA.has(k)) key += `${k}:${child(value)},`;
      else if (SCHEMA_LIST.has(k) && Array.isArray(value)) key += `${k}:[${value.map(child).join(',')}],`;
      else if (SCHEMA_MAP.has(k) && isObject(value)) key += `${k}:{${Object.keys(value).sort().map((p) => `${JSON.stringify(p)}:${child(value[p])}`).join(',')}},`;
      else key += `${k}:${JSON.stringify(value)},`;
    }
    if (pinned) return PINNED_SCHEMA;
    let id = interned.get(key);
    if (id === undefined) {
      id = shapes.length;
      interned.set(key, id);
      shapes.push({ count: 0, size });
    }
    (shapes[id] as Shape).count++;
    ids.set(node, id);
    return id;
  };

  const shared: Record<string, unknown> = {};
  const rewrite = (node: unknown, root: boolean): unknown => {
    if (!isObject(node)) return node;
    const id = ids.get(node);
    // A pinned subtree (it holds an `$id` or anchor somewhere) is copied as it is, nothing moved out of it.
    if (id === undefined) return node;
    if (!root && id !== undefined) {
      const shape = shapes[id] as Shape;
      if (shape.count > 1 && shape.size > 1) {
        const name = `s${id}`;
        if (!(name in shared)) {
          shared[name] = true;
          shared[name] = rewrite(node, true);
        }
        return { $ref: `#/${SHARED_KEY}/${name}` };
      }
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(node)) {
      const value = node[k];
      if (ONE_SCHEMA.has(k)) out[k] = rewrite(value, false);
      else if (SCHEMA_LIST.has(k) && Array.isArray(value)) out[k] = value.map((v) => rewrite(v, false));
      else if (SCHEMA_MAP.has(k) && isObject(value)) out[k] = Object.fromEntries(Object.keys(value).map((p) => [p, rewrite(value[p], false)]));
      else out[k] = value;
    }
    return out;
  };

  mapSchemas(doc, (schema) => {
    intern(schema);
    return schema;
  });
  const rewritten = mapSchemas(doc, (schema) => rewrite(schema, true));
  return { ...rewritten, [SHARED_KEY]: shared };
}
