import type { IncomingHttpHeaders } from 'node:http';
import type { InboundConfig, ReceiverPolicy } from '../config/inbound.js';
import { toProblem } from '../errors/problem.js';
import { FailureStreak } from '../observability/failure-streak.js';
import { logger } from '../observability/logger.js';
import type { InboundLease, InboundValidationError } from '../store/inbound-store.js';
import type { InboundCatalog } from './catalog.js';
import type { DispatchItem, InboundDispatcher } from './dispatch/dispatch-item.js';
import type { FloodGuard } from './flood-guard.js';
import type { GroupCommit } from './group-commit.js';
import { newId } from '../ids.js';
import { mediaType } from './media-type.js';
import { inboundRequests, inboundSchemaDrift } from './metrics.js';
import { headerValue } from './providers/verify-result.js';
import type { ParsedDelivery, Receiver, ReplyShape } from './receivers/receiver.js';
import type { RefusalAudit } from './refusal-audit.js';
import { absentHeaders, repeatedHeaders } from './required-headers.js';
import { unsupportedCharset, unsupportedEncoding, unsupportedExpectation } from '../errors/unsupported-body.js';
import { declaredCharsets, foreignCharset } from '../server/body-charset.js';
import { compressedTransferCoding } from '../server/transfer-coding.js';
import { identityProblem } from './delivery-identity.js';

/** What goes back to the provider: a status, a JSON body, extra headers. */
export interface Answer {
  status: number;
  /** Sent as JSON; undefined sends an empty body. */
  body: unknown;
  headers?: Record<string, string>;
  /** The body was not (fully) read: the connection must not be reused. */
  closeConnection?: boolean;
}

/** One receiver endpoint with its secrets and policy resolved from the config and the spec. */
export interface ReceiverRuntime {
  receiver: Receiver;
  secrets: readonly string[];
  policy: ReceiverPolicy;
  toleranceSec: number;
}

export interface PipelineDeps {
  config: InboundConfig;
  catalog: InboundCatalog;
  commit: GroupCommit;
  audit: RefusalAudit;
  flood: FloodGuard;
  dispatcher: InboundDispatcher;
  /** Epoch ms; injected so tests can freeze the clock for old vectors. */
  now(): number;
}

/** The request as the pipeline sees it: no framework objects, so the core is testable without a socket. */
export interface InboundRequest {
  headers: IncomingHttpHeaders;
  /** The headers as sent (node's `rawHeaders`: name, value, …), where a repeated header can still be counted. */
  rawHeaders: readonly string[];
  source: string;
}

const PROBLEM = 'application/problem+json';
/** An audited refusal's detail is our own message, but some quote the request (a parser's reason): bounded. */
const MAX_AUDITED_DETAIL = 500;
const REDACTED = '[redacted]';
/** Retry-After for 503s: the write queue drains in milliseconds, a second is plenty. */
export const BUSY_RETRY_AFTER_SEC = 1;

/**
 * The receive pipeline: flood check, configuration, size, content type, required headers present once each (before reading the body);
 * then verify, parse, validate, deduplicate + durable write (group commit), and only then the 2xx.
 */
export class ReceivePipeline {
  // A full disk or a lost database fails every delivery alike: one error line per streak, not one per request.
  private readonly storeFailures = new FailureStreak('storing inbound deliveries');

  constructor(private readonly deps: PipelineDeps) {}

