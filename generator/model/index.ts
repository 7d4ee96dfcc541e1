import { eachOperation } from '../load/check.js';
import { isObject } from '../load/pointer.js';
import { camelIdentifier } from './names.js';
import { buildOperation } from './operation-object.js';
import type { OperationModel, SpecModel } from './types.js';
import { buildWebhooks } from './webhooks-object.js';

/** Reads a checked document into the sorted model every emitter works from. */
export function buildModel(doc: Record<string, unknown>): SpecModel {
  const raw = [...eachOperation(doc)].map((entry) => buildOperation(doc, entry));
  const used = new Set(raw.flatMap((op) => (op.operationId === undefined ? [] : [op.operationId])));
  const operations: OperationModel[] = raw.map((op) => {
    if (op.operationId !== undefined) return { ...op, operationId: op.operationId };
    // Operations without an operationId still need a stable, unique name for the handler contract.
    const base = camelIdentifier(op.section === 'paths' ? `${op.method} ${op.key}` : `${op.method} webhook ${op.key}`);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return { ...op, operationId: name };
  });
  const info = isObject(doc.info) ? doc.info : {};
  return {
    doc,
    title: typeof info.title === 'string' ? info.title : 'API',
    operations,
    webhooks: buildWebhooks(doc, operations),
  };
}
