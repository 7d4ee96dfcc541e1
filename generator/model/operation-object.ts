import { deref, escapeSegment, isObject } from '../load/pointer.js';
import type { BodyModel, OperationModel, ParameterModel, ReceiverPolicy, SignatureScheme } from './types.js';

const SIGNATURE_SCHEMES: readonly SignatureScheme[] = ['github', 'stripe', 'slack', 'standard-webhooks'];
const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;

/** Media types in order of preference when a body offers several. */
function mediaRank(type: string): number {
  if (type === 'application/json') return 0;
  if (/[/+]json(;|$)/.test(type)) return 1;
  if (type === 'application/x-www-form-urlencoded') return 2;
  return 3;
}

interface RawOperation {
  section: 'paths' | 'webhooks';
  key: string;
  method: string;
  operation: Record<string, unknown>;
  item: Record<string, unknown>;
  pointer: string;
}

/** Builds the model of one operation (Operation Object), resolving `$ref`s for parameters, body and security. */
export function buildOperation(doc: Record<string, unknown>, raw: RawOperation): Omit<OperationModel, 'operationId'> & { operationId: string | undefined } {
  const { operation, pointer } = raw;
  const id = operation.operationId;
  return {
    section: raw.section,
    key: raw.key,
    method: raw.method,
    operationId: typeof id === 'string' ? id : undefined,
    hasOperationId: typeof id === 'string',
    summary: typeof operation.summary === 'string' ? operation.summary : '',
    description: typeof operation.description === 'string' ? operation.description : '',
    pointer,
    parameters: buildParameters(doc, raw),
    body: buildBody(doc, operation.requestBody, `${pointer}/requestBody`),
    responses: buildResponses(doc, operation.responses),
    receiver: raw.section === 'paths' ? buildReceiver(doc, operation) : undefined,
  };
}

function buildParameters(doc: Record<string, unknown>, raw: RawOperation): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  const itemPointer = raw.pointer.slice(0, raw.pointer.lastIndexOf('/'));
  const add = (list: unknown, base: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const { node, pointer } = deref<Record<string, unknown>>(doc, entry);
      if (!isObject(node) || typeof node.name !== 'string') return;
      const location = PARAMETER_LOCATIONS.find((l) => l === node.in);
      if (!location) return;
      const own = pointer ?? `${base}/${index}`;
      let schemaPointer: string | undefined;
      if (node.schema !== undefined) schemaPointer = `${own}/schema`;
      else if (isObject(node.content)) {
        const type = Object.keys(node.content).sort((a, b) => mediaRank(a) - mediaRank(b))[0];
        if (type !== undefined && isObject(node.content[type]) && node.content[type].schema !== undefined) schemaPointer = `${own}/content/${escapeSegment(type)}/schema`;
      }
      // Header names are case-insensitive: one key per name whatever its spelling, the spec's spelling kept.
      const key = `${location}:${location === 'header' ? node.name.toLowerCase() : node.name}`;
      byKey.set(key, { name: node.name, in: location, required: location === 'path' || node.required === true, schemaPointer });
    });
  };
  add(raw.item.parameters, `${itemPointer}/parameters`);
  add(raw.operation.parameters, `${raw.pointer}/parameters`);
  return [...byKey.values()].sort((a, b) => (a.in === b.in ? a.name.localeCompare(b.name) : a.in.localeCompare(b.in)));
}

function buildBody(doc: Record<string, unknown>, requestBody: unknown, fallback: string): BodyModel | undefined {
  const { node, pointer } = deref<Record<string, unknown>>(doc, requestBody);
  if (!isObject(node) || !isObject(node.content)) return undefined;
  const base = pointer ?? fallback;
  const content = node.content;
  const contentType = Object.keys(content).sort((a, b) => mediaRank(a) - mediaRank(b) || a.localeCompare(b))[0];
  if (contentType === undefined) return undefined;
  const media = content[contentType];
  const mediaPointer = `${base}/content/${escapeSegment(contentType)}`;
  return {
    contentType,
    required: node.required === true,
    schemaPointer: isObject(media) && media.schema !== undefined ? `${mediaPointer}/schema` : undefined,
    mediaPointer,
  };
}

function buildResponses(doc: Record<string, unknown>, responses: unknown): OperationModel['responses'] {
  if (!isObject(responses)) return [];
  return Object.keys(responses)
    .sort()
    .map((status) => {
      const { node } = deref<Record<string, unknown>>(doc, responses[status]);
      const contentTypes = isObject(node) && isObject(node.content) ? Object.keys(node.content).sort() : [];
      return { status, contentTypes };
    });
}

function buildReceiver(doc: Record<string, unknown>, operation: Record<string, unknown>): OperationModel['receiver'] {
  const security = operation.security ?? doc.security;
  if (!Array.isArray(security)) return undefined;
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const name of Object.keys(requirement)) {
      const { node } = deref<Record<string, unknown>>(doc, schemes[name]);
      const signature = isObject(node) ? SIGNATURE_SCHEMES.find((s) => s === node['x-hookspec-signature']) : undefined;
      if (!signature) continue;
      const declared = operation['x-hookspec-policy'];
      const policy: ReceiverPolicy = declared === 'strict' || declared === 'lenient' ? declared : signature === 'standard-webhooks' ? 'strict' : 'lenient';
      return { signature, policy };
    }
  }
  return undefined;
}