  /** Cheap checks before a byte of the body is read; an answer means the request is refused. */
  precheck(rt: ReceiverRuntime, req: InboundRequest): Answer | undefined {
    const { receiver } = rt;
    const flood = this.deps.flood.check(req.source);
    if (!flood.allowed) {
      return this.refuse(rt, req, null, 429, 'too_many_failures',
        'This address sent too many requests that failed verification; slow down.',
        { headers: { 'retry-after': String(flood.retryAfterSec) } });
    }
    if (rt.secrets.length === 0) {
      return this.refuse(rt, req, null, 503, 'receiver_not_configured',
        `The ${receiver.provider} receiver has no secret: set ${receiver.secretVariable}.`, { extra: { variable: receiver.secretVariable } });
    }
    const length = contentLength(req.headers);
    if (length !== undefined && length > this.deps.config.maxBodyBytes) return this.tooLarge(rt, req, length);
    const type = mediaType(req.headers);
    if (!type || !receiver.contentTypes.includes(type)) {
      return this.refuse(rt, req, length ?? null, 415, 'unsupported_media_type',
        `Content-Type must be ${receiver.contentTypes.join(' or ')} (got ${type ? `"${type}"` : 'none'}).`);
    }
    const charset = foreignCharset(declaredCharsets(req.headers['content-type']));
    if (charset) {
      // Bodies are decoded as UTF-8; any other charset would be read as different text than was signed and sent.
      return this.refuse(rt, req, length ?? null, 415, 'unsupported_media_type',
        unsupportedCharset(charset));
    }
    const encoding = contentEncoding(req.headers);
    if (encoding) {
      // Refused before any HMAC work: the signature covers the uncompressed bytes, so it would only fail as "invalid".
      return this.refuse(rt, req, length ?? null, 415, 'unsupported_media_type',
        unsupportedEncoding(encoding));
    }
    const transferCoding = compressedTransferCoding(req.headers);
    if (transferCoding) {
      return this.refuse(rt, req, length ?? null, 415, 'unsupported_media_type',
        unsupportedEncoding(transferCoding, 'Transfer-Encoding'));
    }
    const absent = absentHeaders(req.headers, receiver.requiredHeaders);
    if (absent) {
      this.deps.flood.recordFailure(req.source);
      return this.refuse(rt, req, length ?? null, 400, 'missing_signature_headers',
        `Missing required header(s): ${absent.join(', ')}.`, { extra: { missing: absent } });
    }
    const repeated = repeatedHeaders(req.headers, req.rawHeaders, receiver.requiredHeaders);
    if (repeated) {
      // Which of the values was signed, or is the delivery id, is a guess: refused rather than verified or deduplicated wrong.
      this.deps.flood.recordFailure(req.source);
      return this.refuse(rt, req, length ?? null, 400, 'repeated_signature_headers',
        `Header(s) sent more than once: ${repeated.join(', ')}; send each once.`, { extra: { repeated } });
    }
    return undefined;
  }

  /** Receivers take POST only; any other method is refused before its body is read. */
  methodNotAllowed(rt: ReceiverRuntime, req: InboundRequest, method: string): Answer {
    return this.refuse(rt, req, contentLength(req.headers) ?? null, 405, 'method_not_allowed',
      `${rt.receiver.path} accepts POST only (got ${method}).`, { headers: { allow: 'POST' } });
  }

  /** An `Expect` other than 100-continue (RFC 9110 §10.1.1): 417 after the other prechecks, before the body is read. */
  expectationFailed(rt: ReceiverRuntime, req: InboundRequest, expectation: string): Answer {
    return this.refuse(rt, req, contentLength(req.headers) ?? null, 417, 'expectation_failed', unsupportedExpectation(expectation));
  }

  /** Body over the limit (from Content-Length or while streaming): 413, connection closed, rest not read. */
  tooLarge(rt: ReceiverRuntime, req: InboundRequest, size: number): Answer {
    const answer = this.refuse(rt, req, size, 413, 'payload_too_large', `The body exceeds the limit of ${this.deps.config.maxBodyBytes} bytes.`);
    return { ...answer, closeConnection: true };
  }

  /** The body did not arrive within the request deadline (`HOOKSPEC_REQUEST_TIMEOUT_MS`): 408, connection closed. */
  timedOut(rt: ReceiverRuntime, req: InboundRequest): Answer {
    const answer = this.refuse(rt, req, contentLength(req.headers) ?? null, 408, 'request_timeout', 'The request body was not received in time.');
    return { ...answer, closeConnection: true };
  }

  /** The bodies in flight already hold the memory allowed for them: 503 with Retry-After, connection closed, body not read. */
  bodiesBusy(rt: ReceiverRuntime, req: InboundRequest, size: number): Answer {
    const answer = this.refuse(rt, req, size, 503, 'body_buffer_full',
      'The server holds as many request bodies in memory as it may; retry shortly.',
      { headers: { 'retry-after': String(BUSY_RETRY_AFTER_SEC) } });
    return { ...answer, closeConnection: true };
  }

