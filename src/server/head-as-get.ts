import type { RequestHandler } from 'express';

const WAS_HEAD = Symbol('hookspec.wasHead');
type Marked = { [WAS_HEAD]?: boolean };

/**
 * HEAD is GET without the body (RFC 9110 §9.3.2), but the spec lists GET only and express-openapi-validator answered
 * HEAD with 405. The validator checks it as the GET; node already knows not to send a body for it.
 */
export const validateHeadAsGet: RequestHandler = (req, _res, next) => {
  if (req.method === 'HEAD') {
    req.method = 'GET';
    (req as Marked)[WAS_HEAD] = true;
  }
  next();
};

/** After validation: the request is HEAD again for the router and the request log. */
export const restoreHead: RequestHandler = (req, _res, next) => {
  if ((req as Marked)[WAS_HEAD]) req.method = 'HEAD';
  next();
};
