import type { SpecProblem } from '../errors.js';
import { SpecError } from '../errors.js';
import { deref, describe, escapeSegment, isObject, resolvePointer, toPointer } from './pointer.js';
import { checkSchemas } from './schemas.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Every fixed field of a Path Item Object; anything else (but `x-*`) is a typo that would drop an operation. */
const PATH_ITEM_FIELDS = new Set<string>(['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS]);

/** Keys whose values are data (examples, enums), never OpenAPI objects, so a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default', 'value']);

/** `components` members that map names to objects. */
const COMPONENT_MAPS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

/** Where a parameter can be (`in`). */
const PARAMETER_LOCATIONS = ['query', 'header', 'path', 'cookie'];

/** Checks what the generator relies on; every problem is collected so one run shows all of them. */
export function checkSpec(doc: unknown, file: string): asserts doc is Record<string, unknown> {
  if (!isObject(doc)) throw new SpecError(file, [{ where: '#', message: 'the document must be an object (an OpenAPI 3.1 document)' }]);
  const versionProblem = checkVersion(doc);
  if (versionProblem) throw new SpecError(file, [versionProblem]);
  // Before anything walks the document recursively.
  const tooDeep = checkDepth(doc);
  if (tooDeep) throw new SpecError(file, [tooDeep]);
  const structure = checkStructure(doc);
  if (structure.length > 0) throw new SpecError(file, structure);
  const problems = [...checkOperationIds(doc), ...checkRefs(doc)];
  if (problems.length > 0) throw new SpecError(file, problems);
  // Dangling refs first: the checks below follow references.
  const more = [...checkOperationParts(doc), ...checkPathParameters(doc), ...checkSchemas(doc)];
  if (more.length > 0) throw new SpecError(file, more);
}

function checkVersion(doc: Record<string, unknown>): SpecProblem | undefined {
  if (doc.swagger !== undefined) return { where: '#/swagger', message: `Swagger ${String(doc.swagger)} is not supported; convert the document to OpenAPI 3.1 (openapi: 3.1.1)` };
  const version = doc.openapi;
  if (typeof version === 'number') {
    // YAML reads `openapi: 3.1` unquoted as the number 3.1 (and `3.0` as 3).
    const unquoted = `\`openapi: ${version === 3 ? '3.0' : String(version)}\` unquoted is the number ${version}, not a version string`;
    if (version === 3.1) return { where: '#/openapi', message: `${unquoted}; write the full version \`openapi: 3.1.1\` (a string; express-openapi-validator rejects the short form '3.1')` };
    if (version >= 3 && version < 3.1) return { where: '#/openapi', message: `${unquoted}; OpenAPI 3.0 is not supported: convert to 3.1 and write the full version \`openapi: 3.1.1\`` };
    return { where: '#/openapi', message: `${unquoted}; write the full OpenAPI version as a string: \`openapi: 3.1.1\`` };
  }
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
      problems.push(...checkPathItem(item, [section, key]));
    }
  }
  const components = doc.components;
  if (isObject(components)) {
    for (const member of COMPONENT_MAPS) {
      const map = components[member];
      if (map !== undefined && !isObject(map)) problems.push({ where: toPointer(['components', member]), message: `\`components.${member}\` must map names to objects, got ${describe(map)}` });
    }
    // Path items `$ref`'d from paths or webhooks: their operations are generated as the referring ones.
    const pathItems = components.pathItems;
    if (isObject(pathItems)) {
      for (const key of Object.keys(pathItems)) {
        const item = pathItems[key];
        if (isObject(item)) problems.push(...checkPathItem(item, ['components', 'pathItems', key]));
        else problems.push({ where: toPointer(['components', 'pathItems', key]), message: `a path item must be an object (operations by HTTP method), got ${describe(item)}` });
      }
    }
  }
  return problems;
}

/**
 * The shape of one Path Item and its operations as written (before `$ref`s are followed): a method whose value
 * is not an Operation object, or a `parameters`, `requestBody` or `responses` of the wrong kind, would either
 * crash openapi-typescript without a location or silently drop the operation.
 */
