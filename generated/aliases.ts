// generated from openapi.yaml; do not edit
import type { components, paths, webhooks } from './types.js';

/** The content of a request body or response: its JSON media type when it has one, else any media type. */
type ContentOf<B> = B extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J
    : C[keyof C]
  : never;

/** The request body type of an operation type. */
type BodyOf<Op> = Op extends { requestBody?: infer B } ? ContentOf<NonNullable<B>> : never;

/** Every webhook name in the catalog. */
export type EventType =
  | 'delivery.exhausted'
  | 'github.issues'
  | 'github.pull_request'
  | 'github.push'
  | 'order.created'
  | 'ping'
  | 'slack.command'
  | 'slack.interaction'
  | 'slack.message'
  | 'stripe.charge.failed'
  | 'stripe.charge.succeeded'
  | 'stripe.payment_intent.payment_failed'
  | 'stripe.payment_intent.succeeded'
  | 'subscription.disabled';

/** Every webhook name, sorted. */
export const eventTypes: readonly EventType[] = [
  'delivery.exhausted',
  'github.issues',
  'github.pull_request',
  'github.push',
  'order.created',
  'ping',
  'slack.command',
  'slack.interaction',
  'slack.message',
  'stripe.charge.failed',
  'stripe.charge.succeeded',
  'stripe.payment_intent.payment_failed',
  'stripe.payment_intent.succeeded',
  'subscription.disabled',
];

/** Event types only the server emits (`x-hookspec-system`): publishing one is refused. */
export type SystemEventType = 'delivery.exhausted' | 'subscription.disabled';

/** Every system event type, sorted. */
export const systemEventTypes: readonly SystemEventType[] = ['delivery.exhausted', 'subscription.disabled'];

/** The event types a sender may publish: all but the system ones. */
export type PublishableEventType = Exclude<EventType, SystemEventType>;

/** The webhook operation of each event type. */
export interface WebhookOperations {
  'delivery.exhausted': webhooks['delivery.exhausted']['post'];
  'github.issues': webhooks['github.issues']['post'];
  'github.pull_request': webhooks['github.pull_request']['post'];
  'github.push': webhooks['github.push']['post'];
  'order.created': webhooks['order.created']['post'];
  ping: webhooks['ping']['post'];
  'slack.command': webhooks['slack.command']['post'];
  'slack.interaction': webhooks['slack.interaction']['post'];
  'slack.message': webhooks['slack.message']['post'];
  'stripe.charge.failed': webhooks['stripe.charge.failed']['post'];
  'stripe.charge.succeeded': webhooks['stripe.charge.succeeded']['post'];
  'stripe.payment_intent.payment_failed': webhooks['stripe.payment_intent.payment_failed']['post'];
  'stripe.payment_intent.succeeded': webhooks['stripe.payment_intent.succeeded']['post'];
  'subscription.disabled': webhooks['subscription.disabled']['post'];
}

/** The full payload (request body) of event type `T`: for a Standard Webhooks catalog, `{ type, timestamp, data }`. */
export type EventEnvelope<T extends EventType> = BodyOf<WebhookOperations[T]>;

/** The `data` of event type `T`; the whole payload when the event has no `{ type, timestamp, data }` envelope. */
export type EventData<T extends EventType> =
  EventEnvelope<T> extends { type: unknown; timestamp: unknown; data: infer D } ? D : EventEnvelope<T>;

/** Any event, discriminated on `type` when the catalog uses envelopes. */
export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

/** Every operation of `paths` and `webhooks`, by operationId. */
export interface Operations {
  createSubscription: paths['/v1/subscriptions']['post'];
  deleteSubscription: paths['/v1/subscriptions/{id}']['delete'];
  deliveryExhausted: webhooks['delivery.exhausted']['post'];
  getDelivery: paths['/v1/deliveries/{id}']['get'];
  getEvent: paths['/v1/events/{id}']['get'];
  getEventType: paths['/v1/event-types/{name}']['get'];
  getHealth: paths['/healthz']['get'];
  getInbound: paths['/v1/inbound/{id}']['get'];
  getMetrics: paths['/metrics']['get'];
  getReadiness: paths['/readyz']['get'];
  getSubscription: paths['/v1/subscriptions/{id}']['get'];
  githubIssues: webhooks['github.issues']['post'];
  githubPullRequest: webhooks['github.pull_request']['post'];
  githubPush: webhooks['github.push']['post'];
  listEventDeliveries: paths['/v1/events/{id}/deliveries']['get'];
  listEvents: paths['/v1/events']['get'];
  listEventTypes: paths['/v1/event-types']['get'];
  listInbound: paths['/v1/inbound']['get'];
  listInboundRefusals: paths['/v1/inbound-refusals']['get'];
  listSubscriptions: paths['/v1/subscriptions']['get'];
  orderCreated: webhooks['order.created']['post'];
  ping: webhooks['ping']['post'];
  publishEvent: paths['/v1/events']['post'];
  receiveGithubWebhook: paths['/webhooks/github']['post'];
  receiveSlackCommand: paths['/webhooks/slack/commands']['post'];
  receiveSlackEvent: paths['/webhooks/slack/events']['post'];
  receiveSlackInteraction: paths['/webhooks/slack/interactive']['post'];
  receiveStandardWebhook: paths['/webhooks/receiver']['post'];
  receiveStripeWebhook: paths['/webhooks/stripe']['post'];
  recoverSubscription: paths['/v1/subscriptions/{id}/recover']['post'];
  replayInbound: paths['/v1/inbound/{id}/replay']['post'];
  retryDelivery: paths['/v1/deliveries/{id}/retry']['post'];
  rotateSubscriptionSecret: paths['/v1/subscriptions/{id}/rotate-secret']['post'];
  slackCommand: webhooks['slack.command']['post'];
  slackInteraction: webhooks['slack.interaction']['post'];
  slackMessage: webhooks['slack.message']['post'];
  stripeChargeFailed: webhooks['stripe.charge.failed']['post'];
  stripeChargeSucceeded: webhooks['stripe.charge.succeeded']['post'];
  stripePaymentIntentPaymentFailed: webhooks['stripe.payment_intent.payment_failed']['post'];
  stripePaymentIntentSucceeded: webhooks['stripe.payment_intent.succeeded']['post'];
  subscriptionDisabled: webhooks['subscription.disabled']['post'];
  testSubscription: paths['/v1/subscriptions/{id}/test']['post'];
  updateSubscription: paths['/v1/subscriptions/{id}']['patch'];
}

/** Every operationId. */
export type OperationId = keyof Operations;

/** The request body of an operation. */
export type OperationRequestBody<Id extends OperationId> = BodyOf<Operations[Id]>;

/** The declared responses of an operation, by status. */
export type OperationResponses<Id extends OperationId> = Operations[Id] extends { responses: infer R } ? R : never;

/** The response body of an operation for one status. */
export type OperationResponse<Id extends OperationId, Status extends keyof OperationResponses<Id>> = ContentOf<
  OperationResponses<Id>[Status]
>;

/** The parameters of an operation, by location. */
export type OperationParameters<Id extends OperationId> = Operations[Id] extends { parameters: infer P } ? P : never;

/** Every named schema of `components.schemas`. */
export type Schemas = components['schemas'];

/** One named schema. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

/** The `paths` interface, re-exported for the client. */
export type Paths = paths;
