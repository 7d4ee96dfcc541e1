import type { Middleware } from 'openapi-fetch';
import { escapeSegment } from '../testing/json-pointer.js';
import type { describeErrors, SpecDocument } from '../testing/spec-document.js';

/**
 * The server answered, but not with what the API promises (a status it does not list, a body that is not JSON,
 * JSON of another shape). Not a network failure: `call()` must not say "could not reach the server".
 */
export class UnexpectedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedAnswerError';
  }
}

interface Spec {
  doc: SpecDocument;
  describeErrors: typeof describeErrors;
}

let spec: Promise<Spec> | undefined;

/**
 * The generated bundle (what the contract tests hold the server to) with its validator, loaded on the first 2xx:
 * Ajv costs about 0.2 s, not paid by error answers or --help.
 */
function loadSpec(): Promise<Spec> {
  spec ??= import('../testing/spec-document.js').then((m) => ({ doc: m.loadSpecDocument(), describeErrors: m.describeErrors }));
  return spec;
}

/** `202` matches `202`, `2XX` and `default`, in that order of preference. */
function declaredStatus(listed: readonly string[], status: number): string | undefined {
  const exact = String(status);
  if (listed.includes(exact)) return exact;
  if (listed.includes(`${exact[0]}XX`)) return `${exact[0]}XX`;
  return listed.includes('default') ? 'default' : undefined;
}

/**
 * Checks every 2xx answer against the operation's response in the spec (generated/openapi.json): the status is
 * one it lists, the body is JSON where JSON is declared, and it validates against the response schema. Anything
 * else throws `UnexpectedAnswerError`, so a command never prints `undefined` fields or reads `.length` of nothing.
 * Error statuses pass through: `call()` reports them with the problem's detail.
 */
export function answerCheck(serverUrl: string): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      if (!response.ok) return undefined;
      const method = request.method.toLowerCase();
      const operation = `${request.method} ${schemaPath}`;
      const where = `the server at ${serverUrl} answered ${response.status}`;
      let text: string;
      try {
        text = await response.text();
      } catch (err) {
        // The timeout keeps its name: call() reports it as the time waited.
        if (err instanceof Error && err.name === 'TimeoutError') throw err;
        const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
        throw new UnexpectedAnswerError(`${where}, but the connection broke before the whole body came (${reason})`);
      }
      const { doc, describeErrors } = await loadSpec();
      const operationPointer = `#/paths/${escapeSegment(schemaPath)}/${method}`;
      const responses = (doc.resolve(`${operationPointer}/responses`).node ?? {}) as Record<string, unknown>;
      const listed = Object.keys(responses);
      const declared = declaredStatus(listed, response.status);
      if (declared === undefined) {
        const promised = listed.filter((s) => s.startsWith('2')).join(' or ');
        throw new UnexpectedAnswerError(`${where}, which ${operation} does not promise (it promises ${promised || 'no success status'})`);
      }
      const { node, pointer } = doc.resolve(`${operationPointer}/responses/${escapeSegment(declared)}`);
      const content = ((node as { content?: Record<string, unknown> } | undefined)?.content ?? {}) as Record<string, unknown>;
      const json = Object.keys(content).find((t) => /^application\/(?:[\w.-]+\+)?json$/i.test(t));
      // Only JSON bodies are promised by the operations the CLI calls; another media type is left to the command.
      if (json === undefined) return rebuilt(response, text);
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (text.length === 0) throw new UnexpectedAnswerError(`${where} with an empty body; ${operation} promises JSON`);
      if (!/^application\/(?:[\w.-]+\+)?json$/.test(contentType)) {
        throw new UnexpectedAnswerError(`${where} with a body that is not JSON (${contentType || 'no content type'})`);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (err) {
        throw new UnexpectedAnswerError(`${where} with a body that is not JSON (${contentType}: ${err instanceof Error ? err.message : String(err)})`);
      }
      const errors = doc.validate(`${pointer}/content/${escapeSegment(json)}/schema`, body);
      if (errors.length > 0) throw new UnexpectedAnswerError(`${where} with JSON that is not what ${operation} promises: ${describeErrors(errors, 3)}`);
      return rebuilt(response, text);
    },
  };
}

/** The answer again, its body read: openapi-fetch parses it after the middleware. */
function rebuilt(response: Response, text: string): Response {
  const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(nullBody ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
