import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { deref, escapeSegment as escape, isObject, resolvePointer } from '../load/pointer.js';
import type { OperationModel, SpecModel } from '../model/types.js';
import type {
  ContractBody,
  ContractCases,
  ContractExample,
  ContractGap,
  ContractNegative,
  ContractOperation,
  ContractParameter,
  ContractSecurity,
  ContractWebhook,
} from './contract-model.js';
import { declaredTypes, objectShape, schemaAt, wrongTypeValue, type SchemaAt } from './contract-schema.js';
import { render } from './templates.js';

/** The case types are written into `generated/contract/cases.ts` as they are, so generated code imports nothing from here. */
const CASE_TYPES_FILE = new URL('./contract-model.ts', import.meta.url);

/** A value no enum of ours lists. */
const UNKNOWN_ENUM_VALUE = 'contract-unknown-value';

/** `contract/cases.ts` (the case table) and `contract/suite.ts` (the vitest suite that runs it). */
export function emitContract(model: SpecModel, ctx: Context): Record<string, string> {
  const cases = buildContractCases(model);
  const types = readFileSync(CASE_TYPES_FILE, 'utf8');
  return {
    'contract/cases.ts': render('contract-cases.ts', { header: ctx.header, specName: ctx.specName, types, cases: JSON.stringify(cases, null, 2) }),
    'contract/suite.ts': render('contract-suite.ts', {
      header: ctx.header,
      examples: cases.examples.map((e) => ({ title: `${e.owner}: ${e.site}`, site: e.site })),
      operations: cases.operations.map((op) => ({
        title: `operation ${op.operationId} (${op.method.toUpperCase()} ${op.path})`,
        operationId: op.operationId,
        positive: op.security === 'bearer' || op.security === 'none' ? 'example request answers a listed status with a valid body and headers' : 'correctly signed example is accepted with a valid body and headers',
        allParameters: op.allParameters ? `${op.allParameters.title}: a listed status with a valid body and headers` : null,
        negatives: op.negatives.map((n) => ({ title: `${n.title} → ${n.expect.join(' or ')} problem+json`, key: n.title })),
      })),
      webhooks: cases.webhooks.filter((w) => !w.system).map((w) => ({ title: `webhook ${w.name}`, name: w.name })),
      systemWebhooks: cases.webhooks.filter((w) => w.system).map((w) => ({ title: `webhook ${w.name}: publishing it is refused`, name: w.name })),
    }),
  };
}

/** Derives every contract case from the model: examples, operations (positive and negative), webhooks, and what has none. */
export function buildContractCases(model: SpecModel): ContractCases {
  const doc = model.doc;
  const examples = new Map<string, ContractExample>();
  const gaps: ContractGap[] = [];
  const addExamples = (owner: string, list: ContractExample[]): void => {
    for (const e of list) if (!examples.has(`${e.value} ${e.schema}`)) examples.set(`${e.value} ${e.schema}`, { ...e, owner });
  };

  const operations: ContractOperation[] = [];
  for (const op of model.operations) {
    if (op.section !== 'paths' || op.method === 'trace') continue;
    addExamples(op.operationId, operationExamples(doc, op));
    const built = buildOperationCase(doc, op);
    if (typeof built === 'string') gaps.push({ kind: 'operation', name: op.operationId, reason: built });
    else operations.push(built);
  }
  operations.sort((a, b) => runRank(a) - runRank(b));

  const webhooks: ContractWebhook[] = [];
  for (const w of model.webhooks) {
    addExamples(w.name, operationExamples(doc, w.operation));
    const schema = w.operation.body?.schemaPointer;
    const example = w.operation.body ? firstExample(doc, w.operation.body.mediaPointer, schema) : undefined;
    if (!schema) gaps.push({ kind: 'webhook', name: w.name, reason: 'its POST has no request body schema' });
    else if (!example) gaps.push({ kind: 'webhook', name: w.name, reason: 'its request body has no example to publish' });
    else {
      webhooks.push({
        name: w.name,
        operationId: w.operation.operationId,
        pointer: w.operation.pointer,
        schema,
        example,
        envelope: w.isEnvelope,
        headers: parameters(doc, w.operation).filter((p) => p.in === 'header'),
        system: w.system,
      });
    }
  }
  return { operations, webhooks, examples: [...examples.values()], gaps };
}

