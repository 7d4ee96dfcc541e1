import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundConfig } from '../config/inbound.js';
import { PROBLEM_CONTENT_TYPE, problemFromError } from '../errors/problem.js';
import { logger } from '../observability/logger.js';
import { logAnswered, requestIdOf } from '../observability/request-log.js';
import type { FastPath, FastPathHandler } from '../server/http.js';
import { requestPath, withoutTrailingSlash } from '../server/request-path.js';
import type { BodyBudget } from './body-budget.js';
import type { Answer, InboundRequest, ReceivePipeline, ReceiverRuntime } from './receive.js';
import { sourceAddressOf } from './source-address.js';

/** Early refusals with a body larger than this close the connection instead of letting node read and discard it. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

type BodyResult = { ok: true; body: Buffer } | { ok: false; refusal: 'tooLarge' | 'busy' | undefined; size: number };

/**
 * The node:http adapter of the receivers: it only reads the body (with a hard limit), reads headers and writes
 * the answer; every decision is the pipeline's. Served ahead of express, without its per-request cost.
 */
export function createReceiverFastPath(
  pipeline: ReceivePipeline,
  runtimes: readonly ReceiverRuntime[],
  config: Pick<InboundConfig, 'maxBodyBytes' | 'trustedProxies'>,
): FastPath {
  const { maxBodyBytes } = config;
  // Behind a reverse proxy every sender shares the proxy's address; the flood guard must count the client's.
  const sourceOf = sourceAddressOf(config.trustedProxies);
  // Every method on a receiver path is ours to answer: a GET gets 405 naming POST, not the management API's 404.
  const handlerOf = (rt: ReceiverRuntime): FastPathHandler => (req, res, { budget, expectsContinue, unsupportedExpectation }) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const answer = (a: Answer) => {
      if (write(res, a, requestId)) logAnswered(req, a.status, started, requestId);
    };
    const request: InboundRequest = { headers: req.headers, rawHeaders: req.rawHeaders, source: sourceOf(req) };
    const early = req.method !== 'POST' ? pipeline.methodNotAllowed(rt, request, req.method ?? '')
      : pipeline.precheck(rt, request) ?? (unsupportedExpectation ? pipeline.expectationFailed(rt, request, req.headers.expect ?? '') : undefined);
    const declared = req.headers['content-length'];
    if (early) {
      const length = Number(declared ?? Infinity);
      // A client with an expectation (100 Continue or other) may hold its body back or send it anyway: the connection cannot be reused.
      answer(expectsContinue || unsupportedExpectation || length > DRAIN_LIMIT_BYTES ? { ...early, closeConnection: true } : early);
      return;
    }
    // A declared body is taken from the budget whole, before it is read; a chunked one as it arrives.
    const held = { bytes: declared === undefined ? 0 : Number(declared) };
    if (held.bytes > 0 && !budget.take(held.bytes)) {
      answer(pipeline.bodiesBusy(rt, request, held.bytes));
      return;
    }
    if (expectsContinue) res.writeContinue();
    readBody(req, maxBodyBytes, declared === undefined ? budget : undefined, held)
      .then((read) => {
        if (read.ok) return pipeline.receive(rt, request, read.body);
        if (read.refusal === 'tooLarge') return pipeline.tooLarge(rt, request, read.size);
        if (read.refusal === 'busy') return pipeline.bodiesBusy(rt, request, read.size);
        return undefined; // the client went away mid-body: nobody to answer
      })
      .then((a) => a && answer(a))
      .catch((err) => {
        logger.error({ err, path: rt.receiver.path }, 'inbound request failed');
        const problem = problemFromError(err);
        answer({ status: problem.status, body: problem, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
      })
      // The body is held until the answer is out (verify, parse and the durable write read it), then given back.
      .finally(() => budget.give(held.bytes));
  };
  // One handler per receiver, built once: the path is looked up once per request, not once to match and once to serve.
  const byPath = new Map(runtimes.map((rt) => [rt.receiver.path, { rt, handle: handlerOf(rt) }]));
  return {
    handlerFor(req) {
      return req.url ? receiverOf(byPath, req.url)?.handle : undefined;
    },
    answerTimeout(req, res, startedMs) {
      const rt = req.url ? receiverOf(byPath, req.url)?.rt : undefined;
      if (!rt) return false;
      // Stateless on purpose: a hook set on every response made node's ServerResponse objects slower and larger.
      const request: InboundRequest = { headers: req.headers, rawHeaders: req.rawHeaders, source: sourceOf(req) };
      const requestId = requestIdOf(req);
      if (write(res, pipeline.timedOut(rt, request), requestId)) logAnswered(req, 408, startedMs, requestId);
      // A finished response detaches its request, which then never sees the socket close: end the read (and its budget).
      res.once('finish', () => req.destroy());
      return true;
    },
    refusedUnparsed(head, socket, { status, code, detail }) {
      const rt = receiverOf(byPath, head.target)?.rt;
      if (!rt) return;
      // The headers node read before it gave up: enough for the audit's header names and a trusted proxy's client.
      const source = sourceOf({ headers: head.headers, socket });
      pipeline.refuse(rt, { headers: head.headers, rawHeaders: [], source }, null, status, code, detail);
    },
  };
}

/** The entry for a request-target's path, also with one trailing slash dropped. */
function receiverOf<T>(byPath: ReadonlyMap<string, T>, target: string): T | undefined {
  const path = requestPath(target);
  const entry = byPath.get(path);
  if (entry) return entry;
  // A provider configured with `…/webhooks/github/` would otherwise get 404 for every delivery, and GitHub does not retry.
  const trimmed = withoutTrailingSlash(path);
  return trimmed === undefined ? undefined : byPath.get(trimmed);
}

/**
 * Reads the body up to `limit` bytes; beyond it stops reading at once (nothing more is buffered). A chunked body
 * (`budget` given) takes each chunk from the budget into `held` and stops the same way when the budget runs out.
 */
function readBody(req: IncomingMessage, limit: number, budget: BodyBudget | undefined, held: { bytes: number }): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ ok: false, refusal: 'tooLarge', size });
        return;
      }
      if (budget) {
        if (!budget.take(chunk.length)) {
          req.pause();
          finish({ ok: false, refusal: 'busy', size });
          return;
        }
        held.bytes += chunk.length;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) }));
    req.once('error', () => finish({ ok: false, refusal: undefined, size }));
    req.once('close', () => finish({ ok: false, refusal: undefined, size }));
  });
}

/** Writes the answer; false when the response was already sent or the client is gone. */
function write(res: ServerResponse, answer: Answer, requestId: string): boolean {
  if (res.headersSent || res.destroyed) return false;
  const empty = answer.body === undefined;
  const body = empty ? '' : JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    ...answer.headers,
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    // As every other answer of this server: a body echoing request data is never sniffed into something else.
    'x-content-type-options': 'nosniff',
  };
  // The one literal above keeps the hot path's headers object in one shape; an empty body is the rare case.
  if (empty) delete headers['content-type'];
  if (answer.closeConnection) headers.connection = 'close';
  res.writeHead(answer.status, headers);
  res.end(body);
  // A refused upload is not read to its end: close once the answer is out, instead of draining it.
  if (answer.closeConnection) res.once('finish', () => res.req.socket?.destroySoon?.());
  return true;
}
