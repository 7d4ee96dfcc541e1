import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { constantTimeEqual } from '../crypto/constant-time.js';
import { HttpError } from '../errors/http-error.js';

/**
 * Bearer auth for `/v1` with `HOOKSPEC_API_KEY`. Both sides are hashed before the constant-time compare, so
 * neither the key's length nor its bytes leak through timing. An unset key refuses every call.
 */
export function bearerAuth(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? digest(apiKey) : undefined;
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    res.set('www-authenticate', 'Bearer realm="hookspec"');
    if (!expected) return next(new HttpError(401, 'unauthorized', 'The management API is disabled: set HOOKSPEC_API_KEY on the server.'));
    if (!match) return next(new HttpError(401, 'unauthorized', 'Send the API key as "Authorization: Bearer <HOOKSPEC_API_KEY>".'));
    if (!constantTimeEqual(digest(match[1]!.trim()), expected)) {
      // RFC 6750 §3.1: a key was sent and refused, so a client can tell "wrong key" from "no key".
      res.set('www-authenticate', 'Bearer realm="hookspec", error="invalid_token"');
      return next(new HttpError(401, 'unauthorized', 'The API key is wrong.'));
    }
    res.removeHeader('www-authenticate');
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
