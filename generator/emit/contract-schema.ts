import { deref, escapeSegment, isObject, resolvePointer } from '../load/pointer.js';

/** A schema node and the `#/…` pointer it was read from. */
export interface SchemaAt {
  node: Record<string, unknown>;
  pointer: string;
}

/** Follows `$ref`s from the node at `pointer`; undefined when it is not a schema object. */
export function schemaAt(doc: Record<string, unknown>, pointer: string): SchemaAt | undefined {
  const { node, pointer: target } = deref<Record<string, unknown>>(doc, resolvePointer(doc, pointer));
  return isObject(node) ? { node, pointer: target ?? pointer } : undefined;
}

/** The object shape of a schema: its properties (with pointers) and required names, `allOf` parts merged. */
export function objectShape(doc: Record<string, unknown>, at: SchemaAt): { properties: Map<string, string>; required: string[] } {
  const properties = new Map<string, string>();
  const required = new Set<string>();
  const visit = (schema: SchemaAt, depth: number): void => {
    if (depth > 8) return;
    const { node, pointer } = schema;
    if (isObject(node.properties)) {
      for (const name of Object.keys(node.properties)) if (!properties.has(name)) properties.set(name, `${pointer}/properties/${escapeSegment(name)}`);
    }
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string') required.add(name);
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((_part, i) => {
        const part = schemaAt(doc, `${pointer}/allOf/${i}`);
        if (part) visit(part, depth + 1);
      });
    }
  };
  visit(at, 0);
  return { properties, required: [...required] };
}

/** The JSON types a schema admits (`type` as a string or list), or undefined when it does not say. */
export function declaredTypes(node: Record<string, unknown>): string[] | undefined {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** A value of a JSON type the schema does not admit, or undefined when every candidate is admitted. */
export function wrongTypeValue(types: string[]): unknown {
  const admits = (t: string): boolean => types.includes(t) || (t === 'integer' && types.includes('number'));
  if (!admits('integer') && !admits('number')) return 12345;
  if (!admits('string')) return 'not-a-number';
  if (!admits('boolean')) return true;
  if (!admits('array')) return [];
  return undefined;
}
