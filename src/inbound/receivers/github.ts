import { GITHUB_SIGNATURE_HEADER, verify } from '../providers/github.js';
import { headerValue } from '../providers/verify-result.js';
import { isObject, parseJson, stringField, type Receiver } from './receiver.js';

const EVENT_HEADER = 'x-github-event';
const DELIVERY_HEADER = 'x-github-delivery';

/** `POST /webhooks/github`: event from `X-GitHub-Event` (+ `action`), dedupe on `X-GitHub-Delivery`. */
export const githubReceiver: Receiver = {
  operationId: 'receiveGithubWebhook',
  path: '/webhooks/github',
  provider: 'github',
  secretVariable: 'GITHUB_WEBHOOK_SECRET',
  contentTypes: ['application/json'],
  keptHeaders: [EVENT_HEADER, DELIVERY_HEADER, 'x-github-hook-id', 'x-github-hook-installation-target-type', 'x-github-hook-installation-target-id', 'user-agent', 'content-type', GITHUB_SIGNATURE_HEADER],
  signatureHeaders: [GITHUB_SIGNATURE_HEADER],
  // Octokit's set and order: without an event or a delivery id a verified body could be neither routed nor deduplicated.
  requiredHeaders: [EVENT_HEADER, GITHUB_SIGNATURE_HEADER, DELIVERY_HEADER],
  verify,
  parse(body, headers) {
    const event = headerValue(headers, EVENT_HEADER);
    const deliveryId = headerValue(headers, DELIVERY_HEADER);
    if (!event || !deliveryId) {
      const absent = [!event && 'x-github-event', !deliveryId && 'x-github-delivery'].filter(Boolean).join(', ');
      return { ok: false, message: `Missing header(s): ${absent}` };
    }
    const json = parseJson(body.toString('utf8'));
    if (!json.ok) return json;
    if (!isObject(json.value)) return { ok: false, message: 'A GitHub webhook body must be a JSON object' };
    const action = stringField(json.value, 'action');
    return {
      ok: true,
      delivery: { deliveryId, eventType: action ? `${event}.${action}` : event, match: event, payload: json.value, payloadJson: json.text },
    };
  },
};
