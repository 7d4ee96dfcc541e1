import { isObject, parsePointer, resolvePointer } from '../load/pointer.js';
import type { SpecModel } from '../model/types.js';

/** Values that are data: a `$ref` key inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default']);

/** One entry of `catalog.json`. */
export interface CatalogEntry {
  name: string;
  operationId: string;
  summary: string;
  description: string;
  schema: unknown;
  example?: unknown;
  inbound?: { provider: string; event: string };
  /** Only the server emits it (`x-hookspec-system`); absent for the others. */
  system?: true;
}

/** `catalog.json`: every webhook with a self-contained schema (its `$ref`s bundled under `$defs`), sorted by name. */
export function emitCatalog(model: SpecModel): string {
  const entries: CatalogEntry[] = model.webhooks.map((w) => {
    const pointer = w.operation.body?.schemaPointer;
    const entry: CatalogEntry = {
      name: w.name,
      operationId: w.operation.operationId,
      summary: w.operation.summary,
      description: w.operation.description,
      schema: pointer ? selfContained(model.doc, pointer) : {},
    };
    if (w.example !== undefined) entry.example = w.example;
    if (w.inbound) entry.inbound = w.inbound;
    if (w.system) entry.system = true;
    return entry;
  });
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** The schema at `pointer` with every local `$ref` it reaches copied under `$defs` and rewritten to point there. */
export function selfContained(doc: Record<string, unknown>, pointer: string): unknown {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const queue: string[] = [];
  const nameOf = (ref: string): string => {
    let name = names.get(ref);
    if (name !== undefined) return name;
    const segments = parsePointer(ref) ?? [];
    const base = segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas' ? (segments[2] as string) : segments.join('_') || 'root';
    name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names.set(ref, name);
    queue.push(ref);
    return name;
  };
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) out[key] = `#/$defs/${escape(nameOf(value))}`;
      else if (DATA_KEYS.has(key)) out[key] = value;
      else out[key] = rewrite(value);
    }
    return out;
  };
  const root = rewrite(resolvePointer(doc, pointer));
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < queue.length; i++) {
    const ref = queue[i] as string;
    defs[names.get(ref) as string] = rewrite(resolvePointer(doc, ref));
  }
  if (Object.keys(defs).length === 0) return root;
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  return isObject(root) ? { ...root, $defs: sorted } : { allOf: [root], $defs: sorted };
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `openapi.json`: the parsed document as JSON, served at `/openapi.json` and loaded by express-openapi-validator. */
export function emitDocument(model: SpecModel): string {
  return `${JSON.stringify(model.doc, null, 2)}\n`;
}
