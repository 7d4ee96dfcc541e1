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
  /** A system webhook (`x-hookspec-system`): publishing its example is refused with a declared 4xx problem+json. */
  systemWebhook(webhook: ContractWebhook): Promise<void>;
  /** The coverage report: what was exercised and what was not. */
  report(): string;
}

/** A case by its key, not its position: a case added to the spec does not renumber the others in this file. */
function find<T>(list: readonly T[], key: (item: T) => string, value: string): T {
  const item = list.find((x) => key(x) === value);
  if (item === undefined) throw new Error(`contract case ${value} is missing; run make generate`);
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
    it("getHealth: #/paths/~1healthz/get/responses/200/content/application~1json/examples/ok", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1healthz/get/responses/200/content/application~1json/examples/ok")));
    it("getHealth: #/components/responses/ClientError/content/application~1problem+json/examples/notFound", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/ClientError/content/application~1problem+json/examples/notFound")));
    it("getMetrics: #/paths/~1metrics/get/responses/200/content/text~1plain/examples/sample", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1metrics/get/responses/200/content/text~1plain/examples/sample")));
    it("getReadiness: #/paths/~1readyz/get/responses/200/content/application~1json/examples/ready", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1readyz/get/responses/200/content/application~1json/examples/ready")));
    it("getReadiness: #/components/responses/ServiceUnavailable/content/application~1problem+json/examples/notConfigured", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/ServiceUnavailable/content/application~1problem+json/examples/notConfigured")));
    it("getReadiness: #/components/headers/RetryAfter/examples/thirty", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/headers/RetryAfter/examples/thirty")));
    it("getDelivery: #/components/parameters/DeliveryId/examples/dlv", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/DeliveryId/examples/dlv")));
    it("getDelivery: #/paths/~1v1~1deliveries~1{id}/get/responses/200/content/application~1json/examples/retrying", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1deliveries~1{id}/get/responses/200/content/application~1json/examples/retrying")));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/missingHeaders", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/BadRequest/content/application~1problem+json/examples/missingHeaders")));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/repeatedHeaders", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/BadRequest/content/application~1problem+json/examples/repeatedHeaders")));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/deliveryIdentity", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/BadRequest/content/application~1problem+json/examples/deliveryIdentity")));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/jsonTooDeep", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/BadRequest/content/application~1problem+json/examples/jsonTooDeep")));
    it("getDelivery: #/components/responses/BadRequest/content/application~1problem+json/examples/nulCharacter", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/BadRequest/content/application~1problem+json/examples/nulCharacter")));
    it("getDelivery: #/components/responses/Unauthorized/content/application~1problem+json/examples/missingKey", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/Unauthorized/content/application~1problem+json/examples/missingKey")));
    it("getDelivery: #/components/responses/NotFound/content/application~1problem+json/examples/notFound", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/NotFound/content/application~1problem+json/examples/notFound")));
    it("retryDelivery: #/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202/content/application~1json/examples/queued", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202/content/application~1json/examples/queued")));
    it("retryDelivery: #/components/responses/Conflict/content/application~1problem+json/examples/idempotencyKeyReused", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/Conflict/content/application~1problem+json/examples/idempotencyKeyReused")));
    it("retryDelivery: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/validation", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/validation")));
    it("retryDelivery: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/payloadInvalid", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/payloadInvalid")));
    it("retryDelivery: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unsafeInteger", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unsafeInteger")));
    it("retryDelivery: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unknownEventType", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unknownEventType")));
    it("retryDelivery: #/components/responses/UnprocessableEntity/content/application~1problem+json/examples/reservedEventType", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/reservedEventType")));
    it("listEventTypes: #/components/parameters/Cursor/examples/next", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/Cursor/examples/next")));
    it("listEventTypes: #/components/parameters/Limit/examples/small", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/Limit/examples/small")));
    it("listEventTypes: #/paths/~1v1~1event-types/get/responses/200/content/application~1json/examples/catalog", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1event-types/get/responses/200/content/application~1json/examples/catalog")));
    it("getEventType: #/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push")));
    it("getEventType: #/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/examples/ping", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/examples/ping")));
    it("listEvents: #/paths/~1v1~1events/get/parameters/1/examples/lastDay", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events/get/parameters/1/examples/lastDay")));
    it("listEvents: #/paths/~1v1~1events/get/parameters/0/examples/orders", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events/get/parameters/0/examples/orders")));
    it("listEvents: #/paths/~1v1~1events/get/responses/200/content/application~1json/examples/page", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events/get/responses/200/content/application~1json/examples/page")));
    it("publishEvent: #/components/parameters/IdempotencyKey/examples/order", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/IdempotencyKey/examples/order")));
    it("publishEvent: #/paths/~1v1~1events/post/requestBody/content/application~1json/examples/order", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events/post/requestBody/content/application~1json/examples/order")));
    it("publishEvent: #/paths/~1v1~1events/post/responses/202/content/application~1json/examples/queued", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events/post/responses/202/content/application~1json/examples/queued")));
    it("publishEvent: #/components/responses/PayloadTooLarge/content/application~1problem+json/examples/tooLarge", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/PayloadTooLarge/content/application~1problem+json/examples/tooLarge")));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/wrongType", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/wrongType")));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/compressed", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/compressed")));
    it("publishEvent: #/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/charset", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/charset")));
    it("getEvent: #/components/parameters/EventId/examples/evt", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/EventId/examples/evt")));
    it("getEvent: #/paths/~1v1~1events~1{id}/get/responses/200/content/application~1json/examples/order", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events~1{id}/get/responses/200/content/application~1json/examples/order")));
    it("listEventDeliveries: #/paths/~1v1~1events~1{id}~1deliveries/get/responses/200/content/application~1json/examples/page", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1events~1{id}~1deliveries/get/responses/200/content/application~1json/examples/page")));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/1/examples/push", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound/get/parameters/1/examples/push")));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/0/examples/github", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound/get/parameters/0/examples/github")));
    it("listInbound: #/paths/~1v1~1inbound/get/parameters/2/examples/failed", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound/get/parameters/2/examples/failed")));
    it("listInbound: #/paths/~1v1~1inbound/get/responses/200/content/application~1json/examples/page", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound/get/responses/200/content/application~1json/examples/page")));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature")));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github")));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address")));
    it("listInboundRefusals: #/paths/~1v1~1inbound-refusals/get/responses/200/content/application~1json/examples/page", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound-refusals/get/responses/200/content/application~1json/examples/page")));
    it("getInbound: #/components/parameters/InboundId/examples/inbound", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/InboundId/examples/inbound")));
    it("getInbound: #/paths/~1v1~1inbound~1{id}/get/responses/200/content/application~1json/examples/push", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound~1{id}/get/responses/200/content/application~1json/examples/push")));
    it("replayInbound: #/paths/~1v1~1inbound~1{id}~1replay/post/responses/202/content/application~1json/examples/queued", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1inbound~1{id}~1replay/post/responses/202/content/application~1json/examples/queued")));
    it("listSubscriptions: #/paths/~1v1~1subscriptions/get/responses/200/content/application~1json/examples/page", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions/get/responses/200/content/application~1json/examples/page")));
    it("createSubscription: #/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders")));
    it("createSubscription: #/paths/~1v1~1subscriptions/post/responses/201/content/application~1json/examples/created", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions/post/responses/201/content/application~1json/examples/created")));
    it("getSubscription: #/components/parameters/SubscriptionId/examples/sub", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/SubscriptionId/examples/sub")));
    it("getSubscription: #/components/responses/Subscription/content/application~1json/examples/active", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/Subscription/content/application~1json/examples/active")));
    it("updateSubscription: #/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable")));
    it("recoverSubscription: #/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay")));
    it("recoverSubscription: #/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/examples/queued", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/examples/queued")));
    it("rotateSubscriptionSecret: #/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated")));
    it("rotateSubscriptionSecret: #/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/examples/rotated", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/examples/rotated")));
    it("testSubscription: #/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/examples/queued", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/examples/queued")));
    it("receiveGithubWebhook: #/components/parameters/XGitHubDelivery/examples/guid", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XGitHubDelivery/examples/guid")));
    it("receiveGithubWebhook: #/components/parameters/XGitHubEvent/examples/ping", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XGitHubEvent/examples/ping")));
    it("receiveGithubWebhook: #/components/parameters/XGitHubEvent/examples/push", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XGitHubEvent/examples/push")));
    it("receiveGithubWebhook: #/components/parameters/XHubSignature256/examples/signature", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XHubSignature256/examples/signature")));
    it("receiveGithubWebhook: #/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping")));
    it("receiveGithubWebhook: #/paths/~1webhooks~1github/post/requestBody/content/application~1x-www-form-urlencoded/examples/ping", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1github/post/requestBody/content/application~1x-www-form-urlencoded/examples/ping")));
    it("receiveGithubWebhook: #/components/responses/ReceiverAccepted/content/application~1json/examples/accepted", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/ReceiverAccepted/content/application~1json/examples/accepted")));
    it("receiveGithubWebhook: #/components/responses/SignatureInvalid/content/application~1problem+json/examples/badSignature", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badSignature")));
    it("receiveGithubWebhook: #/components/responses/SignatureInvalid/content/application~1problem+json/examples/expired", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/expired")));
    it("receiveGithubWebhook: #/components/responses/SignatureInvalid/content/application~1problem+json/examples/badTimestamp", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badTimestamp")));
    it("receiveGithubWebhook: #/components/responses/TooManyRequests/content/application~1problem+json/examples/slowDown", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/responses/TooManyRequests/content/application~1problem+json/examples/slowDown")));
    it("receiveStandardWebhook: #/components/parameters/WebhookId/examples/id", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/WebhookId/examples/id")));
    it("receiveStandardWebhook: #/components/parameters/WebhookSignature/examples/one", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/WebhookSignature/examples/one")));
    it("receiveStandardWebhook: #/components/parameters/WebhookTimestamp/examples/now", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/WebhookTimestamp/examples/now")));
    it("receiveStandardWebhook: #/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/examples/orderCreated", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/examples/orderCreated")));
    it("receiveSlackCommand: #/components/parameters/XSlackRequestTimestamp/examples/now", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XSlackRequestTimestamp/examples/now")));
    it("receiveSlackCommand: #/components/parameters/XSlackSignature/examples/signature", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XSlackSignature/examples/signature")));
    it("receiveSlackCommand: #/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/examples/deploy", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/examples/deploy")));
    it("receiveSlackCommand: #/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/examples/ephemeral", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/examples/ephemeral")));
    it("receiveSlackEvent: #/components/parameters/XSlackRetryNum/examples/first", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/XSlackRetryNum/examples/first")));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/urlVerification", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/urlVerification")));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/message", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/message")));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/accepted", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/accepted")));
    it("receiveSlackEvent: #/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/challenge", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/challenge")));
    it("receiveSlackInteraction: #/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions")));
    it("receiveSlackInteraction: #/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/examples/errors", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/examples/errors")));
    it("receiveStripeWebhook: #/components/parameters/StripeSignature/examples/signature", () => runner.example(find(contractCases.examples, (e) => e.site, "#/components/parameters/StripeSignature/examples/signature")));
    it("receiveStripeWebhook: #/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/examples/chargeSucceeded", () => runner.example(find(contractCases.examples, (e) => e.site, "#/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/examples/chargeSucceeded")));
    it("delivery.exhausted: #/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead")));
    it("github.issues: #/webhooks/github.issues/post/requestBody/content/application~1json/examples/opened", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/github.issues/post/requestBody/content/application~1json/examples/opened")));
    it("github.pull_request: #/webhooks/github.pull_request/post/requestBody/content/application~1json/examples/opened", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/github.pull_request/post/requestBody/content/application~1json/examples/opened")));
    it("github.push: #/webhooks/github.push/post/requestBody/content/application~1json/examples/push", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/github.push/post/requestBody/content/application~1json/examples/push")));
    it("order.created: #/webhooks/order.created/post/requestBody/content/application~1json/examples/order", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/order.created/post/requestBody/content/application~1json/examples/order")));
    it("ping: #/webhooks/ping/post/requestBody/content/application~1json/examples/hello", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/ping/post/requestBody/content/application~1json/examples/hello")));
    it("slack.command: #/webhooks/slack.command/post/requestBody/content/application~1json/examples/deploy", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/slack.command/post/requestBody/content/application~1json/examples/deploy")));
    it("slack.interaction: #/webhooks/slack.interaction/post/requestBody/content/application~1json/examples/approve", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/slack.interaction/post/requestBody/content/application~1json/examples/approve")));
    it("slack.message: #/webhooks/slack.message/post/requestBody/content/application~1json/examples/message", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/slack.message/post/requestBody/content/application~1json/examples/message")));
    it("stripe.charge.failed: #/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/examples/failed", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/examples/failed")));
    it("stripe.charge.succeeded: #/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/examples/succeeded", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/examples/succeeded")));
    it("stripe.payment_intent.payment_failed: #/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/examples/failed", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/examples/failed")));
    it("stripe.payment_intent.succeeded: #/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/examples/succeeded", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/examples/succeeded")));
    it("subscription.disabled: #/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone", () => runner.example(find(contractCases.examples, (e) => e.site, "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone")));
  });

  // Webhooks first: their subscriptions stay until teardown, so the events the operations publish have deliveries to read.
  describe('every webhook reaches a subscriber, valid and signed', () => {
    it("webhook github.issues", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "github.issues")));
    it("webhook github.pull_request", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "github.pull_request")));
    it("webhook github.push", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "github.push")));
    it("webhook order.created", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "order.created")));
    it("webhook ping", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "ping")));
    it("webhook slack.command", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "slack.command")));
    it("webhook slack.interaction", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "slack.interaction")));
    it("webhook slack.message", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "slack.message")));
    it("webhook stripe.charge.failed", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "stripe.charge.failed")));
    it("webhook stripe.charge.succeeded", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "stripe.charge.succeeded")));
    it("webhook stripe.payment_intent.payment_failed", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "stripe.payment_intent.payment_failed")));
    it("webhook stripe.payment_intent.succeeded", () => runner.webhook(find(contractCases.webhooks, (w) => w.name, "stripe.payment_intent.succeeded")));
  });

  // Only the server emits these: a publish that got through would let anyone with the API key forge them.
  describe('every system webhook is refused by the publish endpoint', () => {
    it("webhook delivery.exhausted: publishing it is refused", () => runner.systemWebhook(find(contractCases.webhooks, (w) => w.name, "delivery.exhausted")));
    it("webhook subscription.disabled: publishing it is refused", () => runner.systemWebhook(find(contractCases.webhooks, (w) => w.name, "subscription.disabled")));
  });

  describe("operation receiveGithubWebhook (POST /webhooks/github)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveGithubWebhook");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header X-GitHub-Delivery → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-GitHub-Delivery")));
    it("without the required header X-GitHub-Event → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-GitHub-Event")));
    it("without the required header X-Hub-Signature-256 → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Hub-Signature-256")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation receiveStandardWebhook (POST /webhooks/receiver)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveStandardWebhook");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header webhook-id → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header webhook-id")));
    it("without the required header webhook-signature → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header webhook-signature")));
    it("without the required header webhook-timestamp → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header webhook-timestamp")));
    it("body without the required field /type → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body without the required field /type")));
    it("body /type of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /type of the wrong type (12345)")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation receiveSlackCommand (POST /webhooks/slack/commands)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveSlackCommand");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Request-Timestamp")));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Signature")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation receiveSlackEvent (POST /webhooks/slack/events)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveSlackEvent");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("with the examples of header X-Slack-Retry-Num: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Request-Timestamp")));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Signature")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation receiveSlackInteraction (POST /webhooks/slack/interactive)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveSlackInteraction");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header X-Slack-Request-Timestamp → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Request-Timestamp")));
    it("without the required header X-Slack-Signature → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header X-Slack-Signature")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation receiveStripeWebhook (POST /webhooks/stripe)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "receiveStripeWebhook");
    it("correctly signed example is accepted with a valid body and headers", () => runner.operation(operation));
    it("correctly signed, then the body changed → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "correctly signed, then the body changed")));
    it("without the required header Stripe-Signature → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the required header Stripe-Signature")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation publishEvent (POST /v1/events)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "publishEvent");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of header Idempotency-Key: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("body without the required field /type → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body without the required field /type")));
    it("body /type of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /type of the wrong type (12345)")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation createSubscription (POST /v1/subscriptions)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "createSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("body without the required field /url → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body without the required field /url")));
    it("body /url of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /url of the wrong type (12345)")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
  });

  describe("operation getHealth (GET /healthz)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getHealth");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation getMetrics (GET /metrics)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getMetrics");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation getReadiness (GET /readyz)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getReadiness");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
  });

  describe("operation listEventTypes (GET /v1/event-types)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listEventTypes");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
  });

  describe("operation listEvents (GET /v1/events)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listEvents");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit, query since, query type: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
  });

  describe("operation listInbound (GET /v1/inbound)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listInbound");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query event_type, query limit, query provider, query status: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("query provider=contract-unknown-value (not in its enum) → 400 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "query provider=contract-unknown-value (not in its enum)")));
  });

  describe("operation listInboundRefusals (GET /v1/inbound-refusals)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listInboundRefusals");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit, query reason, query receiver, query source: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
  });

  describe("operation listSubscriptions (GET /v1/subscriptions)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listSubscriptions");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
  });

  describe("operation listEventDeliveries (GET /v1/events/{id}/deliveries)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "listEventDeliveries");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("with the examples of query cursor, query limit: a listed status with a valid body and headers", () => runner.variant(operation, defined(operation.allParameters)));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation getDelivery (GET /v1/deliveries/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getDelivery");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation getEventType (GET /v1/event-types/{name})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getEventType");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation getEvent (GET /v1/events/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getEvent");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation getInbound (GET /v1/inbound/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getInbound");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation getSubscription (GET /v1/subscriptions/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "getSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation retryDelivery (POST /v1/deliveries/{id}/retry)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "retryDelivery");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation replayInbound (POST /v1/inbound/{id}/replay)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "replayInbound");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation updateSubscription (PATCH /v1/subscriptions/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "updateSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("body /status of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /status of the wrong type (12345)")));
    it("body /status = \"contract-unknown-value\" (not in its enum) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /status = \"contract-unknown-value\" (not in its enum)")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation recoverSubscription (POST /v1/subscriptions/{id}/recover)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "recoverSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("body without the required field /since → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body without the required field /since")));
    it("body /since of the wrong type (12345) → 400 or 422 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "body /since of the wrong type (12345)")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation rotateSubscriptionSecret (POST /v1/subscriptions/{id}/rotate-secret)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "rotateSubscriptionSecret");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("the example body sent as text/plain → 415 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "the example body sent as text/plain")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation testSubscription (POST /v1/subscriptions/{id}/test)", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "testSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

  describe("operation deleteSubscription (DELETE /v1/subscriptions/{id})", () => {
    const operation = find(contractCases.operations, (o) => o.operationId, "deleteSubscription");
    it("example request answers a listed status with a valid body and headers", () => runner.operation(operation));
    it("without the Authorization header → 401 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "without the Authorization header")));
    it("path parameters that name nothing → 404 problem+json", () => runner.negative(operation, find(operation.negatives, (n) => n.title, "path parameters that name nothing")));
  });

}

export type { ContractExample, ContractNegative, ContractOperation, ContractVariant, ContractWebhook };
