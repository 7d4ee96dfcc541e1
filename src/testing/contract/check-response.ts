import type { ContractOperation } from '../../../generated/contract/cases.js';
import { describeErrors, escapeSegment, type SpecDocument } from '../spec-document.js';
import { check } from './failure.js';
import type { BuiltRequest, ReceivedResponse } from './request.js';

const PROBLEM_TYPE = 'application/problem+json';

/** `404` matches `404`, `4XX` and `default`, in that order of preference. */
export function declaredStatus(listed: readonly string[], status: number): string | undefined {
  const exact = String(status);
  if (listed.includes(exact)) return exact;
  const range = `${exact[0]}XX`;
  if (listed.includes(range)) return range;
  return listed.includes('default') ? 'default' : undefined;
}

/**
 * Checks an answer against the spec: the status is one the operation lists and one of `expect`, the
 * content type is declared, and the body and headers validate against the response's schemas.
 * Returns the declared status it matched and the parsed body.
 */
export function checkResponse(spec: SpecDocument, op: ContractOperation, request: BuiltRequest, res: ReceivedResponse, expect: readonly string[], options: { problem?: boolean } = {}): { declared: string; body: unknown } {
  const listed = op.responses.map((r) => r.status);
  const where = `${op.operationId}: ${request.line} answered ${res.status}`;
  const declared = declaredStatus(listed, res.status);
  check(declared !== undefined, () => `${where}, which ${op.pointer}/responses does not list (it lists ${listed.join(', ')})${excerpt(res.text)}`);
  check(declaredStatus(expect, res.status) !== undefined, () => `${where}; expected ${expect.join(' or ')}${excerpt(res.text)}`);
  const response = op.responses.find((r) => r.status === declared);
  const pointer = response?.pointer ?? `${op.pointer}/responses/${escapeSegment(declared)}`;
  const node = spec.resolve(pointer).node as { content?: Record<string, unknown>; headers?: Record<string, unknown>; 'x-hookspec-empty-body'?: boolean } | undefined;
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declaredTypes = Object.keys(node?.content ?? {});
  let body: unknown = res.text;
  if (declaredTypes.length === 0) {
    check(res.text.length === 0 || res.status >= 400, () => `${where} with a ${contentType || 'typeless'} body, but ${pointer} declares no content`);
  } else if (res.text.length === 0 && node?.['x-hookspec-empty-body'] === true) {
    // The response says its body may be absent (a Slack interaction's plain ack): nothing to check.
  } else {
    const media = declaredTypes.find((t) => t.toLowerCase() === contentType) ?? declaredTypes.find((t) => matchesWildcard(t, contentType));
    check(media !== undefined, () => `${where} with content type "${contentType}", but ${pointer}/content declares ${declaredTypes.join(', ')}${excerpt(res.text)}`);
    if (options.problem) check(contentType === PROBLEM_TYPE, () => `${where} with content type "${contentType}", not ${PROBLEM_TYPE}`);
    if (/[/+]json$/.test(media)) {
      try {
        body = JSON.parse(res.text);
      } catch {
        check(false, () => `${where} with a body that is not JSON${excerpt(res.text)}`);
      }
    }
    const schema = `${spec.resolve(pointer).pointer}/content/${escapeSegment(media)}/schema`;
    const errors = spec.validate(schema, body);
    check(errors.length === 0, () => `${where}; the response body does not match ${schema}: ${describeErrors(errors)}`);
  }
  for (const [name, ref] of Object.entries(node?.headers ?? {})) {
    const resolved = spec.resolve(`${spec.resolve(pointer).pointer}/headers/${escapeSegment(name)}`);
    const header = (resolved.node ?? ref) as { required?: boolean; schema?: { type?: unknown } };
    const value = res.headers.get(name);
    if (value === null) {
      check(header.required !== true, () => `${where} without the required response header ${name} (${resolved.pointer})`);
      continue;
    }
    if (!header.schema) continue;
    const typed = header.schema.type === 'integer' || header.schema.type === 'number' ? Number(value) : value;
    const errors = spec.validate(`${resolved.pointer}/schema`, typed);
    check(errors.length === 0, () => `${where}; response header ${name}: "${value}" does not match ${resolved.pointer}/schema: ${describeErrors(errors)}`);
  }
  return { declared, body };
}

function matchesWildcard(declared: string, actual: string): boolean {
  if (declared === '*/*') return true;
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1));
}

/** A short quote of the body for failure messages. */
export function excerpt(text: string): string {
  if (!text) return '';
  return `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}
