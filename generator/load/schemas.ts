import type { SpecProblem } from '../errors.js';
import { describe, escapeSegment, isObject, parsePointer, resolvePointer, toPointer } from './pointer.js';
import { ONE_SCHEMA, SCHEMA_DATA_KEYS, SCHEMA_LIST, SCHEMA_MAP } from './schema-keywords.js';
/** Keywords that apply a subschema to the very value being validated: a cycle through them alone never ends. */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'];
const IN_PLACE_LIST = ['allOf', 'anyOf', 'oneOf'];

const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains'];
/** `components` members that hold other OpenAPI objects: a schema `$ref` to one of them is a mistake. */
const NOT_SCHEMAS = /^#\/components\/(parameters|responses|requestBodies|headers|examples|securitySchemes|links|callbacks|pathItems)\/[^/]+$/;

/** A schema node and where it is written. */
interface SchemaSite {
  node: Record<string, unknown>;
  pointer: string;
}

/**
 * Every schema object of the document (roots under `components.schemas` and `schema` members, and their
 * subschemas). A value in a schema's place that is neither an object nor `true`/`false` goes to `invalid`.
 */
export function eachSchema(doc: Record<string, unknown>, invalid?: SpecProblem[]): SchemaSite[] {
  const sites: SchemaSite[] = [];
  const seen = new Set<object>();
  const schema = (node: unknown, pointer: string): void => {
    if (!isObject(node)) {
      if (invalid && typeof node !== 'boolean') invalid.push({ where: pointer, message: notASchema(node) });
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    sites.push({ node, pointer });
    // A list under `items` is the old tuple form, which checkKeywords explains.
    for (const key of ONE_SCHEMA) if (key in node && !(key === 'items' && Array.isArray(node[key]))) schema(node[key], `${pointer}/${key}`);
    for (const key of SCHEMA_LIST) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((child, i) => schema(child, `${pointer}/${key}/${i}`));
    }
    for (const key of SCHEMA_MAP) {
      const map = node[key];
      if (isObject(map)) for (const name of Object.keys(map)) schema(map[name], `${pointer}/${key}/${escapeSegment(name)}`);
    }
  };
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`));
    if (!isObject(node)) return;
    const inSchemas = pointer === '#/components/schemas';
    for (const key of Object.keys(node)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (inSchemas || key === 'schema') schema(node[key], at);
      else if (!SCHEMA_DATA_KEYS.has(key) && !key.startsWith('x-')) walk(node[key], at);
    }
  };
  walk(doc, '#');
  return sites;
}

/**
 * Keyword values JSON Schema 2020-12 (OpenAPI 3.1) cannot use, each named by its pointer with the fix, and
 * schemas that apply themselves to the same value forever. Ajv would refuse most of them at compile time,
 * without saying where; a few (a negative or fractional `maxLength`) it would compile into a validator that
 * rejects everything.
 */
export function checkSchemas(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const sites = eachSchema(doc, problems);
  for (const site of sites) problems.push(...checkKeywords(site), ...checkDiscriminator(doc, site));
  problems.push(...checkCycles(doc, sites));
  return problems;
}

function checkKeywords({ node, pointer }: SchemaSite): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const at = (key: string, message: string): void => void problems.push({ where: `${pointer}/${escapeSegment(key)}`, message });
  if ('type' in node) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    for (const type of types) {
      if (type === null) at('type', "`null` unquoted is YAML's null, not the type name: write type: [string, 'null']");
      else if (typeof type !== 'string' || !TYPES.includes(type)) at('type', `unknown type ${JSON.stringify(type)}; use ${TYPES.join(', ')}`);
    }
  }
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (!(key in node)) continue;
    const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    if (typeof node[key] === 'boolean') at(key, `in OpenAPI 3.1 \`${key}\` is the bound itself: replace \`${bound}: N\` + \`${key}: true\` with \`${key}: N\``);
    else if (!isFiniteNumber(node[key])) at(key, `\`${key}\` must be a number`);
  }
  for (const key of ['minimum', 'maximum']) if (key in node && !isFiniteNumber(node[key])) at(key, `\`${key}\` must be a number`);
  if ('multipleOf' in node && !(isFiniteNumber(node.multipleOf) && node.multipleOf > 0)) at('multipleOf', '`multipleOf` must be a number greater than 0');
  for (const key of COUNTS) {
    const value = node[key];
    if (key in node && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) at(key, `\`${key}\` must be a whole number, 0 or more (got ${typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value)})`);
  }
  if ('pattern' in node) {
    const problem = regexProblem(node.pattern);
    if (problem) at('pattern', problem);
  }
  if (isObject(node.patternProperties)) {
    for (const key of Object.keys(node.patternProperties)) {
      const problem = regexProblem(key);
      if (problem) problems.push({ where: `${pointer}/patternProperties/${escapeSegment(key)}`, message: problem });
    }
  }
  if ('required' in node && !(Array.isArray(node.required) && node.required.every((n) => typeof n === 'string'))) {
    at('required', typeof node.required === 'boolean' ? '`required: true` belongs to a parameter or request body; in a schema, list the property names: required: [name]' : '`required` must be a list of property names');
  }
  if ('enum' in node && !Array.isArray(node.enum)) at('enum', '`enum` must be a list of values');
  if (Array.isArray(node.items)) at('items', 'a list under `items` is the old tuple form; in OpenAPI 3.1 write `prefixItems: [...]` (and `items` for the rest)');
  for (const key of SCHEMA_MAP) if (key in node && !isObject(node[key])) at(key, `\`${key}\` must map names to schemas`);
  for (const key of SCHEMA_LIST) if (key in node && !(Array.isArray(node[key]) && node[key].length > 0)) at(key, `\`${key}\` must be a non-empty list of schemas`);
  if (typeof node.$ref === 'string' && NOT_SCHEMAS.test(node.$ref)) at('$ref', `"${node.$ref}" is not a schema; a schema $ref must point at a schema (#/components/schemas/…)`);
  return problems;
}

