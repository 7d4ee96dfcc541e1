import { describe, expect, it } from 'vitest';
import { loadSpec, resolveLocal } from './spec-ajv.js';

const doc = loadSpec();
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** The agreed paths and operationIds every room builds against. */
const AGREED_OPERATIONS: Record<string, string> = {
  'GET /healthz': 'getHealth',
  'GET /readyz': 'getReadiness',
  'GET /metrics': 'getMetrics',
  'POST /webhooks/github': 'receiveGithubWebhook',
  'POST /webhooks/stripe': 'receiveStripeWebhook',
  'POST /webhooks/slack/events': 'receiveSlackEvent',
  'POST /webhooks/slack/commands': 'receiveSlackCommand',
  'POST /webhooks/slack/interactive': 'receiveSlackInteraction',
  'POST /webhooks/receiver': 'receiveStandardWebhook',
  'GET /v1/event-types': 'listEventTypes',
  'GET /v1/event-types/{name}': 'getEventType',
  'POST /v1/subscriptions': 'createSubscription',
  'GET /v1/subscriptions': 'listSubscriptions',
  'GET /v1/subscriptions/{id}': 'getSubscription',
  'PATCH /v1/subscriptions/{id}': 'updateSubscription',
  'DELETE /v1/subscriptions/{id}': 'deleteSubscription',
  'POST /v1/subscriptions/{id}/rotate-secret': 'rotateSubscriptionSecret',
  'POST /v1/subscriptions/{id}/test': 'testSubscription',
  'POST /v1/subscriptions/{id}/recover': 'recoverSubscription',
  'POST /v1/events': 'publishEvent',
  'GET /v1/events': 'listEvents',
  'GET /v1/events/{id}': 'getEvent',
  'GET /v1/events/{id}/deliveries': 'listEventDeliveries',
  'GET /v1/deliveries/{id}': 'getDelivery',
  'POST /v1/deliveries/{id}/retry': 'retryDelivery',
  'GET /v1/inbound': 'listInbound',
  'GET /v1/inbound/{id}': 'getInbound',
  'GET /v1/inbound-refusals': 'listInboundRefusals',
  'POST /v1/inbound/{id}/replay': 'replayInbound',
};

const AGREED_WEBHOOKS = [
  'delivery.exhausted', 'github.issues', 'github.pull_request', 'github.push', 'order.created', 'ping',
  'slack.command', 'slack.interaction', 'slack.message', 'stripe.charge.failed', 'stripe.charge.succeeded',
  'stripe.payment_intent.payment_failed', 'stripe.payment_intent.succeeded', 'subscription.disabled',
];

const RECEIVERS: Record<string, { scheme: string; policy: string; inbound?: string[] }> = {
  receiveGithubWebhook: { scheme: 'github', policy: 'lenient' },
  receiveStripeWebhook: { scheme: 'stripe', policy: 'lenient' },
  receiveSlackEvent: { scheme: 'slack', policy: 'lenient' },
  receiveSlackCommand: { scheme: 'slack', policy: 'lenient' },
  receiveSlackInteraction: { scheme: 'slack', policy: 'lenient' },
  receiveStandardWebhook: { scheme: 'standard-webhooks', policy: 'strict' },
};

const operations = Object.entries(doc.paths as Record<string, any>).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, op: item[m] })),
);
const webhookOps = Object.entries(doc.webhooks as Record<string, any>).map(([name, item]) => ({ name, op: item.post }));