function checkPathItem(item: Record<string, unknown>, segments: string[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const field of Object.keys(item)) {
    if (PATH_ITEM_FIELDS.has(field) || field.startsWith('x-')) continue;
    const hint = HTTP_METHODS.find((m) => m === field.toLowerCase()) ? `HTTP methods are lower case (\`${field.toLowerCase()}\`)` : `use ${HTTP_METHODS.join(', ')}`;
    problems.push({ where: toPointer([...segments, field]), message: `\`${field}\` is not an HTTP method or Path Item field, so its operation would be dropped; ${hint}` });
  }
  problems.push(...checkParameterList(item.parameters, [...segments, 'parameters']));
  for (const method of HTTP_METHODS) {
    if (!(method in item)) continue;
    const operation = item[method];
    const where = toPointer([...segments, method]);
    if (operation === null) {
      problems.push({ where, message: `\`${method}:\` is empty; write its Operation object under it (at least \`responses\`) or remove it` });
      continue;
    }
    if (!isObject(operation)) {
      problems.push({ where, message: `\`${method}\` must be an Operation object (summary, parameters, requestBody, responses…), got ${describe(operation)}` });
      continue;
    }
    problems.push(...checkParameterList(operation.parameters, [...segments, method, 'parameters']));
    if ('requestBody' in operation && !isObject(operation.requestBody)) {
      problems.push({ where: toPointer([...segments, method, 'requestBody']), message: `\`requestBody\` must be a Request Body object ({ content: … }) or a $ref to one, got ${describe(operation.requestBody)}` });
    }
    if ('responses' in operation) {
      const responses = operation.responses;
      if (!isObject(responses)) {
        problems.push({ where: toPointer([...segments, method, 'responses']), message: `\`responses\` must map status codes to responses ({ '200': { description: … } }), got ${describe(responses)}` });
        continue;
      }
      for (const status of Object.keys(responses)) {
        if (isObject(responses[status])) continue;
        problems.push({ where: toPointer([...segments, method, 'responses', status]), message: `response ${status} must be a Response object ({ description: … }) or a $ref to one, got ${describe(responses[status])}` });
      }
    }
  }
  return problems;
}

function checkParameterList(list: unknown, segments: string[]): SpecProblem[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [{ where: toPointer(segments), message: `\`parameters\` must be a list of parameters ([{ name, in, schema }]), got ${describe(list)}` }];
  const problems: SpecProblem[] = [];
  list.forEach((entry, i) => {
    if (!isObject(entry)) problems.push({ where: toPointer([...segments, i]), message: `a parameter must be a Parameter object ({ name, in, schema }) or a $ref to one, got ${describe(entry)}` });
  });
  return problems;
}

/**
 * The generator's walks (and Ajv's, openapi-typescript's, JSON.stringify's) recurse, so a document nested
 * thousands of levels deep would overflow the stack without saying where. Real documents stay far below this
 * (GitHub's: under 20 levels).
 */
const MAX_DEPTH = 128;

function checkDepth(doc: Record<string, unknown>): SpecProblem | undefined {
  // The segments down to the first value nested too deep (built only on the way back up), or undefined.
  const tooDeep = (node: object, depth: number): string[] | undefined => {
    if (depth > MAX_DEPTH) return [];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        const below = typeof child === 'object' && child !== null ? tooDeep(child, depth + 1) : undefined;
        if (below) return [String(i), ...below];
      }
      return undefined;
    }
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      const below = typeof child === 'object' && child !== null ? tooDeep(child, depth + 1) : undefined;
      if (below) return [key, ...below];
    }
    return undefined;
  };
  const found = tooDeep(doc, 0);
  if (!found) return undefined;
  // The full pointer would be over a hundred segments long: the first few say where.
  return { where: toPointer(found.slice(0, 6)), message: `values below this are nested more than ${MAX_DEPTH} levels deep; no OpenAPI document needs this many: flatten them, or name inner schemas under components and $ref them` };
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

/**
 * Parameters, request bodies and responses as the model and openapi-typescript read them, `$ref`s followed
 * (so this runs after `checkRefs`): a parameter with an unknown `in`, without `name` or without `schema`/`content`
 * would be dropped or generate no validation; a `content` that is not a map of media types would crash the types.
 * Each object is reported where it is written (its `$ref` target for a shared one), once.
 */
