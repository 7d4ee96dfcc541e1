import type { SpecProblem } from '../errors.js';
import { SpecError } from '../errors.js';
import { deref, escapeSegment, isObject, resolvePointer, toPointer } from './pointer.js';
import { checkSchemas } from './schemas.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Every fixed field of a Path Item Object; anything else (but `x-*`) is a typo that would drop an operation. */
const PATH_ITEM_FIELDS = new Set<string>(['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS]);

/** Keys whose values are data (examples, enums), never OpenAPI objects, so a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default', 'value']);

/** Checks what the generator relies on; every problem is collected so one run shows all of them. */
export function checkSpec(doc: unknown, file: string): asserts doc is Record<string, unknown> {
  if (!isObject(doc)) throw new SpecError(file, [{ where: '#', message: 'the document must be an object (an OpenAPI 3.1 document)' }]);
  const versionProblem = checkVersion(doc);
  if (versionProblem) throw new SpecError(file, [versionProblem]);
  const structure = checkStructure(doc);
  if (structure.length > 0) throw new SpecError(file, structure);
  const problems = [...checkOperationIds(doc), ...checkRefs(doc)];
  if (problems.length > 0) throw new SpecError(file, problems);
  // Dangling refs first: the checks below follow references.
  const more = [...checkPathParameters(doc), ...checkSchemas(doc)];
  if (more.length > 0) throw new SpecError(file, more);
}

function checkVersion(doc: Record<string, unknown>): SpecProblem | undefined {
  if (doc.swagger !== undefined) return { where: '#/swagger', message: `Swagger ${String(doc.swagger)} is not supported; convert the document to OpenAPI 3.1 (openapi: 3.1.1)` };
  const version = doc.openapi;
  if (typeof version !== 'string') return { where: '#/openapi', message: 'missing `openapi` version; set `openapi: 3.1.1`' };
  if (/^3\.1\.\d+$/.test(version)) return undefined;
  if (version === '3.1') return { where: '#/openapi', message: 'write the full version `3.1.1` (express-openapi-validator rejects the short form `3.1`)' };
  if (/^3\.0(\.|$)/.test(version)) {
    return { where: '#/openapi', message: `OpenAPI ${version} is not supported; convert to 3.1 (openapi: 3.1.1; \`nullable: true\` becomes a type array with "null", \`example\` in schemas becomes \`examples\`)` };
  }
  return { where: '#/openapi', message: `OpenAPI ${version} is not supported; this generator reads OpenAPI 3.1.x documents (set openapi: 3.1.1)` };
}

function checkStructure(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const key of ['paths', 'webhooks', 'components'] as const) {
    if (doc[key] === null) problems.push({ where: toPointer([key]), message: `\`${key}:\` is empty; list its entries under it, write \`${key}: {}\` or remove it` });
    else if (doc[key] !== undefined && !isObject(doc[key])) problems.push({ where: toPointer([key]), message: `\`${key}\` must be an object` });
  }
  if (doc.paths === undefined && doc.webhooks === undefined && doc.components === undefined) {
    problems.push({ where: '#', message: 'an OpenAPI 3.1 document needs at least one of `paths`, `webhooks` or `components`' });
  }
  for (const section of ['paths', 'webhooks'] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const key of Object.keys(items)) {
      const where = toPointer([section, key]);
      const item = items[key];
      if (section === 'paths' && !key.startsWith('/')) problems.push({ where, message: `path "${key}" must start with "/"` });
      if (!isObject(item)) {
        problems.push({ where, message: `${section === 'paths' ? `path "${key}"` : `webhook "${key}"`} must be a Path Item object (operations by HTTP method), got ${item === null ? 'nothing' : typeof item}` });
        continue;
      }
      for (const field of Object.keys(item)) {
        if (PATH_ITEM_FIELDS.has(field) || field.startsWith('x-')) continue;
        const hint = HTTP_METHODS.find((m) => m === field.toLowerCase()) ? `HTTP methods are lower case (\`${field.toLowerCase()}\`)` : `use ${HTTP_METHODS.join(', ')}`;
        problems.push({ where: toPointer([section, key, field]), message: `\`${field}\` is not an HTTP method or Path Item field, so its operation would be dropped; ${hint}` });
      }
    }
  }
  return problems;
}

