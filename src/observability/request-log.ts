import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { idsFromPath, loggerFor } from './log-context.js';
import { logger, type Logger } from './logger.js';

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

/**
 * Wraps the server's listener: binds `req.log` and writes one line per finished request (method, path,
 * status, duration, ids). Headers and bodies are never logged, so secrets and signatures cannot leak through it.
 * The child logger is built only when something logs: webhook receivers answer thousands of requests a second,
 * and at `LOG_LEVEL=warn` their accepted requests must not pay for a logger nobody writes to.
 */
export function logRequests(listener: Listener, base: Logger = logger): Listener {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
    const path = (req.url ?? '/').split('?', 1)[0]!;
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (log ??= loggerFor(idsFromPath(path), base.child(bindingsOf(req, requestId)))),
    });
    res.setHeader('x-request-id', requestId);
    res.once('finish', () => {
      const level = QUIET_PATHS.has(path) ? 'debug' : res.statusCode >= 500 ? 'warn' : 'info';
      if (!base.isLevelEnabled(level)) return;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const fields = { method: req.method, path, status: res.statusCode, duration_ms: durationMs };
      if (log) log[level](fields, 'request');
      // No handler logged: one plain call with the bindings inline, cheaper than a child logger for one line.
      else base[level]({ ...bindingsOf(req, requestId), ...idsFromPath(path), ...fields }, 'request');
    });
    listener(req, res);
  };
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
