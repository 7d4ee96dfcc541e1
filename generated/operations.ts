// generated from openapi.yaml; do not edit
import type { Request, Response, Router } from 'express';
import type { paths } from './types.js';

type Location = 'path' | 'query' | 'header' | 'cookie';

/** The declared parameters of one location; an empty record when there are none. */
type ParametersIn<Op, L extends Location> = Op extends { parameters: infer P }
  ? P extends { [K in L]?: infer V }
    ? [NonNullable<V>] extends [never]
      ? Record<string, never>
      : NonNullable<V>
    : Record<string, never>
  : Record<string, never>;

type ContentOf<C> = C extends { 'application/json': infer J } ? J : C[keyof C];

/** The request body; `undefined` allowed when the spec does not require one. */
type RequestBodyOf<Op> = Op extends { requestBody: infer B }
  ? B extends { content: infer C }
    ? ContentOf<C>
    : undefined
  : Op extends { requestBody?: infer B }
    ? [B] extends [never]
      ? undefined
      : (NonNullable<B> extends { content: infer C } ? ContentOf<C> : undefined) | undefined
    : undefined;

/** Statuses a handler returns; problems are thrown as errors instead. */
type SuccessStatus =
  200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226 | 300 | 301 | 302 | 303 | 304 | 307 | 308;

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

type ResponseBodyOf<R> = R extends { content: infer C } ? ContentOf<C> : undefined;

type SuccessResult<R> = {
  [S in keyof R & SuccessStatus]: { status: S; body: ResponseBodyOf<R[S]>; headers?: Record<string, string> };
}[keyof R & SuccessStatus];

/** What a handler receives: typed path, query and header parameters and body. */
export interface OperationInput<Op> {
  params: ParametersIn<Op, 'path'>;
  query: ParametersIn<Op, 'query'>;
  headers: ParametersIn<Op, 'header'>;
  body: RequestBodyOf<Op>;
}

/** What a handler returns: one of the operation's 2xx/3xx responses with its typed body. */
export type OperationResult<Op> = [SuccessResult<ResponsesOf<Op>>] extends [never]
  ? { status: number; body?: unknown; headers?: Record<string, string> }
  : SuccessResult<ResponsesOf<Op>>;

/** The implementation of one operation. */
export type OperationHandler<Op> = (input: OperationInput<Op>, req: Request) => Promise<OperationResult<Op>>;

/**
 * One method per operation of `paths` (receivers excluded: the receiver fast path serves those).
 * Handlers throw `HttpError` for problems; a missing or mistyped method is a compile error.
 */