  /** Everything after the body was read in full. */
  async receive(rt: ReceiverRuntime, req: InboundRequest, body: Buffer): Promise<Answer> {
    const { receiver } = rt;
    const nowMs = this.deps.now();
    const verified = receiver.verify({
      body, headers: req.headers, secrets: rt.secrets, nowSec: Math.floor(nowMs / 1000), toleranceSec: rt.toleranceSec,
    });
    if (!verified.ok) {
      this.deps.flood.recordFailure(req.source);
      if (verified.reason === 'missing_headers') {
        return this.refuse(rt, req, body.length, 400, 'missing_signature_headers', verified.message, { extra: { missing: verified.missing } });
      }
      const code = verified.reason === 'bad_signature' ? 'invalid_signature' : verified.reason;
      return this.refuse(rt, req, body.length, 401, code, verified.message);
    }
    this.deps.flood.recordSuccess(req.source);

    const parsed = receiver.parse(body, req.headers);
    if (!parsed.ok) return this.refuse(rt, req, body.length, 400, 'malformed_body', parsed.message);
    const delivery = parsed.delivery;
    if (delivery.immediate) {
      this.count(rt, 'answered');
      return { status: delivery.immediate.status, body: delivery.immediate.body };
    }
    const identity = identityProblem(delivery);
    if (identity) return this.refuse(rt, req, body.length, 400, 'invalid_delivery_identity', identity);

    const receivedAt = new Date(nowMs).toISOString();
    const catalogType = this.deps.catalog.typeFor(receiver.provider, delivery.match);
    const validation = this.validate(rt, delivery, catalogType, receivedAt);
    if (!validation.ok) {
      if (rt.policy === 'strict') {
        return this.refuse(rt, req, body.length, 422, 'schema_validation_failed',
          `The ${delivery.eventType} payload does not match its catalog schema.`, { extra: { errors: validation.errors } });
      }
      inboundSchemaDrift.inc({ provider: receiver.provider, event_type: catalogType ?? delivery.eventType });
    }

    if (this.deps.commit.saturated()) {
      return this.refuse(rt, req, body.length, 503, 'write_queue_full', 'The inbound log is saturated; retry shortly.',
        { headers: { 'retry-after': String(BUSY_RETRY_AFTER_SEC) } });
    }
    const id = newId('in', nowMs);
    // Stored already claimed by this process's dispatcher (when it has room): it then runs it without a claim. A reply
    // receiver's row always is, so that no poll can take it before runNow and lose the reply.
    const lease = !catalogType ? undefined : receiver.replies ? this.deps.dispatcher.replyLease() : this.deps.dispatcher.offerLease();
    let stored;
    try {
      stored = await this.deps.commit.write({
        id,
        provider: receiver.provider,
        receiver: receiver.operationId,
        deliveryId: delivery.deliveryId,
        eventType: delivery.eventType,
        catalogType: catalogType ?? null,
        headers: keptHeaders(receiver, req.headers),
        body,
        source: req.source,
        secretIndex: verified.secretIndex,
        validationOk: validation.ok,
        validationErrors: validation.ok ? [] : validation.errors,
        status: catalogType ? 'received' : 'processed',
        receivedAt,
        nextAttemptAt: nowMs,
        lease,
      });
    } catch (err) {
      this.storeFailures.failed(err, { receiver: receiver.operationId });
      return this.refuse(rt, req, body.length, 503, 'store_unavailable', 'The delivery could not be stored; retry shortly.',
        { headers: { 'retry-after': String(BUSY_RETRY_AFTER_SEC) } });
    }
    this.storeFailures.succeeded();
    this.count(rt, stored.duplicate ? 'duplicate' : 'accepted');

    const item = catalogType
      ? { id: stored.id, provider: receiver.provider, catalogType, payload: delivery.payload, payloadJson: delivery.payloadJson, receivedAt }
      : undefined;
    if (receiver.replies) return this.reply(receiver.replies, item, stored.duplicate, nowMs + this.deps.config.slackCommandReplyMs, lease);
    if (item && !stored.duplicate) this.deps.dispatcher.enqueue(item, lease);
    return { status: 200, body: { ok: true, id: stored.id, duplicate: stored.duplicate } };
  }

