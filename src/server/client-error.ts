import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem.js';
import { logger } from '../observability/logger.js';

/** What node's http parser reports, mapped to the status node itself would send, with a problem code. */
const ANSWERS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'request_header_fields_too_large', detail: 'The request headers exceed the server\'s limit (16 KiB in all).' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'payload_too_large', detail: 'The chunk extensions exceed the server\'s limit.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', detail: 'The request was not received in time.' },
};

export type ClientError = Error & { code?: string; reason?: string; rawPacket?: Buffer };

/** A socket as `clientError` hands it over: node keeps the response of the request being served on it. */
export type ClientSocket = Duplex & { _httpMessage?: ServerResponse };

/**
 * node:http's `clientError`: a request that is not valid HTTP never reaches a route, and node's default answer is a
 * bare status line. This one answers with problem+json like every other refusal, then closes the connection.
 */
export function answerClientError(err: ClientError, socket: ClientSocket): void {
  // Nothing to answer to, or an answer already started on this socket: writing now would corrupt it.
  if (!isAnswered(err, socket)) {
    socket.destroy();
    return;
  }
  const { status, code, detail } = clientErrorAnswer(err);
  logger.debug({ code: err.code, reason: err.reason }, 'refused a request that is not valid HTTP');
  // A request that timed out after its head was read has a target: the instance, as routed problems give it.
  const target = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? socket._httpMessage?.req.url : undefined;
  endWithProblem(socket, status, code, detail, target === undefined ? {} : { instance: target });
}

/** Whether `answerClientError` will answer this error (not a reset, not mid-answer). */
export function isAnswered(err: ClientError, socket: ClientSocket): boolean {
  return err.code !== 'ECONNRESET' && socket.writable && !socket._httpMessage?.headersSent;
}

/** The status, problem code and detail a client error is answered with. */
export function clientErrorAnswer(err: ClientError): { status: number; code: string; detail: string } {
  const known = err.code ? ANSWERS[err.code] : undefined;
  return known ?? { status: 400, code: 'malformed_http', detail: `The request is not valid HTTP/1.1: ${err.reason ?? err.message}.` };
}

/**
 * node:http's `connect`: without a listener node closes a CONNECT's connection without a word. This server is no
 * proxy; it says so (501: no resource here supports the method) and closes.
 */
export function answerConnect(_req: unknown, socket: Duplex): void {
  endWithProblem(socket, 501, 'not_implemented', 'CONNECT is not supported: this server is not a proxy.');
}

/** Writes a whole problem+json response on a socket no `ServerResponse` owns, and closes it. */
function endWithProblem(socket: Duplex, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): void {
  const problem = toProblem(status, code, detail, extra);
  const body = JSON.stringify(problem);
  const head = [
    `HTTP/1.1 ${status} ${problem.title}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    'x-content-type-options: nosniff',
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