export interface OperationHandlers {
  /**
   * Liveness check
   *
   * Answers `200` while the process is up. It checks nothing else, so orchestrators restart only a dead process.
   */
  getHealth: OperationHandler<paths['/healthz']['get']>;
  /**
   * Prometheus metrics
   *
   * Metrics in the Prometheus text exposition format (receiver outcomes, schema drift, delivery attempts, queue depth).
   */
  getMetrics: OperationHandler<paths['/metrics']['get']>;
  /**
   * Readiness check
   *
   * Answers `200` when the database is reachable (and, on PostgreSQL, takes writes, so not on a read-only standby), its migrations are applied, the delivery worker runs (where this process runs one) and, on SQLite, the database's disk has `HOOKSPEC_READY_MIN_FREE_MB` free; `503` otherwise, naming the failing check.
   */
  getReadiness: OperationHandler<paths['/readyz']['get']>;
  /**
   * Get a delivery
   *
   * One delivery with every attempt (time, HTTP status, latency, response body cut to 4 KB, error).
   */
  getDelivery: OperationHandler<paths['/v1/deliveries/{id}']['get']>;
  /**
   * Retry a delivery
   *
   * Queues the delivery for an immediate new attempt, whatever its status; `webhook-id` stays the same.
   * 409 when an attempt is in flight (`delivery_not_retryable`), or its subscription is disabled
   * (`subscription_disabled`: re-enable it first) or deleted.
   */
  retryDelivery: OperationHandler<paths['/v1/deliveries/{id}/retry']['post']>;
  /**
   * List event types
   *
   * Every event in the catalog, sorted by name, with its payload schema and an example.
   */
  listEventTypes: OperationHandler<paths['/v1/event-types']['get']>;
  /**
   * Get an event type
   *
   * One event of the catalog with its payload schema and an example.
   */
  getEventType: OperationHandler<paths['/v1/event-types/{name}']['get']>;
  /**
   * List events
   *
   * Published events, newest first.
   */
  listEvents: OperationHandler<paths['/v1/events']['get']>;
  /**
   * Publish an event
   *
   * Validates `data` against the schema of `type` and queues one delivery per matching active subscription,
   * in one transaction. With an `Idempotency-Key`, a repeated request with the same body returns the first
   * response again (keys are kept at least 24 h); the same key with a different body is a `409`. Bodies are
   * compared as JSON values: the order of keys and the whitespace do not matter.
   *
   * The event types hookspec emits itself (`x-hookspec-system` in the catalog, `system: true` in
   * `GET /v1/event-types`) are refused with a `422` `reserved_event_type`: subscribers can trust them.
   */
  publishEvent: OperationHandler<paths['/v1/events']['post']>;
  /**
   * Get an event
   *
   * One published event with its payload.
   */
  getEvent: OperationHandler<paths['/v1/events/{id}']['get']>;
  /**
   * List the deliveries of an event
   *
   * One delivery per subscription the event was sent to, each with every attempt.
   */
  listEventDeliveries: OperationHandler<paths['/v1/events/{id}/deliveries']['get']>;
  /**
   * List received webhooks
   *
   * The inbound log, newest first, including schema drift recorded by lenient receivers. Raw bodies are left out (each row gives `body_size`), so a page stays small whatever the providers sent; `GET /v1/inbound/{id}` has the body.
   */
  listInbound: OperationHandler<paths['/v1/inbound']['get']>;
  /**
   * List refused webhook requests
   *
   * The refusal audit, newest first: every request a receiver refused (bad or missing signature, timestamp outside the window, wrong content type, too large, flood guard, ...), with its time, source address, receiver, status, reason, header names and body size, never the body. It shows who is sending bad signatures. The oldest rows are pruned beyond `HOOKSPEC_INBOUND_AUDIT_KEEP` rows. A source gets `HOOKSPEC_INBOUND_AUDIT_PER_SOURCE` rows a minute (bad signatures counted apart); what it sends beyond that is one `audit_suppressed` row a minute, whose `body_size` is the count.
   */
  listInboundRefusals: OperationHandler<paths['/v1/inbound-refusals']['get']>;
  /**
   * Get a received webhook
   *
   * One inbound delivery with its headers, raw body, verification and validation results.
   */
  getInbound: OperationHandler<paths['/v1/inbound/{id}']['get']>;
  /**
   * Replay a received webhook
   *
   * Runs the handlers of this delivery again, from the stored raw body. The delivery starts over: status `received`, `attempts` 0 and `last_error` cleared, so it gets the whole retry budget again; one waiting for a retry runs now. Its catalog event was published once, under the idempotency key `inbound:<id>`, so a replay does not send it to subscribers again (`POST /v1/deliveries/{id}/retry` resends a delivery). `409` while the delivery is being processed (`delivery_in_progress`) or is already queued to run (`delivery_already_queued`).
   */
  replayInbound: OperationHandler<paths['/v1/inbound/{id}/replay']['post']>;
  /**
   * List subscriptions
   *
   * Subscriptions, newest first, with their secrets masked.
   */
  listSubscriptions: OperationHandler<paths['/v1/subscriptions']['get']>;
  /**
   * Create a subscription
   *
   * Registers an endpoint for the listed event types (or `*` for all). The signing secret is generated
   * unless given and is returned in full only in this response. The URL must be `http` or `https` and must
   * not point to a private, loopback or link-local address (`422` says why).
   */
  createSubscription: OperationHandler<paths['/v1/subscriptions']['post']>;
  /**
   * Get a subscription
   *
   * One subscription, with its secret masked.
   */
  getSubscription: OperationHandler<paths['/v1/subscriptions/{id}']['get']>;
  /**
   * Delete a subscription
   *
   * Deletes the subscription; its pending deliveries are not attempted again.
   */
  deleteSubscription: OperationHandler<paths['/v1/subscriptions/{id}']['delete']>;
  /**
   * Update a subscription
   *
   * Changes the given fields only. Setting `status` to `active` re-enables a disabled subscription and clears `disabled_reason`.
   */
  updateSubscription: OperationHandler<paths['/v1/subscriptions/{id}']['patch']>;
  /**
   * Re-send failed deliveries
   *
   * Queues again every failed or dead delivery of this subscription created since the given time. A disabled
   * subscription answers 409: re-enable it first (`PATCH` with `status: active`), as for a single retry.
   */
  recoverSubscription: OperationHandler<paths['/v1/subscriptions/{id}/recover']['post']>;
  /**
   * Rotate the signing secret
   *
   * Replaces the signing secret (generated unless given). During the grace period (24 h by default) every
   * delivery carries signatures made with both the old and the new secret. At most 5 secrets sign at once (about
   * 50 bytes of `webhook-signature` each): rotating more often than that within the grace period retires the
   * oldest early.
   */
  rotateSubscriptionSecret: OperationHandler<paths['/v1/subscriptions/{id}/rotate-secret']['post']>;
  /**
   * Send a test event
   *
   * Publishes a `ping` event to this subscription only.
   */
  testSubscription: OperationHandler<paths['/v1/subscriptions/{id}/test']['post']>;
}

