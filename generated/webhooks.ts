// generated from openapi.yaml; do not edit
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventData, EventEnvelope, EventType } from './aliases.js';
import { validateWebhook, webhookNames, type ValidationError } from './validators.js';

/** Event types whose payload is a `{ type, timestamp, data }` envelope (the sender builds it around `data`). */
const ENVELOPE_TYPES: ReadonlySet<string> = new Set<string>([
  'delivery.exhausted',
  'github.issues',
  'github.pull_request',
  'github.push',
  'order.created',
  'ping',
  'slack.command',
  'slack.interaction',
  'slack.message',
  'stripe.charge.failed',
  'stripe.charge.succeeded',
  'stripe.payment_intent.payment_failed',
  'stripe.payment_intent.succeeded',
  'subscription.disabled',
]);

const KNOWN_TYPES: ReadonlySet<string> = new Set<string>(webhookNames);

/** The payload `publish` was given does not match the event type's schema; nothing was sent. */
export class WebhookValidationError extends Error {
  readonly type: string;
  readonly errors: ValidationError[];

  constructor(type: string, errors: ValidationError[]) {
    super(`invalid ${type} payload: ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`);
    this.name = 'WebhookValidationError';
    this.type = type;
    this.errors = errors;
  }
}

/** The server answered `publish` with a non-2xx status; `problem` holds its (problem+json) body. */
export class PublishError extends Error {
  readonly status: number;
  readonly problem: unknown;

  constructor(status: number, problem: unknown) {
    const detail = typeof problem === 'object' && problem !== null && 'detail' in problem ? String(problem.detail) : '';
    super(`publish failed with HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'PublishError';
    this.status = status;
    this.problem = problem;
  }
}

/** Options of the typed sender. */
export interface SenderOptions {
  /** hookspec server origin, for example `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. @default undefined */
  apiKey?: string;
  /** Path of the publish endpoint. @default '/v1/events' */
  path?: string;
  /** A fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Options of one publish. */
export interface PublishOptions {
  /** Sent as `Idempotency-Key`: publishing twice with one key creates one event. @default undefined */
  idempotencyKey?: string;
}

/** The created event as the server returns it. */
export type PublishedEvent = { id?: string } & Record<string, unknown>;

/** Publishes events; `data` is typed by the event type at compile time and validated before sending. */
export interface Sender {
  publish<T extends EventType>(type: T, data: EventData<T>, options?: PublishOptions): Promise<PublishedEvent>;
}

export const DEFAULT_PUBLISH_PATH = '/v1/events';

/** Creates the typed sender (posts `{ type, data }` to the publish endpoint). */
export function createSender(options: SenderOptions): Sender {
  const url = `${options.baseUrl.replace(/\/+$/, '')}${options.path ?? DEFAULT_PUBLISH_PATH}`;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    async publish(type, data, publishOptions = {}) {
      const payload = ENVELOPE_TYPES.has(type) ? { type, timestamp: new Date().toISOString(), data } : data;
      const verdict = validateWebhook(type, payload);
      if (!verdict.ok) throw new WebhookValidationError(type, verdict.errors);
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
      if (publishOptions.idempotencyKey !== undefined) headers['idempotency-key'] = publishOptions.idempotencyKey;
      const response = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify({ type, data }) });
      const text = await response.text();
      const parsed = text === '' ? {} : safeJson(text);
      const body = parsed === INVALID ? text : parsed;
      if (!response.ok) throw new PublishError(response.status, body);
      return (typeof body === 'object' && body !== null ? body : {}) as PublishedEvent;
    },
  };
}

/** Any event of the catalog, discriminated on `type`. */
export type WebhookEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

/** Why a delivery was rejected. */
export type VerifyErrorCode =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'invalid_signature'
  | 'invalid_json'
  | 'unknown_event_type'
  | 'invalid_payload';

/** The verdict on one delivery; `verify` never throws on what a sender sends. */
export type VerifyResult =
  | { ok: true; id: string; timestamp: number; event: WebhookEvent }
  | { ok: false; code: VerifyErrorCode; message: string; errors?: ValidationError[] };

/** Options of the receiver SDK. */
export interface ReceiverOptions {
  /** Endpoint secret(s) (`whsec_` + base64); several during a rotation. */
  secret: string | readonly string[];
  /** Allowed clock difference either way, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** Clock in milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** Incoming headers: a Node header object or a fetch `Headers`. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Verifies Standard Webhooks deliveries and returns the typed event. */
export interface Receiver {
  verify(headers: HeaderSource, rawBody: string | Uint8Array): VerifyResult;
}

/** Standard Webhooks: 5 minutes either way, as the reference libraries. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Creates a receiver; a malformed secret is a configuration error and throws here, never in `verify`. */
export function createReceiver(options: ReceiverOptions): Receiver {
  const secrets = (typeof options.secret === 'string' ? [options.secret] : [...options.secret]).map(decodeSecret);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Date.now;
  return {
    verify(headers, rawBody) {
      const id = header(headers, 'webhook-id');
      const timestampText = header(headers, 'webhook-timestamp');
      const signatures = header(headers, 'webhook-signature');
      if (!id || !timestampText || !signatures)
        return fail('missing_headers', 'missing webhook-id, webhook-timestamp or webhook-signature header');
      if (!/^\d{1,15}$/.test(timestampText))
        return fail('invalid_timestamp', 'webhook-timestamp must be integer seconds');
      const timestamp = Number(timestampText);
      if (Math.abs(now() / 1000 - timestamp) > tolerance)
        return fail('timestamp_out_of_tolerance', `webhook-timestamp is more than ${tolerance} s away`);
      const body =
        typeof rawBody === 'string'
          ? Buffer.from(rawBody, 'utf8')
          : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
      if (!signatureMatches(secrets, id, timestampText, body, signatures))
        return fail('invalid_signature', 'no webhook-signature matches');
      const payload = safeJson(body.toString('utf8'));
      if (payload === INVALID) return fail('invalid_json', 'body is not JSON');
      const type = typeof payload === 'object' && payload !== null && 'type' in payload ? payload.type : undefined;
      if (typeof type !== 'string' || !KNOWN_TYPES.has(type))
        return fail('unknown_event_type', `unknown event type ${JSON.stringify(type ?? null)}`);
      const verdict = validateWebhook(type, payload);
      if (!verdict.ok)
        return {
          ok: false,
          code: 'invalid_payload',
          message: `payload does not match ${type}`,
          errors: verdict.errors,
        };
      return { ok: true, id, timestamp, event: payload as WebhookEvent };
    },
  };
}

const INVALID = Symbol('invalid');

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

function fail(code: VerifyErrorCode, message: string): VerifyResult {
  return { ok: false, code, message };
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function decodeSecret(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  if (key.length === 0) throw new Error('webhook secret must be whsec_ followed by base64');
  return key;
}

// Compares every `v1,<base64>` candidate against every secret; lengths are checked before timingSafeEqual.
function signatureMatches(secrets: Buffer[], id: string, timestamp: string, body: Buffer, header: string): boolean {
  const candidates = header
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest();
    for (const candidate of candidates) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return true;
    }
  }
  return false;
}
