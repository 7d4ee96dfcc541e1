// generated from openapi.yaml; do not edit
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCases, type ContractExample, type ContractNegative, type ContractOperation, type ContractVariant, type ContractWebhook } from './cases.js';

/** Runs contract cases against one server; `src/testing/contract` implements it. Each method rejects with the reason a case failed. */
export interface ContractRunner {
  /** Starts what the cases need (subscriber, server when none is given). */
  setup(): Promise<void>;
  /** Stops what `setup` started. */
  teardown(): Promise<void>;
  /** The example validates against its schema. */
  example(example: ContractExample): Promise<void> | void;
  /** The operation, driven with its examples: a listed status, body and headers valid against the spec. */
  operation(operation: ContractOperation): Promise<void>;
  /** Another valid request (`allParameters`): any listed status, body and headers valid. */
  variant(operation: ContractOperation, variant: ContractVariant): Promise<void>;
  /** The request made wrong in one way: the declared 4xx with a problem+json body. */
  negative(operation: ContractOperation, negative: ContractNegative): Promise<void>;
  /** The webhook's example, published, reaches a subscriber: body valid, signature verified. */
  webhook(webhook: ContractWebhook): Promise<void>;
  /** The coverage report: what was exercised and what was not. */
  report(): string;
}

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`contract case ${index} is missing; run make generate`);
  return item;
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('contract case is missing; run make generate');
  return value;
}

