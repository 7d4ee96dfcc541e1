// generated from openapi.yaml; do not edit

/** One validation failure: where (a JSON pointer into the value, `''` for the root), which keyword, and why. */
export interface ValidationError {
  pointer: string;
  keyword: string;
  message: string;
}

/** The verdict of a validator; it never throws. */
export type ValidationResult = { ok: true } | { ok: false; errors: ValidationError[] };

/** Names of the webhooks that have a payload validator. */
export type WebhookName =
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

/** operationIds whose request body has a validator. */
export type BodyOperationId =
  | 'publishEvent'
  | 'createSubscription'
  | 'updateSubscription'
  | 'recoverSubscription'
  | 'rotateSubscriptionSecret'
  | 'receiveGithubWebhook'
  | 'receiveStandardWebhook'
  | 'receiveSlackCommand'
  | 'receiveSlackEvent'
  | 'receiveSlackInteraction'
  | 'receiveStripeWebhook';

/** operationIds whose parameters have a validator. */
export type ParameterOperationId =
  | 'getDelivery'
  | 'retryDelivery'
  | 'listEventTypes'
  | 'getEventType'
  | 'listEvents'
  | 'publishEvent'
  | 'getEvent'
  | 'listEventDeliveries'
  | 'listInbound'
  | 'listInboundRefusals'
  | 'getInbound'
  | 'replayInbound'
  | 'listSubscriptions'
  | 'getSubscription'
  | 'deleteSubscription'
  | 'updateSubscription'
  | 'recoverSubscription'
  | 'rotateSubscriptionSecret'
  | 'testSubscription'
  | 'receiveGithubWebhook'
  | 'receiveStandardWebhook'
  | 'receiveSlackCommand'
  | 'receiveSlackEvent'
  | 'receiveSlackInteraction'
  | 'receiveStripeWebhook';

/** Parameter values by location; header names in lower case. Missing locations count as empty. */
export interface ParameterValues {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
}

/** Validates a webhook payload against the schema of webhook `name`; an unknown name is an `unknown` error. */
export declare function validateWebhook(name: WebhookName | (string & {}), payload: unknown): ValidationResult;

/** Validates the request body of a `paths` operation. */
export declare function validateRequestBody(
  operationId: BodyOperationId | (string & {}),
  body: unknown,
): ValidationResult;

/** Validates parameters by location; string values are coerced in place to the declared types. */
export declare function validateParameters(
  operationId: ParameterOperationId | (string & {}),
  params: ParameterValues,
): ValidationResult;

export declare const webhookNames: readonly WebhookName[];
export declare const bodyOperationIds: readonly BodyOperationId[];
export declare const parameterOperationIds: readonly ParameterOperationId[];
