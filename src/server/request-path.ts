/**
 * The path a request-target names, without query or fragment. Absolute-form (`POST http://host/webhooks/github`,
 * RFC 9112 §3.2.2) is what some proxies forward and a server must accept; its path routes like origin-form.
 */
export function requestPath(target: string): string {
  let path = target;
  if (path.charCodeAt(0) !== 0x2f /* '/' */) {
    const authority = path.indexOf('://');
    if (authority === -1) return path; // asterisk-form (OPTIONS *): no path to route
    let start = authority + 3;
    while (start < path.length && !'/?#'.includes(path[start]!)) start++;
    path = path[start] === '/' ? path.slice(start) : '/';
  }
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  // A fragment is not part of a request-target, but node passes it on; express routes without it, so do we.
  const fragment = path.indexOf('#');
  return fragment === -1 ? path : path.slice(0, fragment);
}

/** The same path with one trailing slash dropped (`/webhooks/github/`), as express's non-strict routing treats it. */
export function withoutTrailingSlash(path: string): string | undefined {
  return path.length > 1 && path.charCodeAt(path.length - 1) === 0x2f ? path.slice(0, -1) : undefined;
}
