import type { SpecProblem } from '../errors.js';
import { SpecError } from '../errors.js';
import { escapeSegment, isObject, resolvePointer, toPointer } from './pointer.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Keys whose values are data (examples, enums), never OpenAPI objects, so a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default', 'value']);

/** Checks what the generator relies on; every problem is collected so one run shows all of them. */
export function checkSpec(doc: unknown, file: string): asserts doc is Record<string, unknown> {
  if (!isObject(doc)) throw new SpecError(file, [{ where: '#', message: 'the document must be an object (an OpenAPI 3.1 document)' }]);
  const versionProblem = checkVersion(doc);
  if (versionProblem) throw new SpecError(file, [versionProblem]);
  const problems = [...checkStructure(doc), ...checkOperationIds(doc), ...checkRefs(doc)];
  if (problems.length > 0) throw new SpecError(file, problems);
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
    if (doc[key] !== undefined && !isObject(doc[key])) problems.push({ where: toPointer([key]), message: `\`${key}\` must be an object` });
  }
  if (doc.paths === undefined && doc.webhooks === undefined && doc.components === undefined) {
    problems.push({ where: '#', message: 'an OpenAPI 3.1 document needs at least one of `paths`, `webhooks` or `components`' });
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
      // Inside `properties` the keys are property names, so `default` or `x-id` there is a schema.
      if (!inPropertyMap && DATA_KEYS.has(key) && !(key === 'examples' && isObject(node[key]))) continue;
      if (!inPropertyMap && key.startsWith('x-')) continue;
      visit(node[key], `${path}/${escapeSegment(key)}`, key === 'properties' || key === 'patternProperties');
    }
  };
  visit(doc, '#');
  return problems;
}
