import { parseDocument } from 'yaml';
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

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: true });
  if (document.errors.length > 0) {
    throw new SpecError(
      file,
      document.errors.map((e) => ({
        where: lineColumn(text, e.pos[0]),
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  return document.toJS({ maxAliasCount: -1 }) as unknown;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
