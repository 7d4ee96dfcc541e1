import { STANDARD_ID_HEADER, STANDARD_SIGNATURE_HEADER, STANDARD_TIMESTAMP_HEADER, verify } from '../providers/standard-webhooks.js';
import { headerValue } from '../providers/verify-result.js';
import { isObject, parseJson, stringField, type Receiver } from './receiver.js';

/** `POST /webhooks/receiver`: a Standard Webhooks envelope `{ type, timestamp, data }`, dedupe on `webhook-id`. */
export const standardWebhooksReceiver: Receiver = {
  operationId: 'receiveStandardWebhook',
  path: '/webhooks/receiver',
  provider: 'standard-webhooks',
  secretVariable: 'HOOKSPEC_RECEIVER_SECRET',
  contentTypes: ['application/json'],
  keptHeaders: [STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, 'user-agent', 'content-type', STANDARD_SIGNATURE_HEADER],
  signatureHeaders: [STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, STANDARD_SIGNATURE_HEADER],
  requiredHeaders: [STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, STANDARD_SIGNATURE_HEADER],
  verify,
  parse(body, headers) {
    const json = parseJson(body.toString('utf8'));
    if (!json.ok) return json;
    if (!isObject(json.value)) return { ok: false, message: 'A Standard Webhooks body must be a JSON object' };
    const type = stringField(json.value, 'type');
    if (!type) return { ok: false, message: 'A Standard Webhooks envelope needs a string "type"' };
    return { ok: true, delivery: { deliveryId: headerValue(headers, STANDARD_ID_HEADER)!, eventType: type, match: type, payload: json.value } };
  },
};
