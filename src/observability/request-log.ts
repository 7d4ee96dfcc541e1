import { randomUUID } from 'node:crypto';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { idsFromPath, loggerFor } from './log-context.js';
import { logger, type Logger } from './logger.js';
import { requestPath } from '../server/request-path.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** Request-scoped logger: request id, plus any event/delivery/subscription/inbound id in the path. */
    log: Logger;
  }
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Probes are scraped every few seconds; logging each at info would drown the useful lines. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Headers naming the provider's own delivery id, so a line can be matched with the provider's dashboard. */
const PROVIDER_DELIVERY_HEADERS = ['x-github-delivery', 'webhook-id'] as const;

const SANE_ID = /^[\w.:-]{1,128}$/;

/** What a logged request carries until it finishes; the child logger is built on first use only. */
interface RequestLogState {
  /** `performance.now()` when the request arrived. */
  started: number;
  requestId: string;
  path: string;
  base: Logger;
  log: Logger | undefined;
}

const STATE = Symbol('requestLog');
type Tracked = IncomingMessage & { [STATE]?: RequestLogState };

// `req.log` is a getter on the prototype, not a per-request property: webhook receivers answer thousands of
// requests a second, and one whose answer is not logged (LOG_LEVEL=warn, a 200) must not pay for a child logger.
Object.defineProperty(IncomingMessage.prototype, 'log', {
  configurable: true,
  get(this: Tracked): Logger {
    const state = this[STATE];
    if (!state) return logger;
    state.log ??= loggerFor(idsFromPath(state.path), state.base.child(bindingsOf(this, state.requestId)));
    return state.log;
  },
});

/**
 * Wraps the server's listener: binds `req.log` and writes one line per finished request (method, path,
 * status, duration, ids). Headers and bodies are never logged, so secrets and signatures cannot leak through it.
 */
export function logRequests(listener: Listener, base: Logger = logger): Listener {
  return (req, res) => {
    const requestId = requestIdOf(req);
    const state: RequestLogState = { started: performance.now(), requestId, path: pathOf(req), base, log: undefined };
    (req as Tracked)[STATE] = state;
    res.setHeader('x-request-id', requestId);
    res.once('finish', onFinish);
    listener(req, res);
  };
}

/** The client's `X-Request-Id` when it is sane, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}

/**
 * The request line of a path served ahead of express (the receivers), which sets `x-request-id` on its one
 * `writeHead` and reports its status when it answers: no per-request state, `finish` listener or `setHeader`
 * on the hot path (an A/B of bench-inbound's (d) gave 1-3% less CPU, within the noise). Same line as `logRequests`.
 */
export function logAnswered(req: IncomingMessage, status: number, startedMs: number, requestId: string, base: Logger = logger): void {
  const path = pathOf(req);
  const level = levelOf(path, status);
  if (base.isLevelEnabled(level)) writeLine(base.child(bindingsOf(req, requestId)), level, req, path, status, startedMs);
}

/** The request line of everything else, when the response has gone out. */
function onFinish(this: ServerResponse): void {
  const req = this.req as Tracked;
  const state = req[STATE];
  if (!state) return;
  const level = levelOf(state.path, this.statusCode);
  if (state.base.isLevelEnabled(level)) writeLine(req.log, level, req, state.path, this.statusCode, state.started);
}

/** The request's path without its query string (or the scheme and host of an absolute-form target). */
function pathOf(req: IncomingMessage): string {
  return requestPath(req.url ?? '/');
}

/** Probes at debug, 5xx at warn, the rest at info. */
function levelOf(path: string, status: number): 'debug' | 'warn' | 'info' {
  return QUIET_PATHS.has(path) ? 'debug' : status >= 500 ? 'warn' : 'info';
}

function writeLine(log: Logger, level: 'debug' | 'warn' | 'info', req: IncomingMessage, path: string, status: number, startedMs: number): void {
  const durationMs = Math.round((performance.now() - startedMs) * 100) / 100;
  log[level]({ method: req.method, path, status, duration_ms: durationMs }, 'request');
}

/** The request id, and the provider's delivery id when the request carries a sane one. */
function bindingsOf(req: IncomingMessage, requestId: string): Record<string, string> {
  const bindings: Record<string, string> = { request_id: requestId };
  for (const name of PROVIDER_DELIVERY_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string' && SANE_ID.test(value)) bindings.provider_delivery_id = value;
  }
  return bindings;
}