/** Registers one vitest case per example, operation, negative case and webhook of the spec. */
export function defineContractSuite(runner: ContractRunner): void {
  beforeAll(() => runner.setup(), 120_000);
  afterAll(async () => {
    await runner.teardown();
    console.log(runner.report());
  }, 60_000);

  it('has a contract case for every operation and webhook', () => {
    expect(contractCases.gaps.map((g) => `${g.kind} ${g.name}: ${g.reason}`)).toEqual([]);
  });

  describe('every example validates against its schema', () => {
    it("getHealth: #/paths/~1healthz/get/responses/200/content/application~1json/examples/ok", () => runner.example(nth(contractCases.examples, 0)));
    it("getHealth: #/components/responses/ClientError/content/application~1problem+json/examples/notFound", () => runner.example(nth(contractCases.examples, 1)));
    it("getMetrics: #/paths/~1metrics/get/responses/200/content/text~1plain/examples/sample", () => runner.example(nth(contractCases.examples, 2)));
    it("getReadiness: #/paths/~1readyz/get/responses/200/content/application~1json/examples/ready", () => runner.example(nth(contractCases.examples, 3)));
    it("getReadiness: #/components/responses/ServiceUnavailable/content/application~1problem+json/examples/notConfigured", () => runner.example(nth(contractCases.examples, 4)));
    it("getReadiness: #/components/headers/RetryAfter/examples/thirty", () => runner.example(nth(contractCases.examples, 5)));
    it("getDelivery: #/components/parameters/DeliveryId/examples/dlv", () => runner.example(nth(contractCases.examples, 6)));
    it("getDelivery: #/paths/~1v1~1deliveries~1{id}/get/responses/200/content/application~1json/examples/retrying", () => runner.example(nth(contractCases.examples, 7)));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/missingHeaders", () => runner.example(nth(contractCases.examples, 8)));
    it("getDelivery: #/components/responses/Unauthorized/content/application~1problem+json/examples/missingKey", () => runner.example(nth(contractCases.examples, 9)));
    it("getDelivery: #/components/responses/NotFound/content/application~1problem+json/examples/notFound", () => runner.example(nth(contractCases.examples, 10)));
    it("retryDelivery: #/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202/content/application~1json/examples/queued", () => runner.example(nth(contractCases.examples, 11)));
    it("retryDelivery: #/components/responses/Conflict/content/application~1problem+json/examples/idempotencyKeyReused", () => runner.example(nth(contractCases.examples, 12)));
    it("listEventTypes: #/components/parameters/Cursor/examples/next", () => runner.example(nth(contractCases.examples, 13)));
    it("listEventTypes: #/components/parameters/Limit/examples/small", () => runner.example(nth(contractCases.examples, 14)));
    it("listEventTypes: #/paths/~1v1~1event-types/get/responses/200/content/application~1json/examples/catalog", () => runner.example(nth(contractCases.examples, 15)));
    it("getEventType: #/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push", () => runner.example(nth(contractCases.examples, 16)));
    it("getEventType: #/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/examples/ping", () => runner.example(nth(contractCases.examples, 17)));
    it("listEvents: #/paths/~1v1~1events/get/parameters/1/examples/lastDay", () => runner.example(nth(contractCases.examples, 18)));
    it("listEvents: #/paths/~1v1~1events/get/parameters/0/examples/orders", () => runner.example(nth(contractCases.examples, 19)));
    it("listEvents: #/paths/~1v1~1events/get/responses/200/content/application~1json/examples/page", () => runner.example(nth(contractCases.examples, 20)));
    it("publishEvent: #/components/parameters/IdempotencyKey/examples/order", () => runner.example(nth(contractCases.examples, 21)));
    it("publishEvent: #/paths/~1v1~1events/post/requestBody/content/application~1json/examples/order", () => runner.example(nth(contractCases.examples, 22)));
    it("publishEvent: #/paths/~1v1~1events/post/responses/202/content/application~1json/examples/queued", () => runner.example(nth(contractCases.examples, 23)));
    it("publishEvent: #/components/responses/PayloadTooLarge/content/application~1problem+json/examples/tooLarge", () => runner.example(nth(contractCases.examples, 24)));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/wrongType", () => runner.example(nth(contractCases.examples, 25)));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/compressed", () => runner.example(nth(contractCases.examples, 26)));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/charset", () => runner.example(nth(contractCases.examples, 27)));
    it("publishEvent: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/validation", () => runner.example(nth(contractCases.examples, 28)));
    it("publishEvent: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/payloadInvalid", () => runner.example(nth(contractCases.examples, 29)));
    it("publishEvent: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unknownEventType", () => runner.example(nth(contractCases.examples, 30)));
    it("getEvent: #/components/parameters/EventId/examples/evt", () => runner.example(nth(contractCases.examples, 31)));
    it("getEvent: #/paths/~1v1~1events~1{id}/get/responses/200/content/application~1json/examples/order", () => runner.example(nth(contractCases.examples, 32)));
    it("listEventDeliveries: #/paths/~1v1~1events~1{id}~1deliveries/get/responses/200/content/application~1json/examples/page", () => runner.example(nth(contractCases.examples, 33)));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/1/examples/push", () => runner.example(nth(contractCases.examples, 34)));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/0/examples/github", () => runner.example(nth(contractCases.examples, 35)));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/2/examples/failed", () => runner.example(nth(contractCases.examples, 36)));
    it("listInbound: #/paths/~1v1~1inbound/get/responses/200/content/application~1json/examples/page", () => runner.example(nth(contractCases.examples, 37)));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature", () => runner.example(nth(contractCases.examples, 38)));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github", () => runner.example(nth(contractCases.examples, 39)));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address", () => runner.example(nth(contractCases.examples, 40)));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/responses/200/content/application~1json/examples/page", () => runner.example(nth(contractCases.examples, 41)));
    it("getInbound: #/components/parameters/InboundId/examples/inbound", () => runner.example(nth(contractCases.examples, 42)));
    it("getInbound: #/paths/~1v1~1inbound~1{id}/get/responses/200/content/application~1json/examples/push", () => runner.example(nth(contractCases.examples, 43)));
    it("replayInbound: #/paths/~1v1~1inbound~1{id}~1replay/post/responses/202/content/application~1json/examples/queued", () => runner.example(nth(contractCases.examples, 44)));
    it("listSubscriptions: #/paths/~1v1~1subscriptions/get/responses/200/content/application~1json/examples/page", () => runner.example(nth(contractCases.examples, 45)));
    it("createSubscription: #/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders", () => runner.example(nth(contractCases.examples, 46)));
    it("createSubscription: #/paths/~1v1~1subscriptions/post/responses/201/content/application~1json/examples/created", () => runner.example(nth(contractCases.examples, 47)));
    it("getSubscription: #/components/parameters/SubscriptionId/examples/sub", () => runner.example(nth(contractCases.examples, 48)));
    it("getSubscription: #/components/responses/Subscription/content/application~1json/examples/active", () => runner.example(nth(contractCases.examples, 49)));
    it("updateSubscription: #/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable", () => runner.example(nth(contractCases.examples, 50)));
    it("recoverSubscription: #/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay", () => runner.example(nth(contractCases.examples, 51)));
    it("recoverSubscription: #/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/examples/queued", () => runner.example(nth(contractCases.examples, 52)));
    it("rotateSubscriptionSecret: #/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated", () => runner.example(nth(contractCases.examples, 53)));
    it("rotateSubscriptionSecret: #/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/examples/rotated", () => runner.example(nth(contractCases.examples, 54)));
    it("testSubscription: #/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/examples/queued", () => runner.example(nth(contractCases.examples, 55)));
    it("receiveGithubWebhook: #/components/parameters/XGitHubDelivery/examples/guid", () => runner.example(nth(contractCases.examples, 56)));
    it("receiveGithubWebhook: #/components/parameters/XGitHubEvent/examples/ping", () => runner.example(nth(contractCases.examples, 57)));
    it("receiveGithubWebhook: #/components/parameters/XGitHubEvent/examples/push", () => runner.example(nth(contractCases.examples, 58)));
    it("receiveGithubWebhook: #/components/parameters/XHubSignature256/examples/signature", () => runner.example(nth(contractCases.examples, 59)));
    it("receiveGithubWebhook: #/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping", () => runner.example(nth(contractCases.examples, 60)));
    it("receiveGithubWebhook: #/components/responses/ReceiverAccepted/content/application~1json/examples/accepted", () => runner.example(nth(contractCases.examples, 61)));
    it("receiveGithubWebhook: #/components/responses/SignatureInvalid/content/application~1problem+json/examples/badSignature", () => runner.example(nth(contractCases.examples, 62)));
    it("receiveGithubWebhook: #/components/responses/SignatureInvalid/content/application~1problem+json/examples/expired", () => runner.example(nth(contractCases.examples, 63)));
    it("receiveGithubWebhook: #/components/responses/TooManyRequests/content/application~1problem+json/examples/slowDown", () => runner.example(nth(contractCases.examples, 64)));
    it("receiveStandardWebhook: #/components/parameters/WebhookId/examples/id", () => runner.example(nth(contractCases.examples, 65)));
    it("receiveStandardWebhook: #/components/parameters/WebhookSignature/examples/one", () => runner.example(nth(contractCases.examples, 66)));
    it("receiveStandardWebhook: #/components/parameters/WebhookTimestamp/examples/now", () => runner.example(nth(contractCases.examples, 67)));
    it("receiveStandardWebhook: #/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/examples/orderCreated", () => runner.example(nth(contractCases.examples, 68)));
    it("receiveSlackCommand: #/components/parameters/XSlackRequestTimestamp/examples/now", () => runner.example(nth(contractCases.examples, 69)));
    it("receiveSlackCommand: #/components/parameters/XSlackSignature/examples/signature", () => runner.example(nth(contractCases.examples, 70)));
    it("receiveSlackCommand: #/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/examples/deploy", () => runner.example(nth(contractCases.examples, 71)));
    it("receiveSlackCommand: #/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/examples/ephemeral", () => runner.example(nth(contractCases.examples, 72)));
    it("receiveSlackEvent: #/components/parameters/XSlackRetryNum/examples/first", () => runner.example(nth(contractCases.examples, 73)));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/urlVerification", () => runner.example(nth(contractCases.examples, 74)));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/message", () => runner.example(nth(contractCases.examples, 75)));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/accepted", () => runner.example(nth(contractCases.examples, 76)));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/challenge", () => runner.example(nth(contractCases.examples, 77)));
    it("receiveSlackInteraction: #/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions", () => runner.example(nth(contractCases.examples, 78)));
    it("receiveSlackInteraction: #/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/examples/errors", () => runner.example(nth(contractCases.examples, 79)));
    it("receiveStripeWebhook: #/components/parameters/StripeSignature/examples/signature", () => runner.example(nth(contractCases.examples, 80)));
    it("receiveStripeWebhook: #/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/examples/chargeSucceeded", () => runner.example(nth(contractCases.examples, 81)));
    it("delivery.exhausted: #/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead", () => runner.example(nth(contractCases.examples, 82)));
    it("github.issues: #/webhooks/github.issues/post/requestBody/content/application~1json/examples/opened", () => runner.example(nth(contractCases.examples, 83)));
    it("github.pull_request: #/webhooks/github.pull_request/post/requestBody/content/application~1json/examples/opened", () => runner.example(nth(contractCases.examples, 84)));
    it("github.push: #/webhooks/github.push/post/requestBody/content/application~1json/examples/push", () => runner.example(nth(contractCases.examples, 85)));
    it("order.created: #/webhooks/order.created/post/requestBody/content/application~1json/examples/order", () => runner.example(nth(contractCases.examples, 86)));
    it("ping: #/webhooks/ping/post/requestBody/content/application~1json/examples/hello", () => runner.example(nth(contractCases.examples, 87)));
    it("slack.command: #/webhooks/slack.command/post/requestBody/content/application~1json/examples/deploy", () => runner.example(nth(contractCases.examples, 88)));
    it("slack.interaction: #/webhooks/slack.interaction/post/requestBody/content/application~1json/examples/approve", () => runner.example(nth(contractCases.examples, 89)));
    it("slack.message: #/webhooks/slack.message/post/requestBody/content/application~1json/examples/message", () => runner.example(nth(contractCases.examples, 90)));
    it("stripe.charge.failed: #/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/examples/failed", () => runner.example(nth(contractCases.examples, 91)));
    it("stripe.charge.succeeded: #/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/examples/succeeded", () => runner.example(nth(contractCases.examples, 92)));
    it("stripe.payment_intent.payment_failed: #/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/examples/failed", () => runner.example(nth(contractCases.examples, 93)));
    it("stripe.payment_intent.succeeded: #/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/examples/succeeded", () => runner.example(nth(contractCases.examples, 94)));
    it("subscription.disabled: #/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone", () => runner.example(nth(contractCases.examples, 95)));
  });

  // Webhooks first: their subscriptions stay until teardown, so the events the operations publish have deliveries to read.
  describe('every webhook reaches a subscriber, valid and signed', () => {
    it("webhook delivery.exhausted", () => runner.webhook(nth(contractCases.webhooks, 0)));
    it("webhook github.issues", () => runner.webhook(nth(contractCases.webhooks, 1)));
    it("webhook github.pull_request", () => runner.webhook(nth(contractCases.webhooks, 2)));
    it("webhook github.push", () => runner.webhook(nth(contractCases.webhooks, 3)));
    it("webhook order.created", () => runner.webhook(nth(contractCases.webhooks, 4)));
    it("webhook ping", () => runner.webhook(nth(contractCases.webhooks, 5)));
    it("webhook slack.command", () => runner.webhook(nth(contractCases.webhooks, 6)));
    it("webhook slack.interaction", () => runner.webhook(nth(contractCases.webhooks, 7)));
    it("webhook slack.message", () => runner.webhook(nth(contractCases.webhooks, 8)));
    it("webhook stripe.charge.failed", () => runner.webhook(nth(contractCases.webhooks, 9)));
    it("webhook stripe.charge.succeeded", () => runner.webhook(nth(contractCases.webhooks, 10)));
    it("webhook stripe.payment_intent.payment_failed", () => runner.webhook(nth(contractCases.webhooks, 11)));
    it("webhook stripe.payment_intent.succeeded", () => runner.webhook(nth(contractCases.webhooks, 12)));
    it("webhook subscription.disabled", () => runner.webhook(nth(contractCases.webhooks, 13)));
  });

  describe("operation receiveGithubWebhook (POST /webhooks/github)", () => {
    const operation = nth(contractCases.operations, 0);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header X-GitHub-Delivery → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("without the required header X-GitHub-Event → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("without the required header X-Hub-Signature-256 → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 4)));
  });

  describe("operation receiveStandardWebhook (POST /webhooks/receiver)", () => {
    const operation = nth(contractCases.operations, 1);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header webhook-id → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("without the required header webhook-signature → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("without the required header webhook-timestamp → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
    it("body without the required field /type → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 4)));
    it("body /type of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 5)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 6)));
  });

  describe("operation receiveSlackCommand (POST /webhooks/slack/commands)", () => {
    const operation = nth(contractCases.operations, 2);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
  });

  describe("operation receiveSlackEvent (POST /webhooks/slack/events)", () => {
    const operation = nth(contractCases.operations, 3);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("with the examples of header X-Slack-Retry-Num: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
  });

  describe("operation receiveSlackInteraction (POST /webhooks/slack/interactive)", () => {
    const operation = nth(contractCases.operations, 4);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
  });

  describe("operation receiveStripeWebhook (POST /webhooks/stripe)", () => {
    const operation = nth(contractCases.operations, 5);
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("without the required header Stripe-Signature → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
  });

  describe("operation publishEvent (POST /v1/events)", () => {
    const operation = nth(contractCases.operations, 6);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of header Idempotency-Key: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("body without the required field /type → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("body /type of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
  });

  describe("operation createSubscription (POST /v1/subscriptions)", () => {
    const operation = nth(contractCases.operations, 7);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("body without the required field /url → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("body /url of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
  });

  describe("operation getHealth (GET /healthz)", () => {
    const operation = nth(contractCases.operations, 8);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation getMetrics (GET /metrics)", () => {
    const operation = nth(contractCases.operations, 9);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation getReadiness (GET /readyz)", () => {
    const operation = nth(contractCases.operations, 10);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation listEventTypes (GET /v1/event-types)", () => {
    const operation = nth(contractCases.operations, 11);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
  });

  describe("operation listEvents (GET /v1/events)", () => {
    const operation = nth(contractCases.operations, 12);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit, query since, query type: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
  });

  describe("operation listInbound (GET /v1/inbound)", () => {
    const operation = nth(contractCases.operations, 13);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query event_type, query limit, query provider, query status: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("query provider=contract-unknown-value (not in its enum) → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation listInboundRefusals (GET /v1/inbound-refusals)", () => {
    const operation = nth(contractCases.operations, 14);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit, query reason, query receiver, query source: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
  });

  describe("operation listSubscriptions (GET /v1/subscriptions)", () => {
    const operation = nth(contractCases.operations, 15);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
  });

  describe("operation listEventDeliveries (GET /v1/events/{id}/deliveries)", () => {
    const operation = nth(contractCases.operations, 16);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation getDelivery (GET /v1/deliveries/{id})", () => {
    const operation = nth(contractCases.operations, 17);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation getEventType (GET /v1/event-types/{name})", () => {
    const operation = nth(contractCases.operations, 18);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation getEvent (GET /v1/events/{id})", () => {
    const operation = nth(contractCases.operations, 19);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation getInbound (GET /v1/inbound/{id})", () => {
    const operation = nth(contractCases.operations, 20);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation getSubscription (GET /v1/subscriptions/{id})", () => {
    const operation = nth(contractCases.operations, 21);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation retryDelivery (POST /v1/deliveries/{id}/retry)", () => {
    const operation = nth(contractCases.operations, 22);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation replayInbound (POST /v1/inbound/{id}/replay)", () => {
    const operation = nth(contractCases.operations, 23);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation updateSubscription (PATCH /v1/subscriptions/{id})", () => {
    const operation = nth(contractCases.operations, 24);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("body /status of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("body /status = \"contract-unknown-value\" (not in its enum) → 400 or 422 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 4)));
  });

  describe("operation recoverSubscription (POST /v1/subscriptions/{id}/recover)", () => {
    const operation = nth(contractCases.operations, 25);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("body without the required field /since → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("body /since of the wrong type (12345) → 400 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 3)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 4)));
  });

  describe("operation rotateSubscriptionSecret (POST /v1/subscriptions/{id}/rotate-secret)", () => {
    const operation = nth(contractCases.operations, 26);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 2)));
  });

  describe("operation testSubscription (POST /v1/subscriptions/{id}/test)", () => {
    const operation = nth(contractCases.operations, 27);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

  describe("operation deleteSubscription (DELETE /v1/subscriptions/{id})", () => {
    const operation = nth(contractCases.operations, 28);
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, nth(operation.negatives, 0)));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, nth(operation.negatives, 1)));
  });

}

export type { ContractExample, ContractNegative, ContractOperation, ContractVariant, ContractWebhook };
