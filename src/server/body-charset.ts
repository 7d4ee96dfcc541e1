import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';
import { unsupportedCharset } from '../errors/unsupported-body.js';

/** Charsets whose bytes read the same as UTF-8, as the receivers take them. */
const UTF8_COMPATIBLE = new Set(['utf-8', 'utf8', 'us-ascii']);

const NONE: readonly string[] = [];

/** Every `charset` parameter of a Content-Type, unquoted and lower-cased (a header may repeat it; the parser takes the last). */
export function declaredCharsets(contentType: string | undefined): readonly string[] {
  // The receivers' hot path: a bare `application/json` allocates nothing.
  if (!contentType || contentType.indexOf(';') === -1) return NONE;
  return contentType.split(';').slice(1).map(charsetOf).filter((c) => c !== undefined);
}

/** The first declared charset that does not read as UTF-8 (with two, which one a reader honours is a guess), or undefined. */
export function foreignCharset(charsets: readonly string[]): string | undefined {
  return charsets.find((c) => !UTF8_COMPATIBLE.has(c));
}

/** ` charset="UTF-8"` → `utf-8`; undefined for any other parameter. */
function charsetOf(param: string): string | undefined {
  const eq = param.indexOf('=');
  if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'charset') return undefined;
  return param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
}

/**
 * Refuses a body declared in anything but UTF-8 as 415, before express.json runs: that parser decodes with the declared
 * charset (UTF-16, UTF-7, UTF-32) while the checks on the body's text read it as UTF-8, so a body in another charset got
 * past them. A UTF-8-compatible name express.json does not know (`utf8`, `us-ascii`) is rewritten to `utf-8` so it is
 * read as what it is, as the receivers read it.
 */
export const requireUtf8Body: RequestHandler = (req, _res, next) => {
  const charsets = declaredCharsets(req.headers['content-type']);
  const foreign = foreignCharset(charsets);
  if (foreign !== undefined) return next(new HttpError(415, 'unsupported_media_type', unsupportedCharset(foreign)));
  if (charsets.some((c) => c !== 'utf-8')) req.headers['content-type'] = withUtf8Charset(req.headers['content-type']!);
  next();
};

/** The Content-Type with every charset parameter set to `utf-8`, the others kept. */
function withUtf8Charset(contentType: string): string {
  const [type, ...params] = contentType.split(';');
  const kept = params.map((p) => (charsetOf(p) === undefined ? p : ' charset=utf-8'));
  return [type, ...kept].join(';');
}
