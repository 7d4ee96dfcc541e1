import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem.js';
import { unsupportedExpectation } from '../errors/unsupported-body.js';

/**
 * node:http's `checkExpectation` outside the receivers: node's own answer to an `Expect` other than 100-continue is
 * a bare 417 with no body. This one is problem+json like every other refusal; the connection closes, because a
 * client that sent such an expectation may be holding its body back or may send it anyway.
 */
export function answerExpectationFailed(req: IncomingMessage, res: ServerResponse): void {
  const problem = toProblem(417, 'expectation_failed', unsupportedExpectation(req.headers.expect ?? ''), { instance: req.url });
  const body = JSON.stringify(problem);
  // The headers express adds to every other answer here: never sniffed, and never cached (it echoes the path).
  res.writeHead(417, { 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': Buffer.byteLength(body), connection: 'close', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}
