import express, { Router, type ErrorRequestHandler, type Express, type Request } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bindOperations } from '../../generated/operations.js';
import { createOperationHandlers, type ApiContext } from '../api/index.js';
import { bearerAuth } from '../api/auth.js';
import { integerQueryNames, requireDecimalIntegers } from '../api/integer-parameters.js';
import { refuseDeepNesting } from '../api/json-depth.js';
import { refuseNulEscapes, refuseNulParameters } from '../api/nul-characters.js';
import { refuseUnsafeIntegers } from '../api/unsafe-integers.js';
import { refuseIllFormedText } from '../api/unicode-text.js';
import { SealedSecretError } from '../crypto/secret-sealer.js';
import { HttpError } from '../errors/http-error.js';
import { unsupportedCharset, unsupportedEncoding } from '../errors/unsupported-body.js';
import { STORE_RETRY_AFTER_SEC, storeUnavailableReason } from '../store/unavailable.js';
import { PROBLEM_CONTENT_TYPE, problemFromError, toProblem } from '../errors/problem.js';
import { logger } from '../observability/logger.js';
import { requireUtf8Body } from './body-charset.js';
import { hasBody, isJsonBody, requireJsonBodyType } from './body-content-type.js';
import { repeatedHeaders, sentMoreThanOnce } from '../inbound/required-headers.js';
import { restoreHead, validateHeadAsGet } from './head-as-get.js';
import { docsHeaders } from './docs-headers.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { compressedTransferCoding } from './transfer-coding.js';
import { createOpsRouter } from './ops-routes.js';

const OPENAPI_FILE = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));
const DOCS_FILE = fileURLToPath(new URL('../../docs/index.html', import.meta.url));

/** Request headers of the management API that carry one value. */
const SINGLE_VALUE_HEADERS = ['idempotency-key'];
/** Single-value headers whose repeats node drops instead of joining (so `repeatedHeaders` cannot see them). */
const DEDUPLICATED_HEADERS = ['authorization', 'content-type'];

/**
 * The express app for everything that is not a receiver: ops routes, `/openapi.json`, `/docs`, and the
 * management API under `/v1` (bearer auth, then express-openapi-validator against the bundled spec, then the
 * generated bindings). Every error leaves as problem+json.
 */
