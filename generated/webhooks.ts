// generated from openapi.yaml; do not edit
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventData, EventEnvelope, EventType, PublishableEventType } from './aliases.js';
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

/** Event types only the server emits (`x-hookspec-system`); it refuses to publish them, so the sender does too. */
const SYSTEM_TYPES: ReadonlySet<string> = new Set<string>(['delivery.exhausted', 'subscription.disabled']);

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

/** What a `PublishError` says besides the status and body. */
export interface PublishErrorDetails {
  /** The `Idempotency-Key` the publish was sent with: publishing again with it cannot create a second event. */
  idempotencyKey: string;
  /** No answer, or a 5xx: the server may have created the event. Retry with `idempotencyKey` to be sure. */
  mayHaveBeenSent: boolean;
  /** The network error or timeout, when no answer came. */
  cause?: unknown;
}

/** The server answered `publish` with a non-2xx status (`problem`: its problem+json body), or not at all (status 0). */
export class PublishError extends Error {
  readonly status: number;
  readonly problem: unknown;
  readonly idempotencyKey: string;
  readonly mayHaveBeenSent: boolean;

  constructor(status: number, problem: unknown, details: PublishErrorDetails) {
    const detail = typeof problem === 'object' && problem !== null && 'detail' in problem ? String(problem.detail) : '';
    const cause = details.cause instanceof Error ? details.cause.message : String(details.cause);
    const why = status === 0 ? `no answer (${cause})` : `HTTP ${status}`;
    super(`publish failed with ${why}${detail ? `: ${detail}` : ''}`, { cause: details.cause });
    this.name = 'PublishError';
    this.status = status;
    this.problem = problem;
    this.idempotencyKey = details.idempotencyKey;
    this.mayHaveBeenSent = details.mayHaveBeenSent;
  }
}

/** Options of the typed sender. */
export interface SenderOptions {
  /** hookspec server origin, with a path prefix if it has one, for example `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. @default undefined */
  apiKey?: string;
  /** Path of the publish endpoint. @default '/v1/events' */
  path?: string;
  /** A fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Time one attempt may take, answer included. @default 30000 */
  timeoutMs?: number;
  /** Attempts after the first when no answer comes, or on 429 or 5xx (same `Idempotency-Key`, so never two events). @default 2 */
  retries?: number;
  /** Wait before the first retry, doubled each time; a `Retry-After` of up to 30 s is honoured instead. @default 500 */
  retryDelayMs?: number;
}

/** Options of one publish. */
export interface PublishOptions {
  /** Sent as `Idempotency-Key` (1-255 visible ASCII characters): one key, one event. @default a new random UUID */
  idempotencyKey?: string;
  /** Aborts the publish, retries included. */
  signal?: AbortSignal;
}

/** The created event as the server returns it. */
export type PublishedEvent = { id: string; type: string; created_at: string } & Record<string, unknown>;

/** Publishes events; `data` is typed by the event type at compile time and validated before sending. */
export interface Sender {
  /** `type` is any event type but the system ones (`x-hookspec-system`), which only the server emits. */
  publish<T extends PublishableEventType>(
    type: T,
    data: EventData<T>,
    options?: PublishOptions,
  ): Promise<PublishedEvent>;
}

export const DEFAULT_PUBLISH_PATH = '/v1/events';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const MAX_RETRY_AFTER_MS = 30_000;

