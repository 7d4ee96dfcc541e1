import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER, verify } from '../providers/slack.js';
import { headerValue } from '../providers/verify-result.js';
import { isObject, parseFormPayload, parseJson, stringField, type Receiver, type ReplyShape } from './receiver.js';

const KEPT = ['user-agent', 'content-type', SLACK_TIMESTAMP_HEADER, 'x-slack-retry-num', 'x-slack-retry-reason', SLACK_SIGNATURE_HEADER];
const SIGNED = [SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER];

/** A stable key for requests Slack gives no id: the signed timestamp + body (a resend is signed anew, so rarely equal). */
function contentKey(body: Buffer, headers: IncomingHttpHeaders): string {
  return 'sha256:' + createHash('sha256').update(headerValue(headers, SLACK_TIMESTAMP_HEADER) ?? '').update(':').update(body).digest('hex');
}

/** An Events API body's key without `event_id`: the body alone, since Slack re-signs a retry with a new timestamp. */
function eventKey(body: Buffer): string {
  return 'event:sha256:' + createHash('sha256').update(body).digest('hex');
}

/** `POST /webhooks/slack/events`: `url_verification` echoes the challenge; `event_callback` dedupes on `event_id`. */
export const slackEventsReceiver: Receiver = {
  operationId: 'receiveSlackEvent',
  path: '/webhooks/slack/events',
  provider: 'slack',
  secretVariable: 'SLACK_SIGNING_SECRET',
  contentTypes: ['application/json'],
  keptHeaders: KEPT,
  signatureHeaders: SIGNED,
  requiredHeaders: SIGNED,
  verify,
  parse(body) {
    const json = parseJson(body.toString('utf8'));
    if (!json.ok) return json;
    if (!isObject(json.value)) return { ok: false, message: 'A Slack Events API body must be a JSON object' };
    const type = stringField(json.value, 'type');
    if (!type) return { ok: false, message: 'A Slack Events API body needs a string "type"' };
    if (type === 'url_verification') {
      const challenge = stringField(json.value, 'challenge');
      if (!challenge) return { ok: false, message: 'url_verification needs a string "challenge"' };
      return { ok: true, delivery: { deliveryId: '', eventType: type, match: undefined, payload: json.value, immediate: { status: 200, body: { challenge } } } };
    }
    const inner = isObject(json.value.event) ? stringField(json.value.event, 'type') : undefined;
    // Without an event_id (app_rate_limited) the body alone: Slack re-signs a retry with a new timestamp.
    const deliveryId = stringField(json.value, 'event_id') ?? eventKey(body);
    return { ok: true, delivery: { deliveryId, eventType: inner ?? type, match: inner, payload: json.value, payloadJson: json.text } };
  },
};

const COMMAND_ACK_TEXT = 'Received; working on it.';

/** A slash command's reply: a string is an ephemeral message, an object is a message as is. */
const commandReply: ReplyShape = {
  ack: { response_type: 'ephemeral', text: COMMAND_ACK_TEXT },
  body: (reply) => (typeof reply === 'string' ? { response_type: 'ephemeral', text: reply } : isObject(reply) ? reply : undefined),
};

/** An interaction's reply: an object (a view_submission's `response_action`, a suggestion's `options`), else Bolt's empty ack. */
const interactionReply: ReplyShape = {
  ack: undefined,
  body: (reply) => (isObject(reply) ? reply : undefined),
};

/** `POST /webhooks/slack/commands`: form-encoded; the handler's reply goes back in the response. */
export const slackCommandsReceiver: Receiver = {
  operationId: 'receiveSlackCommand',
  path: '/webhooks/slack/commands',
  provider: 'slack',
  secretVariable: 'SLACK_SIGNING_SECRET',
  contentTypes: ['application/x-www-form-urlencoded'],
  keptHeaders: KEPT,
  signatureHeaders: SIGNED,
  requiredHeaders: SIGNED,
  replies: commandReply,
  verify,
  parse(body, headers) {
    const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    // Slack checks a new command URL's certificate with `ssl_check=1` (no command): a 200 is all it wants.
    if (form.ssl_check === '1' && !form.command) {
      return { ok: true, delivery: { deliveryId: '', eventType: 'ssl_check', match: undefined, payload: form, immediate: { status: 200, body: {} } } };
    }
    if (!form.command) return { ok: false, message: 'A Slack slash command form needs a "command" field' };
    const deliveryId = form.trigger_id ? `command:${form.trigger_id}` : contentKey(body, headers);
    return { ok: true, delivery: { deliveryId, eventType: 'command', match: 'command', payload: form } };
  },
};

/** `POST /webhooks/slack/interactive`: form field `payload` holds the interaction as JSON; the handler may answer it. */
export const slackInteractiveReceiver: Receiver = {
  operationId: 'receiveSlackInteraction',
  path: '/webhooks/slack/interactive',
  provider: 'slack',
  secretVariable: 'SLACK_SIGNING_SECRET',
  contentTypes: ['application/x-www-form-urlencoded'],
  keptHeaders: KEPT,
  signatureHeaders: SIGNED,
  requiredHeaders: SIGNED,
  replies: interactionReply,
  verify,
  parse(body, headers) {
    const json = parseFormPayload(body, 'Slack interaction');
    if (!json.ok) return json;
    const kind = stringField(json.value, 'type') ?? 'unknown';
    const trigger = stringField(json.value, 'trigger_id');
    const deliveryId = trigger ? `interaction:${trigger}` : contentKey(body, headers);
    return { ok: true, delivery: { deliveryId, eventType: `interaction.${kind}`, match: 'interaction', payload: json.value, payloadJson: json.text } };
  },
};
