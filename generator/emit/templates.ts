import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memberAccess, propertyKey, stringLiteral } from '../model/names.js';

/** `templates/` at the repository root, next to `generator/`. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

const engine = Handlebars.create();
engine.registerHelper('json', (value: unknown) => JSON.stringify(value));
engine.registerHelper('str', (value: string) => stringLiteral(value));
engine.registerHelper('strs', (values: string[]) => `[${values.map(stringLiteral).join(', ')}]`);
engine.registerHelper('key', (name: string) => propertyKey(name));
engine.registerHelper('union', (head: string, names: string[]) => unionStatement(head, names));
engine.registerHelper('list', (head: string, names: string[], tail: string) => listStatement(head, names, tail));
engine.registerHelper('member', (name: string) => memberAccess(name));
engine.registerHelper('tsdoc', (text: unknown, indent: unknown) => tsdoc(typeof text === 'string' ? text : '', typeof indent === 'string' ? indent : ''));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<name>.hbs`; output is code, so nothing is HTML-escaped. */
export function render(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = engine.compile(readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}

/** Matches the prettier options the templates are written for (see test/generator/format.test.ts). */
const PRINT_WIDTH = 120;

/** `head = 'a' | 'b';` on one line when it fits, else one `| 'x'` per line, as prettier prints unions. */
export function unionStatement(head: string, names: string[]): string {
  if (names.length === 0) return `${head} = never;`;
  const inline = `${head} = ${names.map(stringLiteral).join(' | ')};`;
  if (inline.length <= PRINT_WIDTH) return inline;
  return `${head} =\n${names.map((n) => `  | ${stringLiteral(n)}`).join('\n')};`;
}

/** `head['a', 'b']tail` on one line when it fits, else one item per line with trailing commas. */
export function listStatement(head: string, names: string[], tail: string): string {
  const inline = `${head}[${names.map(stringLiteral).join(', ')}]${tail}`;
  if (names.length === 0 || inline.length <= PRINT_WIDTH) return inline;
  return `${head}[\n${names.map((n) => `  ${stringLiteral(n)},`).join('\n')}\n]${tail}`;
}

/** A TSDoc block for generated declarations; `*\/` in spec text cannot end the comment early. */
export function tsdoc(text: string, indent: string): string {
  const lines = text.trim().replace(/\*\//g, '*\\/').split(/\r?\n/);
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`.trimEnd()).join('\n')}\n${indent} */\n`;
}