/**
 * Receivers and creators first (their ids feed later cases), then reads (collections before single
 * resources, so a list can name the resource a get reads), then changes, deletes last.
 */
function runRank(op: ContractOperation): number {
  const hasPathParams = op.parameters.some((p) => p.in === 'path');
  if (op.security !== 'bearer' && op.security !== 'none') return 0;
  if (op.method === 'delete') return 6;
  if (!hasPathParams) return op.method === 'get' ? 2 : 1;
  if (op.method !== 'get') return 5;
  return op.path.endsWith('}') ? 4 : 3;
}

function buildOperationCase(doc: Record<string, unknown>, op: OperationModel): ContractOperation | string {
  const security = securityOf(doc, op);
  const params = parameters(doc, op);
  let body: ContractBody | undefined;
  if (op.body) {
    const example = firstExample(doc, op.body.mediaPointer, op.body.schemaPointer);
    if (op.body.required && !example) return `its required ${op.body.contentType} request body has no example`;
    body = { contentType: op.body.contentType, required: op.body.required, ...(op.body.schemaPointer ? { schema: op.body.schemaPointer } : {}), ...(example ? { example } : {}) };
  }
  const missing = params.filter((p) => p.required && !p.example && !isSignatureHeader(security, p.name));
  if (missing.length > 0 && missing.some((p) => p.in !== 'path')) {
    return `required parameter(s) without an example: ${missing.map((p) => `${p.in} ${p.name}`).join(', ')}`;
  }
  const responses = op.responses.map((r) => {
    const own = `${op.pointer}/responses/${escape(r.status)}`;
    const { pointer } = deref(doc, resolvePointer(doc, own));
    return { status: r.status, pointer: pointer ?? own };
  });
  const listed = responses.map((r) => r.status);
  const receiver = security !== 'bearer' && security !== 'none';
  const accept = listed.filter((s) => /^[23]/.test(s) || s === 'default' || (!receiver && (s === '404' || s === '409')));
  const operation: ContractOperation = { operationId: op.operationId, method: op.method, path: op.key, pointer: op.pointer, security, parameters: params, responses, accept, negatives: [] };
  if (body) operation.body = body;
  const optional = params.filter((p) => !p.required && p.example).map((p) => `${p.in} ${p.name}`);
  if (optional.length > 0) operation.allParameters = { title: `with the examples of ${optional.join(', ')}`, mutation: { allParameters: true }, expect: listed };
  operation.negatives = negatives(doc, op, operation);
  return operation;
}

/** The headers a receiver's signer writes itself; their spec examples are never sent as they are. */
function isSignatureHeader(security: ContractSecurity, name: string): boolean {
  const signed: Record<string, string[]> = {
    github: ['x-hub-signature-256', 'x-github-delivery'],
    stripe: ['stripe-signature'],
    slack: ['x-slack-signature', 'x-slack-request-timestamp'],
    'standard-webhooks': ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  };
  return (signed[security] ?? []).includes(name.toLowerCase());
}

function securityOf(doc: Record<string, unknown>, op: OperationModel): ContractSecurity {
  if (op.receiver) return op.receiver.signature;
  const node = resolvePointer(doc, op.pointer);
  const security = (isObject(node) ? node.security : undefined) ?? doc.security;
  if (!Array.isArray(security) || security.length === 0) return 'none';
  if (security.some((req) => isObject(req) && Object.keys(req).length === 0)) return 'none';
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const req of security) {
    if (!isObject(req)) continue;
    for (const name of Object.keys(req)) {
      const { node: scheme } = deref<Record<string, unknown>>(doc, schemes[name]);
      if (isObject(scheme) && scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') return 'bearer';
    }
  }
  return 'none';
}

function parameters(doc: Record<string, unknown>, op: OperationModel): ContractParameter[] {
  return op.parameters.map((p) => {
    const own = p.schemaPointer?.replace(/\/(schema|content\/[^/]+\/schema)$/, '');
    const example = own ? firstExample(doc, own, undefined) : undefined;
    return { name: p.name, in: p.in, required: p.required, ...(p.schemaPointer ? { schema: p.schemaPointer } : {}), ...(example ? { example } : {}) };
  });
}

