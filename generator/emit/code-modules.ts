import type { Context } from '../context.js';
import { stringLiteral } from '../model/names.js';
import type { OperationModel, SpecModel } from '../model/types.js';
import { render } from './templates.js';

/** `paths["/x"]["get"]` or `webhooks["name"]["post"]`: the openapi-typescript type of an operation. */
function typeRef(op: OperationModel): string {
  return `${op.section}[${stringLiteral(op.key)}][${stringLiteral(op.method)}]`;
}

function docOf(op: OperationModel): string {
  return [op.summary, op.description].filter((t) => t.trim() !== '').join('\n\n');
}

/** `{id}` → `:id`; characters special to express 5 (path-to-regexp 8) are escaped, odd names quoted. */
export function toExpressPath(path: string): string {
  return path
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const param = /^\{([^}]*)\}$/.exec(part);
      if (!param) return part.replace(/[()[\]?+!*:{}\\]/g, '\\$&');
      const name = param[1] ?? '';
      return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `:${name}` : `:${JSON.stringify(name)}`;
    })
    .join('');
}

/** `{ '200': 'application/json' }`, written the way prettier would. */
function objectLiteral(entries: [string, string | null][]): string {
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${stringLiteral(k)}: ${v === null ? 'null' : stringLiteral(v)}`).join(', ')} }`;
}

/** `aliases.ts`: event unions, payload types, request/response types by operationId. */
export function emitAliases(model: SpecModel, ctx: Context): string {
  return render('aliases.ts', {
    header: ctx.header,
    webhooks: model.webhooks.map((w) => ({ name: w.name, method: w.operation.method })),
    eventNames: model.webhooks.map((w) => w.name),
    systemNames: systemNames(model),
    operations: [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId)).map((op) => ({ operationId: op.operationId, typeRef: typeRef(op) })),
  });
}

/** `operations.ts`: the handler contract, route tables and the express binder. */
export function emitOperations(model: SpecModel, ctx: Context): string {
  const served = model.operations.filter((op) => op.section === 'paths' && !op.receiver && op.method !== 'trace');
  return render('operations.ts', {
    header: ctx.header,
    operations: served.map((op) => ({
      operationId: op.operationId,
      doc: docOf(op),
      typeRef: typeRef(op),
      method: op.method,
      path: op.key,
      expressPath: toExpressPath(op.key),
      headerNames: op.parameters.filter((p) => p.in === 'header').map((p) => p.name),
      contentTypes: objectLiteral(
        op.responses
          .filter((r) => /^[23]\d\d$/.test(r.status))
          .map((r) => [r.status, r.contentTypes.find((t) => /[/+]json(;|$)/.test(t)) ?? r.contentTypes[0] ?? null]),
      ),
    })),
    receivers: model.operations
      .filter((op) => op.receiver)
      .map((op) => ({ operationId: op.operationId, method: op.method, path: op.key, signature: op.receiver?.signature, policy: op.receiver?.policy })),
  });
}

/** `handlers.ts`: `defineEventHandler` and the every-event handler map. */
export function emitHandlers(ctx: Context): string {
  return render('handlers.ts', { header: ctx.header });
}

/** `client.ts`: the typed management client. */
export function emitClient(ctx: Context): string {
  return render('client.ts', { header: ctx.header });
}

/** `webhooks.ts`: typed sender and Standard Webhooks receiver SDK. */
export function emitWebhooks(model: SpecModel, ctx: Context): string {
  return render('webhooks.ts', {
    header: ctx.header,
    envelopes: model.webhooks.filter((w) => w.isEnvelope).map((w) => w.name),
    systemNames: systemNames(model),
  });
}

/** Webhooks only the server emits (`x-hookspec-system`): the aliases and the sender both leave them out of publishing. */
function systemNames(model: SpecModel): string[] {
  return model.webhooks.filter((w) => w.system).map((w) => w.name);
}
