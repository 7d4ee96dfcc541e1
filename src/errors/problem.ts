import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { HttpError } from './http-error.js';

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [member: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Builds the problem body; `type` is a stable URN per error code so clients can switch on it. */
export function toProblem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:hookspec:problem:${code}`, title: STATUS_CODES[status] ?? 'Error', status, detail, code, ...extra };
}

/** Converts anything thrown into a problem; unknown errors become a 500 without leaking internals. */
export function problemFromError(err: unknown): Problem {
  if (err instanceof HttpError) return toProblem(err.status, err.code, err.message, err.extra);
  return toProblem(500, 'internal_error', 'An unexpected error occurred; it has been logged.');
}

/** Writes a problem to a bare node:http response (the receiver fast path has no express). */
export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