/** An express route bound to one operation. */
export interface OperationRoute {
  operationId: keyof OperationHandlers;
  method: 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';
  path: string;
  expressPath: string;
  /** Declared header parameters, as written in the spec (Node lower-cases incoming names). */
  headerNames: readonly string[];
  /** Media type of each success response (`null` when it has no body). */
  contentTypes: Readonly<Record<string, string | null>>;
}

/** Every operation the management router serves, sorted by path and method. */
export const operationRoutes: readonly OperationRoute[] = [
  {
    operationId: 'getHealth',
    method: 'get',
    path: '/healthz',
    expressPath: '/healthz',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'getMetrics',
    method: 'get',
    path: '/metrics',
    expressPath: '/metrics',
    headerNames: [],
    contentTypes: { '200': 'text/plain' },
  },
  {
    operationId: 'getReadiness',
    method: 'get',
    path: '/readyz',
    expressPath: '/readyz',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'getDelivery',
    method: 'get',
    path: '/v1/deliveries/{id}',
    expressPath: '/v1/deliveries/:id',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'retryDelivery',
    method: 'post',
    path: '/v1/deliveries/{id}/retry',
    expressPath: '/v1/deliveries/:id/retry',
    headerNames: [],
    contentTypes: { '202': 'application/json' },
  },
  {
    operationId: 'listEventTypes',
    method: 'get',
    path: '/v1/event-types',
    expressPath: '/v1/event-types',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'getEventType',
    method: 'get',
    path: '/v1/event-types/{name}',
    expressPath: '/v1/event-types/:name',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'listEvents',
    method: 'get',
    path: '/v1/events',
    expressPath: '/v1/events',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'publishEvent',
    method: 'post',
    path: '/v1/events',
    expressPath: '/v1/events',
    headerNames: ['Idempotency-Key'],
    contentTypes: { '202': 'application/json' },
  },
  {
    operationId: 'getEvent',
    method: 'get',
    path: '/v1/events/{id}',
    expressPath: '/v1/events/:id',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'listEventDeliveries',
    method: 'get',
    path: '/v1/events/{id}/deliveries',
    expressPath: '/v1/events/:id/deliveries',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'listInbound',
    method: 'get',
    path: '/v1/inbound',
    expressPath: '/v1/inbound',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'listInboundRefusals',
    method: 'get',
    path: '/v1/inbound-refusals',
    expressPath: '/v1/inbound-refusals',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'getInbound',
    method: 'get',
    path: '/v1/inbound/{id}',
    expressPath: '/v1/inbound/:id',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'replayInbound',
    method: 'post',
    path: '/v1/inbound/{id}/replay',
    expressPath: '/v1/inbound/:id/replay',
    headerNames: [],
    contentTypes: { '202': 'application/json' },
  },
  {
    operationId: 'listSubscriptions',
    method: 'get',
    path: '/v1/subscriptions',
    expressPath: '/v1/subscriptions',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'createSubscription',
    method: 'post',
    path: '/v1/subscriptions',
    expressPath: '/v1/subscriptions',
    headerNames: [],
    contentTypes: { '201': 'application/json' },
  },
  {
    operationId: 'getSubscription',
    method: 'get',
    path: '/v1/subscriptions/{id}',
    expressPath: '/v1/subscriptions/:id',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'deleteSubscription',
    method: 'delete',
    path: '/v1/subscriptions/{id}',
    expressPath: '/v1/subscriptions/:id',
    headerNames: [],
    contentTypes: { '204': null },
  },
  {
    operationId: 'updateSubscription',
    method: 'patch',
    path: '/v1/subscriptions/{id}',
    expressPath: '/v1/subscriptions/:id',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'recoverSubscription',
    method: 'post',
    path: '/v1/subscriptions/{id}/recover',
    expressPath: '/v1/subscriptions/:id/recover',
    headerNames: [],
    contentTypes: { '202': 'application/json' },
  },
  {
    operationId: 'rotateSubscriptionSecret',
    method: 'post',
    path: '/v1/subscriptions/{id}/rotate-secret',
    expressPath: '/v1/subscriptions/:id/rotate-secret',
    headerNames: [],
    contentTypes: { '200': 'application/json' },
  },
  {
    operationId: 'testSubscription',
    method: 'post',
    path: '/v1/subscriptions/{id}/test',
    expressPath: '/v1/subscriptions/:id/test',
    headerNames: [],
    contentTypes: { '202': 'application/json' },
  },
];