/** Lists every operation of `paths` and `webhooks` with its pointer (shared by the model). */
export function* eachOperation(doc: Record<string, unknown>): Generator<{ section: 'paths' | 'webhooks'; key: string; method: string; operation: Record<string, unknown>; item: Record<string, unknown>; pointer: string }> {
  for (const section of ['paths', 'webhooks'] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const key of Object.keys(items).sort()) {
      let item = items[key];
      if (isObject(item) && typeof item.$ref === 'string') item = resolvePointer(doc, item.$ref);
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) yield { section, key, method, operation, item, pointer: toPointer([section, key, method]) };
      }
    }
  }
}

function checkOperationIds(doc: Record<string, unknown>): SpecProblem[] {
  const seen = new Map<string, string>();
  const problems: SpecProblem[] = [];
  for (const { operation, pointer } of eachOperation(doc)) {
    const id = operation.operationId;
    if (id === undefined) continue;
    if (typeof id !== 'string' || id === '') {
      problems.push({ where: `${pointer}/operationId`, message: 'operationId must be a non-empty string' });
      continue;
    }
    const first = seen.get(id);
    if (first) problems.push({ where: `${pointer}/operationId`, message: `duplicate operationId "${id}", also used at ${first}/operationId; operationIds must be unique across paths and webhooks` });
    else seen.set(id, pointer);
  }
  return problems;
}

/** Every `{name}` of a path must be declared as an `in: path` parameter of the operation or its path item, and only those. */
function checkPathParameters(doc: Record<string, unknown>): SpecProblem[] {
  const problems = new Map<string, SpecProblem>();
  const add = (problem: SpecProblem): void => void problems.set(`${problem.where} ${problem.message}`, problem);
  for (const { section, key, operation, item, pointer } of eachOperation(doc)) {
    if (section !== 'paths') continue;
    const itemPointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const template = [...key.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
    const declared = new Map<string, string>();
    for (const [list, base] of [[item.parameters, `${itemPointer}/parameters`], [operation.parameters, `${pointer}/parameters`]] as const) {
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const { node } = deref<Record<string, unknown>>(doc, entry);
        if (isObject(node) && node.in === 'path' && typeof node.name === 'string') declared.set(node.name, `${base}/${i}`);
      });
    }
    for (const name of template) {
      if (!declared.has(name)) add({ where: pointer, message: `path parameter {${name}} of "${key}" is not declared; add { name: ${name}, in: path, required: true, schema: … } to the parameters of the operation or its path item` });
    }
    for (const [name, where] of declared) {
      if (!template.includes(name)) add({ where, message: `path parameter "${name}" does not appear in "${key}"; rename it to one of its {…} names or remove it` });
    }
  }
  return [...problems.values()];
}

function checkRefs(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const visit = (node: unknown, path: string, inPropertyMap = false): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${path}/${i}`));
      return;
    }
    if (!isObject(node)) return;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) problems.push({ where: `${path}/$ref`, message: `external $ref "${ref}" is not supported; bundle the document first (npx redocly bundle)` });
      else if (resolvePointer(doc, ref) === undefined) problems.push({ where: `${path}/$ref`, message: `$ref target "${ref}" does not exist; fix the reference or add the target` });
    }
    for (const key of Object.keys(node)) {
      // JavaScript objects lose an own `__proto__` member as soon as they are copied: every emitter would drop it.
      if (key === '__proto__') problems.push({ where: `${path}/__proto__`, message: '`__proto__` cannot be used as a name (JavaScript objects lose it); rename it' });
      // Inside `properties` the keys are property names, so `default` or `x-id` there is a schema.
      if (!inPropertyMap && DATA_KEYS.has(key) && !(key === 'examples' && isObject(node[key]))) continue;
      if (!inPropertyMap && key.startsWith('x-')) continue;
      visit(node[key], `${path}/${escapeSegment(key)}`, key === 'properties' || key === 'patternProperties');
    }
  };
  visit(doc, '#');
  return problems;
}
