import type { IncomingHttpHeaders } from 'node:http';

/** `application/json; charset=utf-8` → `application/json`: what the pipeline admits and a receiver parses by. */
export function mediaType(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['content-type'];
  if (!raw) return undefined;
  const semi = raw.indexOf(';');
  return (semi === -1 ? raw : raw.slice(0, semi)).trim().toLowerCase() || undefined;
}
