/** True when `name` can be written bare as a property or identifier. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A camelCase identifier from any text (`get /v1/x/{id}` → `getV1XById`). */
export function camelIdentifier(text: string): string {
  const words = text
    .replace(/\{([^}]*)\}/g, ' by $1 ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const safe = joined === '' ? 'operation' : joined;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

/** A single-quoted string literal, as prettier writes them (`'a\'b'`). */
export function stringLiteral(value: string): string {
  const body = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${body}'`;
}

/** Property key for generated TypeScript/JavaScript: bare when possible, else a quoted string. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Member access (`.name` or `['name']`). */
export function memberAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}
