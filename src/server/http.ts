import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { DEFAULT_INBOUND_MAX_BUFFERED_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, type ServerConfig } from '../config/server.js';
import { BodyBudget } from '../inbound/body-budget.js';
import { logRequests } from '../observability/request-log.js';
import { answerClientError, answerConnect, clientErrorAnswer, isAnswered, type ClientError, type ClientSocket } from './client-error.js';
import { answerExpectationFailed } from './expectation-failed.js';
import { parseRawHead, type RawRequestHead } from './raw-request-head.js';
import { originForm } from './request-path.js';

/** What the server lends a fast path with each request. */
export interface FastPathContext {
  /** Body bytes all fast paths of this server may hold at once. */
  budget: BodyBudget;
  /** The client sent `Expect: 100-continue`: send `100 Continue` only once the request passes its prechecks. */
  expectsContinue: boolean;
  /** The client sent an `Expect` other than 100-continue: the request is refused with 417 after its prechecks. */
  unsupportedExpectation: boolean;
}

/** Serves one request taken by a fast path. */
export type FastPathHandler = (req: IncomingMessage, res: ServerResponse, context: FastPathContext) => void;

/** Paths served ahead of express, without its per-request cost (the webhook receivers). */
export interface FastPath {
  /** The handler for this request's path, or undefined to leave it to the next fast path or express. */
  handlerFor(req: IncomingMessage): FastPathHandler | undefined;
  /** Answers a request of one of its paths whose body missed the request deadline; false when not its path. */
  answerTimeout?(req: IncomingMessage, res: ServerResponse, startedMs: number): boolean;
  /** Records a request node's parser refused before any route saw it (status and code as answered), if one of its paths. */
  refusedUnparsed?(head: RawRequestHead, socket: Socket, answer: { status: number; code: string; detail: string }): void;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The server's limits, from `ServerConfig`. */
export type HttpLimits = Pick<ServerConfig, 'requestTimeoutMs' | 'inboundMaxBufferedBytes'>;

const DEFAULT_LIMITS: HttpLimits = { requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, inboundMaxBufferedBytes: DEFAULT_INBOUND_MAX_BUFFERED_BYTES };

/** Slow-loris guard: a client gets this long to send its headers (or the whole request, if that is shorter). */
const HEADERS_TIMEOUT_MS = 20_000;
/** How often node looks for requests past their deadline; its default (30 s) would stretch a 30 s deadline to 60. */
const MAX_TIMEOUT_CHECK_MS = 1_000;

/** One node:http server: receivers take the fast path (which logs its own request lines), the rest the express app. */
export function createHttpServer(fastPaths: FastPath[], app: RequestListener, limits: HttpLimits = DEFAULT_LIMITS): Server {
  const logRequest = logRequests(app);
  // express routes on the parsed path and express-openapi-validator matches the raw target: give both origin-form.
  const logged: RequestListener = (req, res) => {
    const url = req.url ?? '/';
    if (url.charCodeAt(0) !== 0x2f /* '/' */ || url.includes('#')) req.url = originForm(url);
    logRequest(req, res);
  };
  const budget = new BodyBudget(limits.inboundMaxBufferedBytes);
  // Two shared contexts instead of one object per request: the fast path is the hot path.
  const plain: FastPathContext = { budget, expectsContinue: false, unsupportedExpectation: false };
  const continuing: FastPathContext = { budget, expectsContinue: true, unsupportedExpectation: false };
  const unmet: FastPathContext = { budget, expectsContinue: false, unsupportedExpectation: true };
  // Hands the request to the first fast path that takes it; false when none does.
  const toFastPath = (req: IncomingMessage, res: ServerResponse, context: FastPathContext): boolean => {
    for (const path of fastPaths) {
      const handler = path.handlerFor(req);
      if (handler) {
        handler(req, res, context);
        return true;
      }
    }
    return false;
  };
  const server = createServer({
    keepAliveTimeout: 65_000,
    // A whole-request deadline: a stalled or trickled body gets 408 (answerClientError) instead of holding its buffer.
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, limits.requestTimeoutMs),
    connectionsCheckingInterval: Math.max(1, Math.min(MAX_TIMEOUT_CHECK_MS, Math.floor(limits.requestTimeoutMs / 4))),
    // Node would answer a Host-less HTTP/1.1 request with a bare 400 that no route sees: nothing here reads Host, so
    // it goes through the pipeline like any request (problem+json, audited), as a Host-less HTTP/1.0 one always did.
    requireHostHeader: false,
  }, (req, res) => {
    if (!toFastPath(req, res, plain)) logged(req, res);
  });
  // Node would send 100 Continue before any check; a receiver first runs its prechecks, so a refused body is never sent.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (toFastPath(req, res, continuing)) return;
    res.writeContinue();
    logged(req, res);
  });
  // Any other expectation: node would answer a bare 417 that no route sees; a receiver also audits the refusal.
  const refuseExpectation = logRequests(answerExpectationFailed);
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    if (!toFastPath(req, res, unmet)) refuseExpectation(req, res);
  });
  server.on('clientError', (err: ClientError, socket: ClientSocket & Socket) => {
    if (isAnswered(err, socket)) {
      // A receiver answers a body past the deadline itself (audited): only it knows which receiver the upload was for.
      const res = socket._httpMessage;
      const startedMs = performance.now() - limits.requestTimeoutMs;
      if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' && res && fastPaths.some((path) => path.answerTimeout?.(res.req, res, startedMs))) return;
      // A receiver's refusals are audited even when node's parser refuses the request before any route sees it.
      const head = err.rawPacket ? parseRawHead(err.rawPacket) : undefined;
      if (head) {
        const answer = clientErrorAnswer(err);
        for (const path of fastPaths) path.refusedUnparsed?.(head, socket, answer);
      }
    }
    answerClientError(err, socket);
  });
  server.on('connect', answerConnect);
  server.once('close', () => budget.close());
  return server;
}
