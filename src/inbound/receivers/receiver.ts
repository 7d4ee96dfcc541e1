import type { IncomingHttpHeaders } from 'node:http';
import type { VerifyInput, VerifyResult } from '../providers/verify-result.js';

/** Provider of a receiver, as in the inbound log and the catalog's `x-hookspec-inbound`. */
export type Provider = 'github' | 'stripe' | 'slack' | 'standard-webhooks';

/** What a receiver makes of a verified body: identity, event, payload (or an answer without storing). */
export interface ParsedDelivery {
  /** Deduplication key, unique per provider. */
  deliveryId: string;
  /** The provider event as shown in the inbound log (`push`, `pull_request.opened`, `charge.succeeded`, `command`). */
  eventType: string;
  /** Compared with the catalog's `x-hookspec-inbound.event` (for Standard Webhooks: the catalog name itself). */
  match: string | undefined;
  /** The catalog `data` (for Standard Webhooks: the whole envelope). */
  payload: unknown;
  /**
   * The payload's JSON text as received, when the payload is a whole JSON document of the request: the publisher
   * stores it as is instead of serializing the parsed value again (and keeps numbers beyond 2^53 exact).
   */
  payloadJson?: string;
  /** Answered at once, neither stored nor dispatched (Slack `url_verification`). */
  immediate?: { status: number; body: unknown };
}

export type ParseResult = { ok: true; delivery: ParsedDelivery } | { ok: false; message: string };

/** How a receiver whose sender waits for the handler's answer (Slack, within 3 s) words that answer. */
export interface ReplyShape {
  /** The 200 body when the handler gives no reply in time, fails, or the delivery is a duplicate; undefined: empty. */
  ack: unknown;
  /** The 200 body for what the handler returned; undefined falls back to the ack. */
  body(reply: unknown): unknown;
}

/** One receiver endpoint: how its requests are recognised, verified and parsed. */
export interface Receiver {
  operationId: string;
  path: string;
  provider: Provider;
  /** Environment variable that holds the secrets (named in the 503 when unset). */
  secretVariable: string;
  /** Accepted media types (without parameters). */
  contentTypes: readonly string[];
  /** Headers kept in the inbound log; signatures among them are stored redacted. */
  keptHeaders: readonly string[];
  /** Headers that carry a signature; stored redacted. */
  signatureHeaders: readonly string[];
  /** Signature, timestamp, delivery-id and event headers: each must come exactly once, checked before the body is read. */
  requiredHeaders: readonly string[];
  verify(input: VerifyInput): VerifyResult;
  /** Parses the verified raw body; never throws. */
  parse(body: Buffer, headers: IncomingHttpHeaders): ParseResult;
  /** Slack slash commands and interactions answer with the handler's reply instead of an ack. */
  replies?: ReplyShape;
}

/** `JSON.parse` that returns a result instead of throwing on attacker input; `text` is what was parsed. */
export function parseJson(raw: string): { ok: true; value: unknown; text: string } | { ok: false; message: string } {
  // RFC 8259 lets a parser ignore a leading BOM and JSON.parse does not; the signed raw body keeps it.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (err) {
    return { ok: false, message: `The body is not valid JSON: ${(err as Error).message}` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string member of a parsed object, or undefined. */
export function stringField(value: Record<string, unknown>, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

/**
 * The JSON in form field `payload`: how Slack sends interactions, and GitHub when a webhook's content type is
 * `application/x-www-form-urlencoded` (the default GitHub offers). The signature covers the form bytes, not the JSON.
 */
export function parseFormPayload(body: Buffer, sender: string): { ok: true; value: Record<string, unknown>; text: string } | { ok: false; message: string } {
  const field = new URLSearchParams(body.toString('utf8')).get('payload');
  if (field === null) return { ok: false, message: `A ${sender} form needs a "payload" field` };
  const json = parseJson(field);
  if (!json.ok) return { ok: false, message: `The "payload" field is not valid JSON: ${json.message}` };
  if (!isObject(json.value)) return { ok: false, message: 'The "payload" field must be a JSON object' };
  return { ok: true, value: json.value, text: json.text };
}
