import { Router } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { methodNotAllowed } from '../server/method-not-allowed.js';
import { consoleBundle } from './bundle.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const INDEX_HTML = readFileSync(join(HERE, 'index.html'), 'utf8');
const STYLE_CSS = readFileSync(join(HERE, 'style.css'), 'utf8');

/** The page may load only its own script and style and talk only to this server. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The web console: a static shell (no data in it) plus one bundled module. Every piece of data it shows comes
 * from `/v1` with the API key the operator types in, so the console is exactly as protected as the API.
 */
export function consoleRouter(): Router {
  const router = Router({ caseSensitive: true });
  router.use((_req, res, next) => {
    // X-Frame-Options too, for browsers that predate CSP's frame-ancestors (as /docs sends it).
    res.set({ 'content-security-policy': CSP, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    next();
  });
  router.get('/', (_req, res) => {
    res.type('html').send(INDEX_HTML);
  });
  router.get('/style.css', (_req, res) => {
    res.type('css').send(STYLE_CSS);
  });
  router.get('/app.js', async (_req, res, next) => {
    try {
      res.type('js').send(await consoleBundle());
    } catch (err) {
      next(err);
    }
  });
  // The console's files are read-only: another method is a 405 naming GET and HEAD, as on the other read-only paths.
  router.all(['/', '/style.css', '/app.js'], methodNotAllowed('GET, HEAD'));
  return router;
}
