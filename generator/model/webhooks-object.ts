import type { SpecProblem } from '../errors.js';
import { deref, isObject, resolvePointer, toPointer } from '../load/pointer.js';
import type { InboundModel, OperationModel, WebhookModel } from './types.js';

/** Marks a webhook only the server emits (`x-hookspec-system: true`): the API refuses to publish it. */
export const SYSTEM_EXTENSION = 'x-hookspec-system';

/** Builds the catalog entries from the webhook operations: one per webhook name (POST preferred). */
export function buildWebhooks(doc: Record<string, unknown>, operations: OperationModel[]): WebhookModel[] {
  const byName = new Map<string, OperationModel>();
  for (const operation of operations) {
    if (operation.section !== 'webhooks') continue;
    const existing = byName.get(operation.key);
    if (!existing || (operation.method === 'post' && existing.method !== 'post')) byName.set(operation.key, operation);
  }
  return [...byName.keys()].sort().map((name) => {
    const operation = byName.get(name) as OperationModel;
    return {
      name,
      operation,
      isEnvelope: isEnvelope(doc, operation),
      example: findExample(doc, operation),
      inbound: findInbound(doc, operation),
      system: systemMarker(doc, operation)?.value === true,
    };
  });
}

/**
 * A webhook without a request body schema gets no validator and no payload type (`never`): publish and verify
 * would reject every event of it as unknown. Each one is a problem to fix in the spec, not an output to write.
 */
export function checkWebhookPayloads(webhooks: WebhookModel[]): SpecProblem[] {
  return webhooks
    .filter((w) => !w.operation.body?.schemaPointer)
    .map((w) => ({
      where: w.operation.body ? w.operation.body.mediaPointer : w.operation.pointer,
      message: `webhook "${w.name}" has no request body schema, so nothing could publish or verify it; add requestBody.content['application/json'].schema`,
    }));
}

/** The marker decides whether publishing is refused: a value other than true or false is a problem, never a guess. */
export function checkWebhookMarkers(doc: Record<string, unknown>, webhooks: WebhookModel[]): SpecProblem[] {
  return webhooks.flatMap((w) => {
    const marker = systemMarker(doc, w.operation);
    if (marker === undefined || typeof marker.value === 'boolean') return [];
    return [
      {
        where: marker.where,
        message: `\`${SYSTEM_EXTENSION}\` of webhook "${w.name}" must be true or false, got ${JSON.stringify(marker.value)}; write \`${SYSTEM_EXTENSION}: true\` for an event only the server emits (publishing it is then refused), or remove it`,
      },
    ];
  });
}

/** `x-hookspec-system` of a webhook (on its operation, else on its path item, `$ref`s followed) and where it is written. */
function systemMarker(doc: Record<string, unknown>, operation: OperationModel): { value: unknown; where: string } | undefined {
  const { node: item, pointer } = deref<Record<string, unknown>>(doc, isObject(doc.webhooks) ? doc.webhooks[operation.key] : undefined);
  if (!isObject(item)) return undefined;
  const itemPointer = pointer ?? toPointer(['webhooks', operation.key]);
  const op = item[operation.method];
  if (isObject(op) && op[SYSTEM_EXTENSION] !== undefined) return { value: op[SYSTEM_EXTENSION], where: `${itemPointer}/${operation.method}/${SYSTEM_EXTENSION}` };
  if (item[SYSTEM_EXTENSION] !== undefined) return { value: item[SYSTEM_EXTENSION], where: `${itemPointer}/${SYSTEM_EXTENSION}` };
  return undefined;
}

/** Standard Webhooks envelope: the body schema declares `type`, `timestamp` and `data`. */
function isEnvelope(doc: Record<string, unknown>, operation: OperationModel): boolean {
  if (!operation.body?.schemaPointer) return false;
  const { node } = deref<Record<string, unknown>>(doc, resolvePointer(doc, operation.body.schemaPointer));
  if (!isObject(node) || !isObject(node.properties)) return false;
  return ['type', 'timestamp', 'data'].every((key) => isObject(node.properties) && key in node.properties);
}

/** The first example found: media `example`, then media `examples`, then the schema's `examples`/`example`. */
export function findExample(doc: Record<string, unknown>, operation: OperationModel): unknown {
  if (!operation.body) return undefined;
  const media = resolvePointer(doc, operation.body.mediaPointer);
  if (isObject(media)) {
    if (media.example !== undefined) return media.example;
    if (isObject(media.examples)) {
      for (const key of Object.keys(media.examples)) {
        const { node } = deref<Record<string, unknown>>(doc, media.examples[key]);
        if (isObject(node) && node.value !== undefined) return node.value;
      }
    }
  }
  if (!operation.body.schemaPointer) return undefined;
  const { node: schema } = deref<Record<string, unknown>>(doc, resolvePointer(doc, operation.body.schemaPointer));
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example;
}

function findInbound(doc: Record<string, unknown>, operation: OperationModel): InboundModel | undefined {
  const item = isObject(doc.webhooks) ? doc.webhooks[operation.key] : undefined;
  const op = resolvePointer(doc, operation.pointer);
  const value = (isObject(op) ? op['x-hookspec-inbound'] : undefined) ?? (isObject(item) ? item['x-hookspec-inbound'] : undefined);
  if (!isObject(value) || typeof value.provider !== 'string' || typeof value.event !== 'string') return undefined;
  return { provider: value.provider, event: value.event };
}