function checkOperationParts(doc: Record<string, unknown>): SpecProblem[] {
  const problems = new Map<string, SpecProblem>();
  const add = (where: string, message: string): void => void problems.set(`${where} ${message}`, { where, message });
  const resolve = (entry: unknown, written: string, kind: string): { node: Record<string, unknown>; at: string } | undefined => {
    const { node, pointer } = deref(doc, entry);
    if (isObject(node)) return { node, at: pointer ?? written };
    add(pointer ?? written, `${kind} must be an object, got ${describe(node)}${pointer ? ` (through $ref from ${written})` : ''}`);
    return undefined;
  };
  const content = (node: Record<string, unknown>, at: string, required: boolean): void => {
    if (!('content' in node)) {
      if (required) add(at, '`content` is missing; map a media type to a schema: content: { application/json: { schema: … } }');
      return;
    }
    if (!isObject(node.content)) {
      add(`${at}/content`, `\`content\` must map media types to { schema: … }, got ${describe(node.content)}`);
      return;
    }
    for (const type of Object.keys(node.content)) {
      if (!isObject(node.content[type])) add(`${at}/content/${escapeSegment(type)}`, `media type "${type}" must be an object ({ schema: … }), got ${describe(node.content[type])}`);
    }
  };
  const parameter = (entry: unknown, written: string): void => {
    const found = resolve(entry, written, 'a parameter');
    if (!found) return;
    const { node, at } = found;
    if (typeof node.name !== 'string' || node.name === '') add(`${at}/name`, `a parameter needs a \`name\` (a non-empty string), got ${describe(node.name)}`);
    if (typeof node.in !== 'string' || !PARAMETER_LOCATIONS.includes(node.in)) {
      const swagger = node.in === 'body' || node.in === 'formData' ? '; a body is a `requestBody` of the operation in OpenAPI 3 (`in: body` is Swagger 2)' : '';
      add(`${at}/in`, `\`in\` must be one of ${PARAMETER_LOCATIONS.join(', ')}, got ${describe(node.in)}${swagger}`);
    }
    if (!('schema' in node) && !('content' in node)) add(at, `parameter ${typeof node.name === 'string' ? `"${node.name}" ` : ''}needs a \`schema\` (or \`content\`), or its values are never validated or typed`);
    else content(node, at, false);
  };
  const parameters = (list: unknown, base: string): void => {
    if (Array.isArray(list)) list.forEach((entry, i) => parameter(entry, `${base}/${i}`));
  };
  const response = (entry: unknown, written: string, status: string): void => {
    const found = resolve(entry, written, `response ${status}`);
    if (!found) return;
    content(found.node, found.at, false);
    if ('headers' in found.node && !isObject(found.node.headers)) add(`${found.at}/headers`, `\`headers\` must map header names to Header objects, got ${describe(found.node.headers)}`);
  };
  const components = isObject(doc.components) ? doc.components : {};
  const each = (member: string, fn: (entry: unknown, written: string, name: string) => void): void => {
    const map = components[member];
    if (isObject(map)) for (const name of Object.keys(map)) fn(map[name], toPointer(['components', member, name]), name);
  };
  each('parameters', parameter);
  each('requestBodies', (entry, written) => {
    const found = resolve(entry, written, 'a request body');
    if (found) content(found.node, found.at, true);
  });
  each('responses', response);
  const items = new Set<object>();
  for (const { operation, item, pointer } of eachOperation(doc)) {
    if (!items.has(item)) {
      items.add(item);
      parameters(item.parameters, `${pointer.slice(0, pointer.lastIndexOf('/'))}/parameters`);
    }
    parameters(operation.parameters, `${pointer}/parameters`);
    if (operation.requestBody !== undefined) {
      const found = resolve(operation.requestBody, `${pointer}/requestBody`, 'a request body');
      if (found) content(found.node, found.at, true);
    }
    const responses = operation.responses;
    if (isObject(responses)) for (const status of Object.keys(responses)) response(responses[status], `${pointer}/responses/${escapeSegment(status)}`, status);
  }
  return [...problems.values()];
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
    // Inside `properties`, `$ref` is a property name and its value a schema (checked with the schemas).
    if (!inPropertyMap && ref !== undefined && typeof ref !== 'string') problems.push({ where: `${path}/$ref`, message: `\`$ref\` must be a string (a reference such as '#/components/schemas/Name'), got ${describe(ref)}` });
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
