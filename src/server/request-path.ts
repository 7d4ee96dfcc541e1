/**
 * The request-target in origin-form: path and query, without an absolute-form's scheme and authority (RFC 9112
 * §3.2.2, what some proxies forward and a server must accept) and without a fragment (never part of a target, but
 * node passes it on). express and express-openapi-validator then read the same path: given the raw target, the
 * validator matched `/v1/subscriptions/<id>#x` with `#x` in the id while express routed without it.
 */
export function originForm(target: string): string {
  let form = target;
  if (form.charCodeAt(0) !== 0x2f /* '/' */) {
    const authority = form.indexOf('://');
    if (authority === -1) return form; // asterisk-form (OPTIONS *): no path to route
    let start = authority + 3;
    while (start < form.length && !'/?#'.includes(form[start]!)) start++;
    form = form[start] === '/' ? form.slice(start) : '/' + form.slice(start);
  }
  const fragment = form.indexOf('#');
  return fragment === -1 ? form : form.slice(0, fragment);
}

/** The path a request-target names, without query or fragment; absolute-form routes like origin-form. */
export function requestPath(target: string): string {
  const form = originForm(target);
  const query = form.indexOf('?');
  return query === -1 ? form : form.slice(0, query);
}

/** The same path with one trailing slash dropped (`/webhooks/github/`), as express's non-strict routing treats it. */
export function withoutTrailingSlash(path: string): string | undefined {
  return path.length > 1 && path.charCodeAt(path.length - 1) === 0x2f ? path.slice(0, -1) : undefined;
}