  /** Audits, counts and answers a refusal as problem+json. */
  refuse(
    rt: ReceiverRuntime, req: InboundRequest, bodySize: number | null, status: number, code: string, detail: string,
    options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ): Answer {
    this.count(rt, code);
    this.deps.audit.record({
      at: new Date(this.deps.now()).toISOString(),
      source: req.source,
      receiver: rt.receiver.operationId,
      status,
      reason: code,
      detail: detail.length > MAX_AUDITED_DETAIL ? `${detail.slice(0, MAX_AUDITED_DETAIL - 1)}…` : detail,
      headerNames: Object.keys(req.headers),
      bodySize,
    });
    return {
      status,
      body: toProblem(status, code, detail, { instance: rt.receiver.path, ...options.extra }),
      headers: { 'content-type': PROBLEM, ...options.headers },
    };
  }

  private validate(rt: ReceiverRuntime, delivery: ParsedDelivery, catalogType: string | undefined, receivedAt: string):
    { ok: true } | { ok: false; errors: InboundValidationError[] } {
    const standard = rt.receiver.provider === 'standard-webhooks';
    if (!catalogType) {
      // Third-party events outside the catalog are stored unchecked; a Standard Webhooks type must be in it.
      if (!standard) return { ok: true };
      return { ok: false, errors: [{ pointer: '/type', keyword: 'enum', message: `"${delivery.eventType}" is not an event type of the catalog` }] };
    }
    if (standard) return this.deps.catalog.validate(catalogType, delivery.payload);
    const outcome = this.deps.catalog.validate(catalogType, { type: catalogType, timestamp: receivedAt, data: delivery.payload });
    // The provider sent the payload, not the envelope made around it: the errors point into what it sent.
    return outcome.ok ? outcome : { ok: false, errors: outcome.errors.map(inPayload) };
  }

  /** Slack commands and interactions: the handler's reply by the deadline (counted from arrival), else the ack. */
  private async reply(shape: ReplyShape, item: DispatchItem | undefined, duplicate: boolean, deadlineMs: number, lease?: InboundLease): Promise<Answer> {
    const ack = { status: 200, body: shape.ack };
    // A row with a catalog type was stored under a reply lease; without one there is no handler to wait for.
    if (!item || duplicate || !lease) return ack;
    const body = shape.body(await this.deps.dispatcher.runNow(item, deadlineMs, lease));
    if (body === undefined) return ack;
    // A reply that cannot become JSON (a BigInt, a cycle, a throwing toJSON) is the handler's bug, not a 5xx for Slack.
    try {
      JSON.stringify(body);
    } catch (err) {
      logger.warn({ err, id: item.id }, 'the handler returned a reply that is not JSON; answered with the plain ack');
      return ack;
    }
    return { status: 200, body };
  }

  private count(rt: ReceiverRuntime, outcome: string): void {
    inboundRequests.inc({ provider: rt.receiver.provider, receiver: rt.receiver.operationId, outcome });
  }
}

/** The headers kept in the inbound log, signatures replaced so the log never holds a valid signature. */
function keptHeaders(receiver: Receiver, headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of receiver.keptHeaders) {
    const value = headerValue(headers, name);
    if (value !== undefined) out[name] = receiver.signatureHeaders.includes(name) && isSignature(name) ? REDACTED : value;
  }
  return out;
}

/** `/data/repository` → `/repository`: a pointer into the envelope around a provider's payload, rebased on that payload. */
function inPayload(error: InboundValidationError): InboundValidationError {
  const { pointer } = error;
  if (pointer === '/data') return { ...error, pointer: '' };
  return pointer.startsWith('/data/') ? { ...error, pointer: pointer.slice('/data'.length) } : error;
}

function isSignature(name: string): boolean {
  return name.includes('signature');
}

function contentLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (Number.isSafeInteger(value) && value >= 0) return value;
  // Digits past 2^53 still declare a body larger than any limit: 413, not a buffer-full 503 inviting a retry.
  return /^\d+$/.test(raw.trim()) ? Infinity : undefined;
}

/** A Content-Encoding other than identity, lower-cased; undefined when the body is sent as is. */
function contentEncoding(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['content-encoding']?.trim().toLowerCase();
  return raw && raw !== 'identity' ? raw : undefined;
}
