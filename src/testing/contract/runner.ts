import { Webhook } from 'standardwebhooks';
import { contractCases as generatedCases, type ContractCases, type ContractExample, type ContractNegative, type ContractOperation, type ContractVariant, type ContractWebhook } from '../../../generated/contract/cases.js';
import type { ContractRunner } from '../../../generated/contract/suite.js';
import type { ReceiverSecrets } from '../signers.js';
import { describeErrors, loadSpecDocument, nodeAt, type SpecDocument } from '../spec-document.js';
import { startSubscriber, type LoopbackSubscriber, type ReceivedRequest } from '../subscriber.js';
import { checkResponse, excerpt } from './check-response.js';
import { Coverage } from './coverage.js';
import { check, ContractFailure } from './failure.js';
import { IdPool } from './id-pool.js';
import { checkTarget, networkReason } from './preflight.js';
import { buildRequest, send, type BuiltRequest, type RequestContext } from './request.js';

/** Where events are published, and the problem code that refuses a system event there. */
const PUBLISH_PATH = '/v1/events';
const RESERVED_CODE = 'reserved_event_type';

/** A server to run the contract against: where it is and the credentials it was configured with. */
export interface ContractTarget {
  baseUrl: string;
  apiKey: string;
  secrets: ReceiverSecrets;
  /** Stops the server when the suite started it. */
  close?: () => Promise<void>;
}

/** Options of a contract run. */
export interface ContractRunnerOptions {
  /** Starts or names the server; called once, in `setup`. */
  connect: (subscriber: LoopbackSubscriber) => Promise<ContractTarget>;
  /** The cases. @default the generated `contractCases` */
  cases?: ContractCases;
  /** The document the cases point into. @default generated/openapi.json */
  spec?: SpecDocument;
  /** Where the loopback subscriber listens, and the public URL that reaches it when the server is elsewhere. @default 127.0.0.1, any port */
  subscriber?: { host?: string; port?: number; publicUrl?: string };
  /** How long a published event may take to arrive. @default 15000 */
  deliveryTimeoutMs?: number;
}