/** Creates the typed sender (posts `{ type, data }` to the publish endpoint). */
export function createSender(options: SenderOptions): Sender {
  const url = publishUrl(options.baseUrl, options.path ?? DEFAULT_PUBLISH_PATH);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 500;
  return {
    async publish(type, data, publishOptions = {}) {
      if (SYSTEM_TYPES.has(type))
        throw new TypeError(`${type} is emitted by the server itself (x-hookspec-system); it cannot be published`);
      // What is validated is what is sent: JSON turns NaN into null and runs toJSON, so check the serialized text.
      const body = JSON.stringify({ type, data });
      const sent = (JSON.parse(body) as { data: unknown }).data;
      const payload = ENVELOPE_TYPES.has(type) ? { type, timestamp: new Date().toISOString(), data: sent } : sent;
      const verdict = validateWebhook(type, payload);
      if (!verdict.ok) throw new WebhookValidationError(type, verdict.errors);
      const key = publishOptions.idempotencyKey ?? newIdempotencyKey();
      if (!IDEMPOTENCY_KEY.test(key)) throw new TypeError('idempotencyKey must be 1-255 visible ASCII characters');
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': key,
      };
      if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
      const caller = publishOptions.signal;
      for (let attempt = 0; ; attempt++) {
        const signal = attemptSignal(timeoutMs, caller);
        let response: Response;
        let text: string;
        try {
          // Never follow a redirect: fetch would turn the POST into a GET and report its answer as the publish's.
          response = await fetchImpl(url, { method: 'POST', headers, body, redirect: 'manual', signal: signal.signal });
          text = await response.text();
        } catch (err) {
          const error = new PublishError(0, null, { idempotencyKey: key, mayHaveBeenSent: true, cause: err });
          if (caller?.aborted || attempt >= retries) throw error;
          await sleep(retryDelayMs * 2 ** attempt, caller);
          continue;
        } finally {
          signal.done();
        }
        // A browser hides a redirect it did not follow behind status 0.
        if (response.type === 'opaqueredirect') {
          const cause = new Error('the server answered with a redirect, which is not followed');
          throw new PublishError(0, null, { idempotencyKey: key, mayHaveBeenSent: false, cause });
        }
        const parsed = text === '' ? {} : safeJson(text);
        const answer = parsed === INVALID ? text : parsed;
        if (response.ok) {
          const event = answer as Partial<PublishedEvent>;
          if (typeof event?.id === 'string') return event as PublishedEvent;
          throw new PublishError(response.status, answer, { idempotencyKey: key, mayHaveBeenSent: true });
        }
        const retryable = response.status === 429 || response.status >= 500;
        const mayHaveBeenSent = response.status >= 500;
        const error = new PublishError(response.status, answer, { idempotencyKey: key, mayHaveBeenSent });
        if (!retryable || attempt >= retries || caller?.aborted) throw error;
        await sleep(retryAfterMs(response.headers.get('retry-after')) ?? retryDelayMs * 2 ** attempt, caller);
      }
    },
  };
}

/**
 * `baseUrl` (absolute, or relative to a page) with its path prefix, joined to `path`; a query or fragment is a mistake.
 * Checked here, not at the first publish: fetch would fail on a URL it cannot parse, and the publish would report
 * "no answer, may have been sent" for an event that could not have gone anywhere.
 */
