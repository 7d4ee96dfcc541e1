import type { IncomingHttpHeaders } from 'node:http';
import { mediaType } from '../media-type.js';
import { GITHUB_SIGNATURE_HEADER, verify } from '../providers/github.js';
import { headerValue } from '../providers/verify-result.js';
import { isObject, parseFormPayload, parseJson, stringField, type Receiver } from './receiver.js';

const EVENT_HEADER = 'x-github-event';
const DELIVERY_HEADER = 'x-github-delivery';
const FORM = 'application/x-www-form-urlencoded';

/** The payload of a JSON body, or of a form body's `payload` field (the webhook's "Content type" setting in GitHub). */
function parsePayload(body: Buffer, headers: IncomingHttpHeaders) {
  if (mediaType(headers) === FORM) return parseFormPayload(body, 'GitHub webhook');
  const json = parseJson(body.toString('utf8'));
  if (!json.ok) return json;
  if (!isObject(json.value)) return { ok: false as const, message: 'A GitHub webhook body must be a JSON object' };
  return { ok: true as const, value: json.value, text: json.text };
}

/**
 * `POST /webhooks/github`: event from `X-GitHub-Event` (+ `action`), dedupe on `X-GitHub-Delivery`. Either content
 * type GitHub offers; with the form one the signature is over the form bytes, the payload is its `payload` field.
 */
export const githubReceiver: Receiver = {
  operationId: 'receiveGithubWebhook',
  path: '/webhooks/github',
  provider: 'github',
  secretVariable: 'GITHUB_WEBHOOK_SECRET',
  contentTypes: ['application/json', FORM],
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
    const json = parsePayload(body, headers);
    if (!json.ok) return json;
    const action = stringField(json.value, 'action');
    return {
      ok: true,
      delivery: { deliveryId, eventType: action ? `${event}.${action}` : event, match: event, payload: json.value, payloadJson: json.text },
    };
  },
};