/** A receiver route: served by the receiver fast path, verified with its signature scheme. */
export interface ReceiverRoute {
  operationId: string;
  method: string;
  path: string;
  signature: 'github' | 'stripe' | 'slack' | 'standard-webhooks';
  policy: 'lenient' | 'strict';
}

/** Every receiver route (operations secured by a scheme with `x-hookspec-signature`). */
export const receiverRoutes: readonly ReceiverRoute[] = [
  {
    operationId: 'receiveGithubWebhook',
    method: 'post',
    path: '/webhooks/github',
    signature: 'github',
    policy: 'lenient',
  },
  {
    operationId: 'receiveStandardWebhook',
    method: 'post',
    path: '/webhooks/receiver',
    signature: 'standard-webhooks',
    policy: 'strict',
  },
  {
    operationId: 'receiveSlackCommand',
    method: 'post',
    path: '/webhooks/slack/commands',
    signature: 'slack',
    policy: 'lenient',
  },
  {
    operationId: 'receiveSlackEvent',
    method: 'post',
    path: '/webhooks/slack/events',
    signature: 'slack',
    policy: 'lenient',
  },
  {
    operationId: 'receiveSlackInteraction',
    method: 'post',
    path: '/webhooks/slack/interactive',
    signature: 'slack',
    policy: 'lenient',
  },
  {
    operationId: 'receiveStripeWebhook',
    method: 'post',
    path: '/webhooks/stripe',
    signature: 'stripe',
    policy: 'lenient',
  },
];

type AnyHandler = (
  input: OperationInput<unknown>,
  req: Request,
) => Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;

/** Registers every operation route on `router`; a handler's rejection goes to express's error handler. */
export function bindOperations(router: Router, handlers: OperationHandlers): void {
  for (const route of operationRoutes) {
    const handler = (handlers as unknown as Record<string, AnyHandler | undefined>)[route.operationId];
    if (typeof handler !== 'function') throw new Error(`no handler for operation ${route.operationId}`);
    router[route.method](route.expressPath, (req, res, next) => {
      const input = {
        params: req.params,
        query: req.query,
        headers: pickHeaders(req, route.headerNames),
        body: req.body,
      } as OperationInput<unknown>;
      handler
        .call(handlers, input, req)
        .then((result) => sendResult(res, result, route))
        .catch(next);
    });
  }
}

function pickHeaders(req: Request, names: readonly string[]): Record<string, string | string[] | undefined> {
  return Object.fromEntries(names.map((name) => [name, req.headers[name.toLowerCase()]]));
}

function sendResult(
  res: Response,
  result: { status: number; body?: unknown; headers?: Record<string, string> },
  route: OperationRoute,
): void {
  if (result.headers) res.set(result.headers);
  res.status(result.status);
  if (result.body === undefined) {
    res.end();
    return;
  }
  const type = route.contentTypes[String(result.status)];
  if (typeof type === 'string' && !/[/+]json(;|$)/.test(type))
    res.type(type).send(typeof result.body === 'string' ? result.body : String(result.body));
  else res.json(result.body);
}
