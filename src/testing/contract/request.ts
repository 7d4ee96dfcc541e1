import type { ContractMutation, ContractOperation, ContractSecurity } from '../../../generated/contract/cases.js';
import { SECRET_ENV, signRequest, type ReceiverSecrets } from '../signers.js';
import { nodeAt, withValueAt, type SpecDocument } from '../spec-document.js';
import { networkReason } from './preflight.js';
import { check } from './failure.js';
import type { IdPool } from './id-pool.js';

/** A request ready to send, and a one-line description for failure messages. */
export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** `POST /v1/subscriptions` with the values used. */
  line: string;
  /** The values put in the path (ids), in order. */
  pathValues: string[];
}

/** What a request needs besides the case: where to send it and the credentials. */
export interface RequestContext {
  spec: SpecDocument;
  baseUrl: string;
  apiKey: string;
  secrets: ReceiverSecrets;
  pool: IdPool;
}

/** Appended to an example id so it names nothing while still matching the id's pattern. */
const UNKNOWN_ID_SUFFIX = 'zz0';

/** Builds the request for an operation from its examples (and live ids), then applies a negative mutation. */
export async function buildRequest(op: ContractOperation, ctx: RequestContext, mutation: ContractMutation = {}): Promise<BuiltRequest> {
  let path = op.path;
  const pathValues: string[] = [];
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const example = p.example ? String(nodeAt(ctx.spec.doc, p.example)) : undefined;
    const value = mutation.unknownIds ? (example === undefined ? undefined : example + UNKNOWN_ID_SUFFIX) : (ctx.pool.pick(p, ctx.spec) ?? example);
    check(value !== undefined, () => `${op.operationId}: no value for path parameter ${p.name} (give it an example)`);
    pathValues.push(value);
    path = path.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const p of op.parameters) {
    if ((!p.required && !mutation.allParameters) || !p.example || p.in === 'path') continue;
    const value = nodeAt(ctx.spec.doc, p.example);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (p.in === 'query') query.set(p.name, text);
    if (p.in === 'header') headers[p.name.toLowerCase()] = text;
  }
  if (mutation.setQuery) query.set(mutation.setQuery.name, mutation.setQuery.value);

  let body: string | undefined;
  if (op.body?.example) {
    let value = nodeAt(ctx.spec.doc, op.body.example);
    if (mutation.removeBodyAt) value = withValueAt(value, mutation.removeBodyAt, undefined);
    if (mutation.setBodyAt) value = withValueAt(value, mutation.setBodyAt.pointer, mutation.setBodyAt.value);
    body = serialize(op.body.contentType, value);
    headers['content-type'] = mutation.contentType ?? op.body.contentType;
  }
  if (op.security === 'bearer') headers.authorization = `Bearer ${ctx.apiKey}`;
  const scheme = signatureScheme(op.security);
  if (scheme) {
    const secret = ctx.secrets[scheme];
    check(secret !== '', () => `${op.operationId}: no ${scheme} secret to sign with; set ${SECRET_ENV[scheme]} to the server's secret`);
    Object.assign(headers, await signRequest(scheme, secret, body ?? ''));
  }
  if (mutation.tamper) body = tampered(op.body?.contentType, body ?? '');
  if (mutation.dropHeader) delete headers[mutation.dropHeader];

  const search = query.toString();
  const target = `${path}${search ? `?${search}` : ''}`;
  return { method: op.method.toUpperCase(), url: `${ctx.baseUrl}${target}`, headers, body, line: `${op.method.toUpperCase()} ${target}`, pathValues };
}

/** JSON as JSON; a form as `a=b&c=d`, nested values as JSON text (Slack's `payload`). */
export function serialize(contentType: string, value: unknown): string {
  if (contentType === 'application/x-www-form-urlencoded' && value !== null && typeof value === 'object') {
    const form = new URLSearchParams();
    for (const [key, v] of Object.entries(value)) form.set(key, typeof v === 'string' ? v : JSON.stringify(v));
    return form.toString();
  }
  return typeof value === 'string' && !/[/+]json(;|$)/.test(contentType) ? value : JSON.stringify(value);
}

/** The same body with one more byte, still well-formed: only the signature can reject it. */
function tampered(contentType: string | undefined, body: string): string {
  return contentType === 'application/x-www-form-urlencoded' ? `${body}&tampered=1` : `${body} `;
}

function signatureScheme(security: ContractSecurity): Exclude<ContractSecurity, 'bearer' | 'none'> | undefined {
  return security === 'bearer' || security === 'none' ? undefined : security;
}

/** The answer, with the raw body text. */
export interface ReceivedResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends a built request; a network failure becomes a contract failure naming the request. */
export async function send(request: BuiltRequest, timeoutMs = 15_000): Promise<ReceivedResponse> {
  try {
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    check(false, () => `${request.line}: no answer (${networkReason(err)})`);
  }
}
