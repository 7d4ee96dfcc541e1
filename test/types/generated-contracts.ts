// Type-level tests: compiled by `tsc --noEmit` (make typecheck), never run. Each `@ts-expect-error` proves that
// the generated contracts reject a wrong payload, a missing handler or a mistyped result; if a line stopped
// being an error, tsc would fail on the unused directive.
import type { EventData, EventEnvelope, EventType, OperationRequestBody, OperationResponse } from '../../generated/aliases.js';
import { createClient } from '../../generated/client.js';
import { defineEventHandler, defineEventHandlers, type EventHandlerMap } from '../../generated/handlers.js';
import type { OperationHandlers } from '../../generated/operations.js';
import { validateWebhook, type WebhookName } from '../../generated/validators.js';
import { createSender, type VerifyResult } from '../../generated/webhooks.js';

const sender = createSender({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });

// Correct payloads compile.
void sender.publish('ping', { message: 'hello' });
void sender.publish(
  'order.created',
  {
    order_id: 'ord_1',
    customer: { id: 'cus_1', email: 'a@example.org' },
    line_items: [{ sku: 'A', name: 'a', quantity: 1, unit_price: 100 }],
    subtotal: 100,
    tax: 0,
    total: 100,
    currency: 'EUR',
    created_at: '2026-11-28T00:00:00Z',
  },
  { idempotencyKey: 'key-1' },
);

// @ts-expect-error message must be a string
void sender.publish('ping', { message: 42 });
// @ts-expect-error order.created needs every required field
void sender.publish('order.created', { order_id: 'ord_1' });
// @ts-expect-error the event type must be in the catalog
void sender.publish('no.such.event', {});
// @ts-expect-error data of one event is not the data of another
void sender.publish('ping', {} as EventData<'order.created'>);
// @ts-expect-error only the server emits subscription.disabled (x-hookspec-system): it is not publishable
void sender.publish('subscription.disabled', {} as EventData<'subscription.disabled'>);

// Handlers get the typed envelope.
const orderHandler = defineEventHandler('order.created', async (event) => {
  const total: number = event.data.total;
  const type: 'order.created' = event.type;
  void total;
  void type;
});
void defineEventHandler('order.created', async (event) => {
  // @ts-expect-error total is a number
  const total: string = event.data.total;
  void total;
});
// The second argument carries the attempt's abort signal.
void defineEventHandler('ping', async (event, { signal }) => {
  const aborted: boolean = signal.aborted;
  void event;
  void aborted;
});
const batched = defineEventHandler(
  'ping',
  async (events) => {
    const first: EventEnvelope<'ping'> | undefined = events[0];
    void first;
  },
  { batch: { maxSize: 10, maxWaitMs: 50 } },
);

// A handler map must cover every event type.
declare const everyHandler: EventHandlerMap;
void defineEventHandlers(everyHandler);
const { ping: _ping, ...withoutPing } = everyHandler;
// @ts-expect-error ping has no handler
void defineEventHandlers(withoutPing);
// @ts-expect-error a handler registered under another event type
void defineEventHandlers({ ...everyHandler, 'order.created': batched });
void orderHandler;

// The management handler contract: every operation, typed results.
declare const handlers: OperationHandlers;
const { getHealth: _getHealth, ...withoutHealth } = handlers;
// @ts-expect-error getHealth is missing
const missing: OperationHandlers = withoutHealth;
void missing;
const health: OperationHandlers['getHealth'] = async () => ({ status: 200, body: { status: 'ok' } });
// @ts-expect-error 418 is not a declared response
const teapot: OperationHandlers['getHealth'] = async () => ({ status: 418, body: { status: 'ok' } });
// @ts-expect-error the body must match the 200 schema
const wrongBody: OperationHandlers['getHealth'] = async () => ({ status: 200, body: { status: 'fine' } });
void health;
void teapot;
void wrongBody;

// Aliases by operationId.
const publishBody: OperationRequestBody<'publishEvent'> = { type: 'ping', data: {} };
const healthBody: OperationResponse<'getHealth', 200> = { status: 'ok' };
void publishBody;
void healthBody;

// The receiver SDK narrows on `type`.
declare const verified: VerifyResult;
if (verified.ok && verified.event.type === 'order.created') {
  const currency: string = verified.event.data.currency;
  void currency;
}
if (!verified.ok) {
  const code: 'invalid_signature' | 'missing_headers' | string = verified.code;
  void code;
}

// Validator names are checked where the literal is known.
const name: WebhookName = 'ping';
void validateWebhook(name, {});
const eventType: EventType = 'ping';
// @ts-expect-error not an event type
const notEventType: EventType = 'pong';
void eventType;
void notEventType;

// The client is typed by paths.
const client = createClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });
void client.GET('/v1/subscriptions/{id}', { params: { path: { id: 'sub_1' } } });
// @ts-expect-error the path parameter is required
void client.GET('/v1/subscriptions/{id}', {});
