import { parseDocument, visit, type Document } from 'yaml';
import { SpecError } from '../errors.js';

/** Parses YAML or JSON text; syntax errors name the line and column. */
export function parseSpecText(text: string, file: string): unknown {
  if (/\.json$/i.test(file) || /^\s*\{/.test(text)) return parseJson(text, file);
  return parseYaml(text, file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : 'line 1';
    throw new SpecError(file, [{ where, message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` }]);
  }
}

/**
 * Aliases may expand to at most this many nodes: far more than any real document uses (anchors for shared
 * parameters and responses), far less than an alias bomb needs to take minutes and gigabytes.
 */
const MAX_ALIAS_COUNT = 10_000;

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: true });
  // One mistake (a tab, a bad indent) makes the parser report every following line too: only the first is true.
  const first = document.errors[0];
  if (first) throw new SpecError(file, [{ where: lineColumn(text, first.pos[0]), message: `invalid YAML: ${first.message.split('\n')[0]}` }]);
  const bad = badAlias(document);
  if (bad?.kind === 'undefined') {
    throw new SpecError(file, [{ where: lineColumn(text, bad.offset), message: `invalid YAML: alias *${bad.name} has no anchor &${bad.name} before it (an anchor must be set before its alias is used)` }]);
  }
  if (bad?.kind === 'recursive') {
    throw new SpecError(file, [{ where: lineColumn(text, bad.offset), message: `YAML alias *${bad.name} sits inside its own anchor &${bad.name}, which makes an endless document; a recursive schema needs $ref` }]);
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const bomb = /alias count/i.test(message);
    throw new SpecError(file, [{ where: 'line 1', message: bomb ? `invalid YAML: aliases expand beyond ${MAX_ALIAS_COUNT} nodes; use $ref instead of nested anchors` : `invalid YAML: ${message}` }]);
  }
}

/** The first alias that refers to no anchor before it, or to one of its own ancestors, with its name and offset. */
function badAlias(document: Document): { kind: 'undefined' | 'recursive'; name: string; offset: number } | undefined {
  let found: { kind: 'undefined' | 'recursive'; name: string; offset: number } | undefined;
  visit(document, {
    Alias(_key, node, path) {
      const target = node.resolve(document);
      if (target === undefined || path.includes(target)) {
        found = { kind: target === undefined ? 'undefined' : 'recursive', name: node.source, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