/** Pointer of the first example of a media type or parameter: `example`, then `examples`, then the schema's `examples`. */
function firstExample(doc: Record<string, unknown>, holder: string, schemaPointer: string | undefined): string | undefined {
  const first = examplesAt(doc, holder)[0];
  if (first) return first.value;
  if (!schemaPointer) return undefined;
  const schema = schemaAt(doc, schemaPointer);
  if (schema && Array.isArray(schema.node.examples) && schema.node.examples.length > 0) return `${schema.pointer}/examples/0`;
  if (schema && schema.node.example !== undefined) return `${schema.pointer}/example`;
  return undefined;
}

/** The examples written on a media type, parameter or header object: where each is written and where its value is. */
function examplesAt(doc: Record<string, unknown>, holder: string): { site: string; value: string }[] {
  const node = resolvePointer(doc, holder);
  if (!isObject(node)) return [];
  const out: { site: string; value: string }[] = [];
  if (node.example !== undefined) out.push({ site: `${holder}/example`, value: `${holder}/example` });
  if (isObject(node.examples)) {
    for (const name of Object.keys(node.examples)) {
      const site = `${holder}/examples/${escape(name)}`;
      const { node: example, pointer } = deref<Record<string, unknown>>(doc, node.examples[name]);
      if (isObject(example) && example.value !== undefined) out.push({ site, value: `${pointer ?? site}/value` });
    }
  }
  return out;
}

/** Every example an operation shows: parameters, request bodies, responses and response headers. */
function operationExamples(doc: Record<string, unknown>, op: OperationModel): ContractExample[] {
  const found: ContractExample[] = [];
  const add = (holder: string, schema: string): void => {
    for (const e of examplesAt(doc, holder)) found.push({ owner: op.operationId, site: e.site, value: e.value, schema });
  };
  const withSchema = (holder: string): void => {
    const node = resolvePointer(doc, holder);
    if (isObject(node) && node.schema !== undefined) add(holder, `${holder}/schema`);
  };
  for (const p of op.parameters) if (p.schemaPointer) add(p.schemaPointer.replace(/\/schema$/, ''), p.schemaPointer);
  const operation = resolvePointer(doc, op.pointer);
  if (!isObject(operation)) return found;
  const body = deref<Record<string, unknown>>(doc, operation.requestBody);
  const bodyPointer = body.pointer ?? `${op.pointer}/requestBody`;
  if (isObject(body.node) && isObject(body.node.content)) for (const type of Object.keys(body.node.content)) withSchema(`${bodyPointer}/content/${escape(type)}`);
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const status of Object.keys(responses)) {
    const { node: response, pointer } = deref<Record<string, unknown>>(doc, responses[status]);
    const base = pointer ?? `${op.pointer}/responses/${escape(status)}`;
    if (!isObject(response)) continue;
    if (isObject(response.content)) for (const type of Object.keys(response.content)) withSchema(`${base}/content/${escape(type)}`);
    if (isObject(response.headers)) {
      for (const name of Object.keys(response.headers)) {
        const { pointer: headerPointer } = deref(doc, response.headers[name]);
        withSchema(headerPointer ?? `${base}/headers/${escape(name)}`);
      }
    }
  }
  return found;
}

/** The statuses of `wanted` the operation lists, else its `4XX` range; empty when it declares none of them. */
function declared(listed: string[], wanted: string[]): string[] {
  const exact = wanted.filter((s) => listed.includes(s));
  if (exact.length > 0) return exact;
  return listed.includes('4XX') ? ['4XX'] : [];
}