export function createApp(ctx: ApiContext): Express {
  const app = express();
  // Paths match as the spec writes them, as the receivers' fast path does: with express's default, /V1/Subscriptions
  // reached the /v1 handlers while express-openapi-validator (case-sensitive) let it through unvalidated.
  app.set('case sensitive routing', true);
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  // A '+' is a plus, not a space: the spec lets clients send `since` unencoded (allowReserved), so
  // `since=…T04:00:00+01:00` must keep its offset; no parameter of this API holds a space.
  const parseExtended = app.get('query parser fn') as (query: string | null) => unknown;
  app.set('query parser', (query: string | null) => parseExtended(query && query.replace(/\+/g, '%2B')));
  // Answers are no-store: an ETag would only turn a repeated GET into a 304 the spec does not describe.
  app.set('etag', false);
  const apiSpecText = readFileSync(OPENAPI_FILE, 'utf8');
  const apiSpec = JSON.parse(apiSpecText);

  // Every answer is what its Content-Type says: an error body echoing a path is never sniffed into HTML.
  app.use((_req, res, next) => {
    res.set('x-content-type-options', 'nosniff');
    next();
  });
  app.use(createOpsRouter(ctx));
  app.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(apiSpecText);
  });
  app.get('/docs', (_req, res, next) => {
    if (!existsSync(DOCS_FILE)) return next(new HttpError(404, 'not_found', 'The API docs are not built; run `make docs`.'));
    res.set(docsHeaders(DOCS_FILE));
    // Our own file, so a dot-directory anywhere in its path (an install under ~/.local, say) is no reason to refuse it.
    res.sendFile(DOCS_FILE, { dotfiles: 'allow' });
  });
  // A PUT or POST to a read-only path is a wrong method, not a missing route.
  app.all(['/openapi.json', '/docs'], methodNotAllowed('GET, HEAD'));

  // Answers carry signing secrets (a new subscription's, a rotated one) and operator data: no cache may keep them.
  app.use('/v1', (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  // node keeps the first of a repeated Authorization or Content-Type and drops the rest: which one was meant is a guess.
  app.use('/v1', (req, _res, next) => {
    const repeated = sentMoreThanOnce(req.rawHeaders, DEDUPLICATED_HEADERS);
    next(repeated ? new HttpError(400, 'repeated_header', `Header(s) sent more than once: ${repeated.join(', ')}; send each once.`) : undefined);
  });
  app.use('/v1', bearerAuth(ctx.config.server.apiKey));
  app.use('/v1', (req, _res, next) => {
    const coding = compressedTransferCoding(req.headers);
    next(coding ? new HttpError(415, 'unsupported_media_type', unsupportedEncoding(coding, 'Transfer-Encoding')) : undefined);
  });
  // node joins a repeated header into "a, a", a key the client never sent: refused, since which one was meant is a guess.
  app.use('/v1', (req, _res, next) => {
    const repeated = repeatedHeaders(req.headers, req.rawHeaders, SINGLE_VALUE_HEADERS);
    next(repeated ? new HttpError(400, 'repeated_header', `Header(s) sent more than once: ${repeated.join(', ')}; send each once.`) : undefined);
  });
  app.use('/v1', requireJsonBodyType);
  app.use('/v1', requireUtf8Body);
  // A NUL in a filter reached the stores, and PostgreSQL cannot compare text with one (a 500).
  app.use('/v1', (req, _res, next) => {
    refuseNulParameters(req.query);
    next();
  });
  app.use('/v1', requireDecimalIntegers(integerQueryNames(apiSpec, '/v1')));
  // inflate off: the spec promises 415 for compressed bodies, as the receivers answer; the limit stays the bytes sent.
  app.use('/v1', express.json({ limit: ctx.config.outbound.publishMaxBytes, type: isJsonBody, inflate: false, verify: checkJsonBody }));
  app.use('/v1', validateHeadAsGet);
  app.use(
    OpenApiValidator.middleware({
      apiSpec,
      validateRequests: { allErrors: true },
      validateResponses: false,
      validateSecurity: false,
      validateApiSpec: false,
      // Only the management API goes through the validator; receivers never reach express.
      ignorePaths: (path: string) => !path.startsWith('/v1'),
    }),
  );
  app.use('/v1', restoreHead);
  const router = Router({ caseSensitive: true });
  bindOperations(router, createOperationHandlers(ctx));
  app.use(router);

  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`)));
  app.use(problemHandler);
  return app;
}

/**
 * Refuses, before parsing, what JSON.parse would take but later code could not: nesting past the stack, numbers it
 * would round or make Infinity, a NUL PostgreSQL cannot store, text that is not well-formed Unicode. Reads UTF-8, the
 * only charset requireUtf8Body lets by.
 */
function checkJsonBody(_req: unknown, _res: unknown, body: Buffer): void {
  const json = body.toString('utf8');
  refuseIllFormedText(body, json);
  refuseDeepNesting(json);
  refuseUnsafeIntegers(json);
  refuseNulEscapes(json);
}

interface ValidatorError {
  path?: string;
  message?: string;
  errorCode?: string;
}

/** Maps what the body parser and the validator throw to our problems; everything else passes through. */
function toHttpError(err: unknown, req: Request): unknown {
  if (err instanceof HttpError) return err;
  const e = err as { status?: number; type?: string; errors?: ValidatorError[]; message?: string; expose?: boolean };
  if (e?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', `The body is larger than the limit of ${(e as { limit?: number }).limit} bytes`, { cause: err });
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', parseFailure((e as { body?: string }).body), { cause: err });
  if (e?.type === 'encoding.unsupported') {
    return new HttpError(415, 'unsupported_media_type', unsupportedEncoding((e as { encoding?: string }).encoding ?? 'unknown'), { cause: err });
  }
  if (e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_media_type', unsupportedCharset((e as { charset?: string }).charset ?? 'unknown'), { cause: err });
  }
  if (typeof e?.status === 'number' && Array.isArray(e.errors)) {
    // Only a 400 lists schema failures; the validator's 404/405/415 put a route pattern where a JSON pointer belongs.
    // An operation that takes a body got none: its 415 said "unsupported media type undefined", its 400 "must have
    // required property 'body'" or listed every required field. Either way the client left the body out; say that.
    if (!hasBody(req) && (e.status === 415 || (e.status === 400 && e.errors.length > 0 && e.errors.every((v) => isBodyError(v))))) {
      return new HttpError(400, 'missing_body', `${req.method} ${req.path} needs a JSON body (Content-Type: application/json); the request has none.`, { cause: err });
    }
    // Its 404 says only "not found"; name what was asked for, as the app's own 404 does.
    if (e.status === 404) return new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`, { cause: err });
    if (e.status !== 400) return new HttpError(e.status, codeOf(e.status), e.errors[0]?.message ?? e.message ?? 'invalid request', { cause: err });
    const errors = e.errors.map((v) => ({ pointer: toPointer(v.path), keyword: (v.errorCode ?? 'invalid').split('.')[0]!, message: v.message ?? 'invalid' }));
    const detail = errors.length > 0 ? errors.map((x) => `${x.pointer || '/'} ${x.message}`).join('; ') : (e.message ?? 'invalid request');
    return new HttpError(e.status, codeOf(e.status), detail, { cause: err, extra: errors.length > 0 ? { errors } : {} });
  }
  // Other client errors from express's parsers (unsupported charset or Content-Encoding, aborted body): a 4xx, not a 500.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return new HttpError(e.status, codeOf(e.status), e.message ?? 'invalid request', { cause: err });
  }
  // A secret sealed under a key this instance lacks (another instance's HOOKSPEC_SECRETS_KEY): say which, not "failed".
  if (err instanceof SealedSecretError) return new HttpError(500, 'secret_unreadable', err.message, { cause: err });
  // A full disk or an unreachable database is the operator's to fix and the client's to retry, not an unexpected 500.
  const unavailable = storeUnavailableReason(err);
  if (unavailable) return new HttpError(503, 'store_unavailable', `The request could not be stored: ${unavailable}. Retry shortly.`, { cause: err });
  return err;
}