describe('openapi.yaml keeps the contracts agreed between rooms', () => {
  it('is OpenAPI 3.1.1 (express-openapi-validator rejects "3.1")', () => {
    expect(doc.openapi).toBe('3.1.1');
  });

  it('declares exactly the agreed paths and operationIds', () => {
    expect(Object.fromEntries(operations.map(({ key, op }) => [key, op.operationId]))).toEqual(AGREED_OPERATIONS);
  });

  it('declares exactly the agreed webhooks, each a post', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual(AGREED_WEBHOOKS);
    for (const { name, op } of webhookOps) expect(op, name).toBeTruthy();
  });

  it('has unique operationIds across paths and webhooks (openapi-typescript hoists them together)', () => {
    const ids = [...operations, ...webhookOps].map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every operation and webhook a summary, description, tags, a 2xx and a 4xx response', () => {
    for (const { op } of [...operations, ...webhookOps]) {
      const codes = Object.keys(op.responses ?? {});
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.description, op.operationId).toBeTruthy();
      expect(op.tags?.length, op.operationId).toBeGreaterThan(0);
      expect(codes.some((c) => c.startsWith('2')), op.operationId).toBe(true);
      expect(codes.some((c) => c.startsWith('4')), op.operationId).toBe(true);
    }
  });

  it('sends every management error as problem+json with the Problem schema', () => {
    for (const { key, op } of operations.filter(({ key }) => key.includes(' /v1/') || key.includes(' /webhooks/'))) {
      for (const [code, response] of Object.entries(op.responses as Record<string, any>)) {
        if (!/^[45]/.test(code)) continue;
        const resolved = response.$ref ? resolveLocal(doc, response.$ref) : response;
        expect(resolved.content?.['application/problem+json']?.schema?.$ref, `${key} ${code}`).toBe('#/components/schemas/Problem');
      }
    }
  });

  it('secures /v1 with the bearer key, answering 401', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    for (const { key, op } of operations.filter(({ key }) => key.includes(' /v1/'))) {
      expect(op.security, key).toBeUndefined();
      expect(op.responses['401'], key).toBeTruthy();
    }
  });

  it('marks each receiver with its signature scheme and policy', () => {
    const receivers = operations.filter(({ op }) =>
      (op.security ?? []).some((req: Record<string, unknown>) =>
        Object.keys(req).some((name) => doc.components.securitySchemes[name]?.['x-hookspec-signature'])));
    expect(Object.fromEntries(receivers.map(({ op }) => {
      const scheme = doc.components.securitySchemes[Object.keys(op.security[0])[0]!];
      expect(scheme).toMatchObject({ type: 'apiKey', in: 'header' });
      return [op.operationId, { scheme: scheme['x-hookspec-signature'], policy: op['x-hookspec-policy'] }];
    }))).toEqual(RECEIVERS);
  });

  it('maps provider webhooks to the inbound event they come from', () => {
    const inbound = Object.fromEntries(webhookOps.filter(({ op }) => op['x-hookspec-inbound']).map(({ name, op }) => [name, op['x-hookspec-inbound']]));
    expect(inbound).toEqual({
      'github.push': { provider: 'github', event: 'push' },
      'github.pull_request': { provider: 'github', event: 'pull_request' },
      'github.issues': { provider: 'github', event: 'issues' },
      'stripe.payment_intent.succeeded': { provider: 'stripe', event: 'payment_intent.succeeded' },
      'stripe.payment_intent.payment_failed': { provider: 'stripe', event: 'payment_intent.payment_failed' },
      'stripe.charge.succeeded': { provider: 'stripe', event: 'charge.succeeded' },
      'stripe.charge.failed': { provider: 'stripe', event: 'charge.failed' },
      'slack.message': { provider: 'slack', event: 'message' },
      'slack.command': { provider: 'slack', event: 'command' },
      'slack.interaction': { provider: 'slack', event: 'interaction' },
    });
  });

  it('wraps every webhook payload in the Standard Webhooks envelope { type, timestamp, data }', () => {
    for (const { name, op } of webhookOps) {
      expect(op.requestBody?.required, name).toBe(true);
      const schema = op.requestBody.content['application/json'].schema;
      expect(schema.required, name).toEqual(['type', 'timestamp', 'data']);
      expect(schema.properties.type, name).toEqual({ const: name });
      expect(schema.properties.timestamp, name).toEqual({ type: 'string', format: 'date-time' });
      expect(schema.properties.data.$ref, name).toMatch(/^#\/components\/schemas\//);
    }
  });

  it('never combines a nullable type array with format date-time (express-openapi-validator #1177)', () => {
    const offenders: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      if (Array.isArray(obj.type) && obj.type.includes('null') && obj.format === 'date-time') offenders.push(pointer);
      for (const [k, v] of Object.entries(obj)) walk(v, `${pointer}/${k}`);
    };
    walk(doc, '');
    expect(offenders).toEqual([]);
  });
});
