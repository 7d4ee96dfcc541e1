import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { logRequests } from '../observability/request-log.js';
import { answerClientError } from './client-error.js';

/** A path served ahead of express, without its per-request cost (the webhook receivers). */
export interface FastPath {
  matches(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** One node:http server: receivers take the fast path (which logs its own request lines), the rest the express app. */
export function createHttpServer(fastPaths: FastPath[], app: RequestListener): Server {
  const logged = logRequests(app);
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    for (const path of fastPaths) {
      if (path.matches(req)) return path.handle(req, res);
    }
    logged(req, res);
  });
  // Slow-loris guard: a client gets this long to send its headers.
  server.headersTimeout = 20_000;
  server.on('clientError', answerClientError);
  return server;
}