/** Whether a validator error is about the body (its pointer names no query, path or header parameter). */
function isBodyError(v: ValidatorError): boolean {
  return !/^\/(query|path|headers|params)(\/|$)/.test(toPointer(v.path));
}

/** express.json (strict) refuses a bare `null`, `1` or `"x"` as it refuses broken JSON; the detail tells them apart. */
function parseFailure(body: string | undefined): string {
  try {
    JSON.parse(body ?? '');
    return 'The body must be a JSON object or array, not a bare value';
  } catch {
    return 'The body is not valid JSON';
  }
}

function codeOf(status: number): string {
  return ({ 400: 'invalid_request', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type' } as Record<number, string>)[status] ?? 'invalid_request';
}

/** `/body/customer/email` or `.body.customer.email` → `/customer/email`; parameters keep their location. */
function toPointer(path: string | undefined): string {
  if (!path) return '';
  const pointer = path.startsWith('/') ? path : `/${path.replace(/^\./, '').replace(/\./g, '/').replace(/\[(\d+)\]/g, '/$1')}`;
  return pointer.replace(/^\/body(?=\/|$)/, '');
}

/** Every error leaves as RFC 9457 problem+json; validator errors keep their status and list each failure. */
const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = problemFromError(toHttpError(err, req));
  // A 501 is the spec running ahead of the code (named in a warning at start), not a failure worth a stack.
  if (problem.status === 501) logger.debug({ path: req.path }, 'operation not implemented');
  else if (problem.status >= 500) logger.error({ err, path: req.path }, 'request failed');
  // The validator's 405 names the path's methods; RFC 9110 requires them in Allow.
  const allow = (err as { headers?: { Allow?: unknown } } | undefined)?.headers?.Allow;
  if (problem.status === 405 && typeof allow === 'string') res.set('allow', withHead(allow.toUpperCase()));
  if (problem.code === 'store_unavailable') res.set('retry-after', String(STORE_RETRY_AFTER_SEC));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: req.originalUrl }));
};

export { toProblem };

/** The validator's Allow list plus HEAD wherever GET is there: every GET here also answers HEAD. */
function withHead(allow: string): string {
  const methods = allow.split(/\s*,\s*/);
  return methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'].join(', ') : methods.join(', ');
}
