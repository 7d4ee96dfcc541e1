import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** A script element as the HTML parser ends it: at the first `</script>` (the Redoc bundle writes `<\/script>` in its strings). */
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

let cached: { key: string; headers: Record<string, string> } | undefined;

/**
 * The headers `/docs` is served with. The Redoc page shares its origin with the console, whose tab keeps the API key:
 * its scripts run only by hash (none injected), it reaches no other host (Redoc's logo and telemetry stay off), and no
 * other site may frame it. Rebuilt when `make docs` rewrites the file.
 */
export function docsHeaders(file: string): Record<string, string> {
  const stat = statSync(file);
  const key = `${stat.mtimeMs}:${stat.size}`;
  if (cached?.key !== key) cached = { key, headers: headersFor(readFileSync(file, 'utf8')) };
  return cached.headers;
}

/** The headers for one version of the page; exported for the test that reads the committed page. */
export function headersFor(html: string): Record<string, string> {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.length > 0 ? hashes.join(' ') : "'none'"}`,
    // styled-components writes <style> elements at run time. (No eval: Redoc's search then runs without its worker.)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { 'content-security-policy': csp, 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };
}
