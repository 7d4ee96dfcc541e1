import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { idsFromPath, loggerFor } from './log-context.js';
import { logger, type Logger } from './logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Request-scoped logger carrying the request id and any event/delivery/subscription/inbound id in the path. */
    log: Logger;
  }
}

/** Probes are scraped every few seconds; logging each would drown the useful lines. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** An id the caller can correlate with; taken from `x-request-id` when it looks sane. */
function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
}

/**
 * Binds `req.log` and writes one line per finished request (method, path, status, duration, ids).
 * Headers and bodies are never logged, so secrets and signatures cannot leak through it.
 */
export function requestLog(base: Logger = logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const id = requestId(req.headers['x-request-id']);
    req.log = loggerFor(idsFromPath(req.path), base.child({ request_id: id }));
    res.setHeader('x-request-id', id);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: req.method, path: req.path, status: res.statusCode, duration_ms: Math.round(durationMs * 100) / 100 };
      if (QUIET_PATHS.has(req.path)) req.log.debug(line, 'request');
      else req.log.info(line, 'request');
    });
    next();
  };
}