/** The contract runner: drives a real server with the generated cases and records coverage. */
export function createContractRunner(options: ContractRunnerOptions): ContractRunner & { readonly coverage: Coverage } {
  const cases = options.cases ?? generatedCases;
  const spec = options.spec ?? loadSpecDocument();
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 15_000;
  const coverage = new Coverage();
  const pool = new IdPool();
  const createdSubscriptions: string[] = [];
  let subscriber: LoopbackSubscriber | undefined;
  let target: ContractTarget | undefined;

  const context = (): RequestContext => {
    if (!target) throw new ContractFailure('the contract runner has no server: setup() did not run or failed');
    return { spec, baseUrl: target.baseUrl.replace(/\/$/, ''), apiKey: target.apiKey, secrets: target.secrets, pool };
  };
  /** Runs a case and records its outcome under `owner`, failing the test with the same reason. */
  const recorded = async (owner: string, run: () => Promise<void> | void): Promise<void> => {
    try {
      await run();
      coverage.record(owner);
    } catch (err) {
      coverage.record(owner, err);
      throw err;
    }
  };

  /** Management calls the webhook cases make along the way (not contract cases themselves). */
  const api = async (method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown>; text: string }> => {
    const ctx = context();
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${ctx.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${ctx.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      text = await res.text();
    } catch (err) {
      // A contract failure naming the call, not a raw "fetch failed" with a stack.
      throw new ContractFailure(`${method} ${path}: no answer (${networkReason(err)})`);
    }
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // Reported through the status check of the caller.
    }
    return { status: res.status, json, text };
  };

  return {
    coverage,
    async setup() {
      subscriber = await startSubscriber(options.subscriber);
      target = await options.connect(subscriber);
      await checkTarget(context().baseUrl, String(spec.resolve('#/info/title').node ?? ''));
    },
    async teardown() {
      for (const id of createdSubscriptions.splice(0)) await api('DELETE', `/v1/subscriptions/${encodeURIComponent(id)}`, undefined).catch(() => undefined);
      await subscriber?.close();
      await target?.close?.();
    },
    example(example: ContractExample) {
      return recorded(`example ${example.owner}`, () => checkExample(spec, example));
    },
    operation(op: ContractOperation) {
      return recorded(`operation ${op.operationId}`, async () => {
        const ctx = context();
        const request = await buildRequest(op, ctx);
        const res = await send(request);
        const { declared, body } = checkResponse(spec, op, request, res, op.accept);
        coverage.response(op.operationId, declared);
        // What this run made: a create's answer (a POST without ids) or an answer about ids the run made itself.
        const made = request.method === 'POST' ? request.pathValues.length === 0 : request.pathValues.length > 0 && request.pathValues.every((v) => pool.owns(v));
        if (res.status < 300 && made) pool.harvest(body);
        if (res.status === 201 && request.method === 'POST' && op.path === '/v1/subscriptions') createdSubscriptions.push(String((body as { id?: unknown }).id));
      });
    },
    variant(op: ContractOperation, variant: ContractVariant) {
      return recorded(`operation ${op.operationId}`, async () => {
        const request = await buildRequest(op, context(), variant.mutation);
        const res = await send(request);
        const { declared } = checkResponse(spec, op, request, res, variant.expect);
        coverage.response(op.operationId, declared);
      });
    },
    negative(op: ContractOperation, negative: ContractNegative) {
      return recorded(`operation ${op.operationId}`, async () => {
        const request = await buildRequest(op, context(), negative.mutation);
        const res = await send(request);
        const { declared } = checkResponse(spec, op, request, res, negative.expect, { problem: true });
        coverage.response(op.operationId, declared);
      });
    },
    webhook(webhook: ContractWebhook) {
      return recorded(`webhook ${webhook.name}`, async () => {
        const sub = subscriber;
        check(sub, () => 'no subscriber: setup() did not run');
        const path = `/contract/${encodeURIComponent(webhook.name)}`;
        const created = await api('POST', '/v1/subscriptions', { url: `${sub.url}${path}`, events: [webhook.name], description: 'hookspec contract suite' });
        // A refused address is the usual cause: say which setting fixes it on each kind of server.
        const hint = created.status === 422 ? ' (a server on this machine refuses loopback URLs unless started with HOOKSPEC_ALLOW_PRIVATE_NETWORKS=true; a remote one needs SUBSCRIBER_URL=<public URL to the local subscriber>)' : '';
        check(created.status === 201 && typeof created.json.secret === 'string', () => `webhook ${webhook.name}: POST /v1/subscriptions for the loopback subscriber ${sub.url} answered ${created.status}${excerpt(created.text)}${hint}`);
        createdSubscriptions.push(String(created.json.id));
        const secret = created.json.secret as string;
        const example = nodeAt(spec.doc, webhook.example) as Record<string, unknown>;
        const data = webhook.envelope ? example.data : example;
        const since = sub.received.length;
        const published = await api('POST', PUBLISH_PATH, { type: webhook.name, data });
        check(published.status === 202, () => `webhook ${webhook.name}: POST /v1/events with the example at ${webhook.example} answered ${published.status}${excerpt(published.text)}`);
        const delivery = await sub
          .waitFor((r) => r.path === path && sub.received.indexOf(r) >= since, deliveryTimeoutMs)
          .catch((err: Error) => {
            throw new ContractFailure(`webhook ${webhook.name}: published as ${String(published.json.id)} but ${err.message} at the subscriber`);
          });
        checkDelivery(spec, webhook, delivery, secret);
      });
    },
    systemWebhook(webhook: ContractWebhook) {
      return recorded(`webhook ${webhook.name}`, async () => {
        const ctx = context();
        const publish = cases.operations.find((op) => op.method === 'post' && op.path === PUBLISH_PATH);
        check(publish, () => `webhook ${webhook.name}: no contract case for POST ${PUBLISH_PATH} to publish it with`);
        const example = nodeAt(spec.doc, webhook.example) as Record<string, unknown>;
        const data = webhook.envelope ? example.data : example;
        const body = JSON.stringify({ type: webhook.name, data });
        const request: BuiltRequest = {
          method: 'POST',
          url: `${ctx.baseUrl}${PUBLISH_PATH}`,
          headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
          body,
          line: `POST ${PUBLISH_PATH} with type ${webhook.name}`,
          pathValues: [],
        };
        const res = await send(request);
        check(res.status >= 400, () => `webhook ${webhook.name} is emitted by the server only (x-hookspec-system), but ${request.line} answered ${res.status}: anyone with the API key could forge it${excerpt(res.text)}`);
        const answer = checkResponse(spec, publish, request, res, ['422'], { problem: true });
        coverage.response(publish.operationId, answer.declared);
        const code = (answer.body as { code?: unknown }).code;
        check(code === RESERVED_CODE, () => `webhook ${webhook.name}: ${request.line} answered 422 with code ${JSON.stringify(code)}, not ${RESERVED_CODE}${excerpt(res.text)}`);
      });
    },
    report() {
      return coverage.report(cases, target?.baseUrl ?? '(no server)');
    },
  };
}

/** The example validates against its schema; the failure names its owner, where it is written and each failing pointer. */
export function checkExample(spec: SpecDocument, example: ContractExample): void {
  const errors = spec.validate(example.schema, nodeAt(spec.doc, example.value));
  check(errors.length === 0, () => `${example.owner}: the example at ${example.site} does not match its schema ${example.schema}: ${describeErrors(errors)}`);
}

/** A delivery verifies with `standardwebhooks`, carries the declared headers, and its body validates against the webhook schema. */
export function checkDelivery(spec: SpecDocument, webhook: ContractWebhook, delivery: ReceivedRequest, secret: string): void {
  const headers = Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
  for (const h of webhook.headers) {
    const value = headers[h.name.toLowerCase()];
    if (value === undefined) {
      check(!h.required, () => `webhook ${webhook.name}: the delivery lacks the required header ${h.name}`);
      continue;
    }
    const errors = h.schema ? spec.validate(h.schema, value) : [];
    check(errors.length === 0, () => `webhook ${webhook.name}: header ${h.name}: "${value}" does not match ${h.schema}: ${describeErrors(errors)}`);
  }
  const raw = delivery.body.toString('utf8');
  try {
    new Webhook(secret).verify(raw, headers);
  } catch (err) {
    check(false, () => `webhook ${webhook.name}: the delivery's signature does not verify with standardwebhooks (${(err as Error).message})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    check(false, () => `webhook ${webhook.name}: the delivered body is not JSON${excerpt(raw)}`);
  }
  const errors = spec.validate(webhook.schema, body);
  check(errors.length === 0, () => `webhook ${webhook.name}: the delivered body does not match ${webhook.schema}: ${describeErrors(errors)}`);
}
