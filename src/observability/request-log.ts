import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { idsFromPath } from './log-context.js';
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
 */
export function logRequests(listener: Listener, base: Logger = logger): Listener {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const bindings: Record<string, string> = { request_id: requestId, ...idsFromPath(path) };
    for (const name of PROVIDER_DELIVERY_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string' && SANE_ID.test(value)) bindings.provider_delivery_id = value;
    }
    // The child logger is built only if a handler asks for it: the request line below does not need one.
    Object.defineProperty(req, 'log', {
      configurable: true,
      get() {
        const child = base.child(bindings);
        Object.defineProperty(req, 'log', { value: child, configurable: true, writable: true });
        return child;
      },
    });
    res.setHeader('x-request-id', requestId);
    res.once('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const line = { ...bindings, method: req.method, path, status: res.statusCode, duration_ms: durationMs };
      if (QUIET_PATHS.has(path)) base.debug(line, 'request');
      else if (res.statusCode >= 500) base.warn(line, 'request');
      else base.info(line, 'request');
    });
    listener(req, res);
  };
}