/** What is wrong with a value written where a schema belongs. */
function notASchema(value: unknown): string {
  const hint = typeof value === 'string' && TYPES.includes(value) ? `; for a ${value} write { type: ${value} }` : '';
  return `a schema must be an object (or true/false), got ${describe(value)}${hint}`;
}

/**
 * `discriminator.mapping` values are references that openapi-typescript (through Redocly) resolves like `$ref`s:
 * one that resolves nowhere fails the types with a bare "Can't resolve $ref", and a bare schema name is read as a
 * file name.
 */
function checkDiscriminator(doc: Record<string, unknown>, { node, pointer }: SchemaSite): SpecProblem[] {
  const discriminator = node.discriminator;
  if (!isObject(discriminator) || !('mapping' in discriminator)) return [];
  const mapping = discriminator.mapping;
  const at = `${pointer}/discriminator/mapping`;
  if (!isObject(mapping)) return [{ where: at, message: '`mapping` must map discriminator values to schema references' }];
  const problems: SpecProblem[] = [];
  for (const value of Object.keys(mapping)) {
    const ref = mapping[value];
    const where = `${at}/${escapeSegment(value)}`;
    if (typeof ref !== 'string') problems.push({ where, message: `a mapping must be a schema reference such as '#/components/schemas/Name', got ${describe(ref)}` });
    else if (!ref.startsWith('#')) {
      const hint = /^[\w.-]+$/.test(ref) ? `'#/components/schemas/${ref}'` : "a local reference ('#/components/schemas/Name')";
      problems.push({ where, message: `mapping "${ref}" is not a local reference (it would be read as a file); write ${hint}` });
    } else if (!isObject(resolvePointer(doc, ref))) problems.push({ where, message: `mapping target "${ref}" does not exist; fix the reference or add the schema` });
  }
  return problems;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Ajv compiles `pattern` with the `u` flag, so that is the syntax to check. */
function regexProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return '`pattern` must be a string (a regular expression)';
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (err) {
    return `invalid regular expression (Unicode mode, as the validators compile it): ${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * A schema that reaches itself through `$ref`, `allOf`, `anyOf`, `oneOf`, `not` or `if`/`then`/`else` alone
 * applies itself to the same value forever: the validator overflows its stack and the types do not compile.
 * Recursion through `properties` or `items` is fine (each step goes one level down into the value).
 */
function checkCycles(doc: Record<string, unknown>, sites: SchemaSite[]): SpecProblem[] {
  const pointerOf = new Map<object, string>(sites.map((s) => [s.node, s.pointer]));
  const state = new Map<object, 'open' | 'done'>();
  const stack: [Record<string, unknown>, string][] = [];
  const problems: SpecProblem[] = [];
  const next = (node: Record<string, unknown>, pointer: string): [Record<string, unknown>, string][] => {
    const out: [Record<string, unknown>, string][] = [];
    const segments = typeof node.$ref === 'string' ? parsePointer(node.$ref) : undefined;
    if (segments) {
      const target = resolvePointer(doc, node.$ref as string);
      if (isObject(target)) out.push([target, pointerOf.get(target) ?? toPointer(segments)]);
    }
    for (const key of IN_PLACE_ONE) if (isObject(node[key])) out.push([node[key], `${pointer}/${key}`]);
    for (const key of IN_PLACE_LIST) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((child, i) => isObject(child) && out.push([child, `${pointer}/${key}/${i}`]));
    }
    return out;
  };
  const visit = (node: Record<string, unknown>, pointer: string): void => {
    state.set(node, 'open');
    stack.push([node, pointer]);
    for (const [child, childPointer] of next(node, pointer)) {
      const seen = state.get(child);
      if (seen === 'open') {
        const loop = stack.slice(stack.findIndex(([open]) => open === child)).map(([, p]) => p);
        problems.push({
          where: pointer,
          message: `schema applies itself to the same value forever (${[...loop, loop[0]].join(' → ')}); recursion must go through properties or items`,
        });
      } else if (seen === undefined) visit(child, childPointer);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const site of sites) if (!state.has(site.node)) visit(site.node, site.pointer);
  return problems;
}
