import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

/** A 405 for a path that exists under other methods, with the `Allow` header RFC 9110 requires of it. */
export function methodNotAllowed(allow: string): RequestHandler {
  return (req, res, next) => {
    res.set('allow', allow);
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.baseUrl}${req.path}; it answers ${allow}`));
  };
}
