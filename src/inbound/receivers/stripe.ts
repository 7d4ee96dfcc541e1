import { STRIPE_SIGNATURE_HEADER, verify } from '../providers/stripe.js';
import { isObject, parseJson, stringField, type Receiver } from './receiver.js';

/** `POST /webhooks/stripe`: event from the body's `type`, dedupe on the event `id`. */
export const stripeReceiver: Receiver = {
  operationId: 'receiveStripeWebhook',
  path: '/webhooks/stripe',
  provider: 'stripe',
  secretVariable: 'STRIPE_WEBHOOK_SECRET',
  contentTypes: ['application/json'],
  keptHeaders: ['user-agent', 'content-type', STRIPE_SIGNATURE_HEADER],
  signatureHeaders: [STRIPE_SIGNATURE_HEADER],
  requiredHeaders: [STRIPE_SIGNATURE_HEADER],
  verify,
  parse(body) {
    const json = parseJson(body.toString('utf8'));
    if (!json.ok) return json;
    if (!isObject(json.value)) return { ok: false, message: 'A Stripe event must be a JSON object' };
    const id = stringField(json.value, 'id');
    const type = stringField(json.value, 'type');
    if (!id || !type) return { ok: false, message: 'A Stripe event needs string "id" and "type" members' };
    return { ok: true, delivery: { deliveryId: id, eventType: type, match: type, payload: json.value, payloadJson: json.text } };
  },
};