function negatives(doc: Record<string, unknown>, model: OperationModel, op: ContractOperation): ContractNegative[] {
  const listed = op.responses.map((r) => r.status);
  const out: ContractNegative[] = [];
  const push = (kind: ContractNegative['kind'], title: string, mutation: ContractNegative['mutation'], wanted: string[]): void => {
    const expect = declared(listed, wanted);
    // Titles are the suite's keys for its cases (see contract-suite.ts.hbs): one case per title.
    if (expect.length > 0 && !out.some((n) => n.title === title)) out.push({ kind, title, mutation, expect });
  };
  if (op.security === 'bearer') push('missing-credentials', 'without the Authorization header', { dropHeader: 'authorization' }, ['401']);
  if (op.security !== 'bearer' && op.security !== 'none') push('tampered-signature', 'correctly signed, then the body changed', { tamper: true }, ['401']);
  for (const p of op.parameters) {
    if (p.in === 'header' && p.required) push('missing-required-header', `without the required header ${p.name}`, { dropHeader: p.name.toLowerCase() }, ['400']);
  }
  const lenient = model.receiver?.policy === 'lenient';
  if (op.body?.example && op.body.schema && /[/+]json(;|$)/.test(op.body.contentType) && !lenient) {
    const root = schemaAt(doc, op.body.schema);
    const value = resolvePointer(doc, op.body.example);
    const expect = declared(listed, ['400', '422']);
    if (root && isObject(value) && expect.length > 0) out.push(...bodyNegatives(doc, root, value).map((n) => ({ ...n, expect })));
  }
  for (const p of op.parameters) {
    if (p.in !== 'query' || !p.schema) continue;
    const schema = schemaAt(doc, p.schema);
    if (schema && Array.isArray(schema.node.enum) && !schema.node.enum.includes(UNKNOWN_ENUM_VALUE)) {
      push('unknown-enum', `query ${p.name}=${UNKNOWN_ENUM_VALUE} (not in its enum)`, { setQuery: { name: p.name, value: UNKNOWN_ENUM_VALUE } }, ['400', '422']);
      break;
    }
  }
  if (op.body?.example) push('unsupported-media-type', 'the example body sent as text/plain', { contentType: 'text/plain' }, ['415']);
  if (op.parameters.some((p) => p.in === 'path' && p.example)) push('unknown-id', 'path parameters that name nothing', { unknownIds: true }, ['404']);
  return out;
}

/** Missing required field, wrong type and unknown enum value, each derived from the body schema and its example. */
function bodyNegatives(doc: Record<string, unknown>, root: SchemaAt, example: Record<string, unknown>): Omit<ContractNegative, 'expect'>[] {
  const out: Omit<ContractNegative, 'expect'>[] = [];
  const make = (kind: ContractNegative['kind'], title: string, mutation: ContractNegative['mutation']): Omit<ContractNegative, 'expect'> => ({ kind, title, mutation });
  const shape = objectShape(doc, root);
  const present = shape.required.filter((name) => name in example);
  const first = present[0];
  if (first !== undefined) out.push(make('missing-required-field', `body without the required field /${escape(first)}`, { removeBodyAt: `/${escape(first)}` }));
  const ordered = [...present, ...Object.keys(example).filter((k) => !present.includes(k))];
  for (const name of ordered) {
    const pointer = shape.properties.get(name);
    const schema = pointer ? schemaAt(doc, pointer) : undefined;
    const types = schema ? declaredTypes(schema.node) : undefined;
    const wrong = types ? wrongTypeValue(types) : undefined;
    if (wrong === undefined) continue;
    out.push(make('wrong-type', `body /${escape(name)} of the wrong type (${JSON.stringify(wrong)})`, { setBodyAt: { pointer: `/${escape(name)}`, value: wrong } }));
    break;
  }
  const enumAt = findEnum(doc, root, example, '', 0);
  if (enumAt) out.push(make('unknown-enum', `body ${enumAt} = "${UNKNOWN_ENUM_VALUE}" (not in its enum)`, { setBodyAt: { pointer: enumAt, value: UNKNOWN_ENUM_VALUE } }));
  return out;
}

/** The pointer (into the example) of the first value whose schema is a string enum, searching nested objects and arrays. */
function findEnum(doc: Record<string, unknown>, schema: SchemaAt, value: unknown, at: string, depth: number): string | undefined {
  if (depth > 6) return undefined;
  if (Array.isArray(schema.node.enum) && schema.node.enum.every((v) => typeof v === 'string') && !schema.node.enum.includes(UNKNOWN_ENUM_VALUE) && at !== '') return at;
  if (Array.isArray(value)) {
    const items = schema.node.items !== undefined ? schemaAt(doc, `${schema.pointer}/items`) : undefined;
    return items && value.length > 0 ? findEnum(doc, items, value[0], `${at}/0`, depth + 1) : undefined;
  }
  if (!isObject(value)) return undefined;
  const shape = objectShape(doc, schema);
  for (const name of Object.keys(value)) {
    const pointer = shape.properties.get(name);
    const child = pointer ? schemaAt(doc, pointer) : undefined;
    const found = child ? findEnum(doc, child, value[name], `${at}/${escape(name)}`, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
