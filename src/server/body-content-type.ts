import type { RequestHandler } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../errors/http-error.js';
import { mediaType } from '../inbound/media-type.js';

/** `application/json` or `application/*+json`: the only bodies the management API takes (and express.json parses). */
export function isJsonBody(req: { headers: IncomingHttpHeaders }): boolean {
  const type = mediaType(req.headers);
  return type === 'application/json' || (type !== undefined && type.startsWith('application/') && type.endsWith('+json'));
}

/** Whether a request carries a body at all (a length above 0, or chunks), whatever its type. */
export function hasBody(req: { headers: IncomingHttpHeaders }): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Refuses a body the JSON parser would skip as 415, before the validator: without a Content-Type an optional body
 * (a rotation's chosen secret) was silently ignored, and a required one got "unsupported media type undefined".
 */
export const requireJsonBodyType: RequestHandler = (req, _res, next) => {
  if (!hasBody(req) || isJsonBody(req)) return next();
  const type = req.headers['content-type'];
  next(new HttpError(415, 'unsupported_media_type', `A request body needs Content-Type: application/json (got ${type ? `"${type}"` : 'none'}).`));
};
