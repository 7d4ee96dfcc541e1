import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memberAccess, propertyKey } from '../model/names.js';

/** `templates/` at the repository root, next to `generator/`. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

const engine = Handlebars.create();
engine.registerHelper('json', (value: unknown) => JSON.stringify(value));
engine.registerHelper('key', (name: string) => propertyKey(name));
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

/** A TSDoc block for generated declarations; `*\/` in spec text cannot end the comment early. */
export function tsdoc(text: string, indent: string): string {
  const lines = text.trim().replace(/\*\//g, '*\\/').split(/\r?\n/);
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`.trimEnd()).join('\n')}\n${indent} */\n`;
}
