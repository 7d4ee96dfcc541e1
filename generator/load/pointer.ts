/** Escapes one JSON pointer segment (RFC 6901). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a `#/a/b` pointer from raw segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return '#' + segments.map((s) => '/' + escapeSegment(String(s))).join('');
}

/** Splits a `#/a/b` pointer into raw segments, or returns undefined for anything that is not a local pointer. */
export function parsePointer(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => safeDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follows a local pointer through the document; undefined when any segment is missing. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  const segments = parsePointer(ref);
  if (!segments) return undefined;
  let node: unknown = doc;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Follows `$ref` chains (local only) until a node without `$ref`; gives up on cycles. */
export function deref<T = unknown>(doc: unknown, node: unknown): { node: T | undefined; pointer: string | undefined } {
  let pointer: string | undefined;
  const seen = new Set<string>();
  while (isObject(node) && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return { node: undefined, pointer };
    seen.add(node.$ref);
    pointer = node.$ref;
    node = resolvePointer(doc, node.$ref);
  }
  return { node: node as T | undefined, pointer };
}

/** True for plain (non-array) objects. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message names it: `nothing`, `a list`, `the string "x"`… */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return `the ${typeof value} ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}

/** Pointers in `$ref` are URI fragments; a malformed escape is kept as written rather than thrown. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