function publishUrl(baseUrl: unknown, path: unknown): string {
  if (typeof baseUrl !== 'string')
    throw new TypeError(
      `createSender: baseUrl must be the hookspec server's URL, for example http://127.0.0.1:8080 (got ${shown(baseUrl)})`,
    );
  if (typeof path !== 'string') throw new TypeError(`createSender: path must be a string (got ${shown(path)})`);
  if (/[?#]/.test(baseUrl))
    throw new TypeError(`createSender: baseUrl must not have a query or fragment (got ${baseUrl})`);
  // Relative to the page in a browser; outside one (no location), only an absolute URL means anything.
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  let resolved: URL;
  try {
    resolved = new URL(baseUrl, typeof page === 'string' ? page : undefined);
  } catch {
    throw new TypeError(
      `createSender: baseUrl must be an absolute http(s) URL${typeof page === 'string' ? ' or a path on the page origin' : ''} (got ${JSON.stringify(baseUrl)})`,
    );
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')
    throw new TypeError(`createSender: baseUrl must be an http or https URL (got ${JSON.stringify(baseUrl)})`);
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
}

/** One attempt's signal: its timeout, or the caller's abort. A controller per attempt, not AbortSignal.any, whose
 * dependents a long-lived caller signal would keep alive. */
function attemptSignal(timeoutMs: number, caller: AbortSignal | undefined): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}

/** A random UUID; where `crypto.randomUUID` is missing (a page served over plain HTTP), 128 random bits in hex. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A `Retry-After` in seconds, up to MAX_RETRY_AFTER_MS; undefined when absent or not a number. */
function retryAfterMs(header: string | null): number | undefined {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : undefined;
}

/** Waits `ms`, or less when `signal` aborts (the loop then sees it and stops). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
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

/**
 * The verdict on one delivery; `verify` never throws on what a sender sends. `authentic: true` means the signature
 * was valid (`invalid_json`, `unknown_event_type`, `invalid_payload`): hookspec did send it, but this receiver was
 * generated from an older catalog or the event does not fit it. Answer those with 2xx (and log them) unless you want
 * hookspec to retry the delivery until it is exhausted; answer every other failure with 4xx.
 */
export type VerifyResult =
  | { ok: true; id: string; timestamp: number; event: WebhookEvent }
  | {
      ok: false;
      code: VerifyErrorCode;
      message: string;
      authentic: boolean;
      id?: string;
      timestamp?: number;
      errors?: ValidationError[];
    };

/** Options of the receiver SDK. */
export interface ReceiverOptions {
  /** Endpoint secret(s) (`whsec_` + base64); several during a rotation. */
  secret: string | readonly string[];
  /** Allowed clock difference either way, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** Clock in milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** Incoming headers: a Node header object (names in any case) or a fetch `Headers`. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Verifies Standard Webhooks deliveries and returns the typed event. */
export interface Receiver {
  /**
   * `rawBody` is the request body exactly as received (with express, `express.raw({ type: 'application/json' })`):
   * the signature covers those bytes, so a parsed and re-serialized body cannot be verified.
   */
  verify(headers: HeaderSource, rawBody: string | Uint8Array | ArrayBuffer): VerifyResult;
}

/** Standard Webhooks: 5 minutes either way, as the reference libraries. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Creates a receiver. A malformed secret or tolerance is a configuration error and throws here, never in `verify`:
 * a typo'd secret would otherwise fail every delivery as `invalid_signature`, and a NaN tolerance accept any age.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const secretList =
    typeof options.secret === 'string' ? [options.secret] : Array.isArray(options.secret) ? [...options.secret] : [];
  if (secretList.length === 0)
    throw new TypeError('createReceiver: secret must be a whsec_ secret, or a non-empty list of them');
  const secrets = secretList.map(decodeSecret);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0)
    throw new TypeError(
      `createReceiver: toleranceSeconds must be a number of seconds, 0 or more (got ${String(tolerance)})`,
    );
  const now = options.now ?? Date.now;
  return {
    verify(headers, rawBody) {
      const body = rawBytes(rawBody);
      const id = header(headers, 'webhook-id');
      const timestampText = header(headers, 'webhook-timestamp');
      const signatures = header(headers, 'webhook-signature', ' ');
      // A value that is not text (a number, an object) came from no HTTP request: it is no usable header either.
      if (id === NOT_TEXT || timestampText === NOT_TEXT || signatures === NOT_TEXT) {
        const name =
          id === NOT_TEXT ? 'webhook-id' : timestampText === NOT_TEXT ? 'webhook-timestamp' : 'webhook-signature';
        return fail('missing_headers', `the ${name} header is not text`);
      }
      if (!id || !timestampText || !signatures)
        return fail('missing_headers', 'missing webhook-id, webhook-timestamp or webhook-signature header');
      if (!/^\d{1,15}$/.test(timestampText))
        return fail('invalid_timestamp', 'webhook-timestamp must be integer seconds');
      const timestamp = Number(timestampText);
      if (Math.abs(now() / 1000 - timestamp) > tolerance)
        return fail('timestamp_out_of_tolerance', `webhook-timestamp is more than ${tolerance} s away`);
      if (!signatureMatches(secrets, id, timestampText, body, signatures))
        return fail('invalid_signature', 'no webhook-signature matches');
      // From here on the delivery is authentic: what fails is this receiver's reading of it.
      const authentic = { authentic: true, id, timestamp };
      const payload = safeJson(body.toString('utf8'));
      if (payload === INVALID) return { ok: false, code: 'invalid_json', message: 'body is not JSON', ...authentic };
      const type = typeof payload === 'object' && payload !== null && 'type' in payload ? payload.type : undefined;
      if (typeof type !== 'string' || !KNOWN_TYPES.has(type))
        return {
          ok: false,
          code: 'unknown_event_type',
          message: `unknown event type ${JSON.stringify(type ?? null)}`,
          ...authentic,
        };
      const verdict = validateWebhook(type, payload);
      if (!verdict.ok)
        return {
          ok: false,
          code: 'invalid_payload',
          message: `payload does not match ${type}`,
          errors: verdict.errors,
          ...authentic,
        };
      return { ok: true, id, timestamp, event: payload as WebhookEvent };
    },
  };
}

/** The body's bytes; anything else is the caller's mistake (a parsed body), told plainly rather than as a Buffer error. */
function rawBytes(rawBody: unknown): Buffer {
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  if (rawBody instanceof Uint8Array) return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  if (rawBody instanceof ArrayBuffer) return Buffer.from(rawBody);
  const got = rawBody === null ? 'null' : typeof rawBody;
  throw new TypeError(
    `verify: rawBody must be the request body as received (string, Buffer or Uint8Array), got ${got}; the signature covers the raw bytes, so read it with express.raw({ type: 'application/json' }) or req.text(), not a JSON parser`,
  );
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
  return { ok: false, code, message, authentic: false };
}

/** A header whose value is neither a string nor a list of strings (only a caller's object can hold one). */
const NOT_TEXT = Symbol('not text');

/**
 * One header, by name in any case; repeated values joined with `separator` (signatures) or the first one taken.
 * `NOT_TEXT` when the value is anything but a string or a string[] (node's repeated header), never a throw.
 */
function header(
  headers: HeaderSource | null | undefined,
  name: string,
  separator?: string,
): string | undefined | typeof NOT_TEXT {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return text((headers as Headers).get(name) ?? undefined);
  const record = headers as Record<string, unknown>;
  const key = Object.hasOwn(record, name) ? name : Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (!Array.isArray(value)) return text(value);
  if (!value.every((item) => typeof item === 'string')) return NOT_TEXT;
  return separator === undefined ? value[0] : value.join(separator);
}

function text(value: unknown): string | undefined | typeof NOT_TEXT {
  return value === undefined || typeof value === 'string' ? value : NOT_TEXT;
}

/** Base64 as Standard Webhooks secrets are written: padding optional, nothing else (as the server checks them). */
const SECRET_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Shortest key a secret written without `whsec_` may decode to (Standard Webhooks' minimum, as the server checks
 * them): a password such as "changeme" is also base64, and would otherwise be taken for a 6-byte key.
 */
const MIN_UNPREFIXED_SECRET_BYTES = 24;

function decodeSecret(secret: unknown): Buffer {
  const prefixed = typeof secret === 'string' && secret.startsWith('whsec_');
  const encoded = prefixed ? (secret as string).slice('whsec_'.length) : secret;
  if (typeof encoded !== 'string' || !SECRET_BASE64.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1)
    throw new TypeError(
      'createReceiver: each secret must be whsec_ followed by base64 (no spaces, nothing after the padding)',
    );
  const key = Buffer.from(encoded, 'base64');
  if (!prefixed && key.length < MIN_UNPREFIXED_SECRET_BYTES)
    throw new TypeError(
      `createReceiver: each secret must be whsec_ followed by base64; without whsec_, base64 of at least ${MIN_UNPREFIXED_SECRET_BYTES} bytes (got ${key.length})`,
    );
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
