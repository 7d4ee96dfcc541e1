/**
 * JSON text with every object's keys sorted, so two bodies that are the same JSON value give the same text whatever
 * order their keys were sent in (the Idempotency-Key check compares values, as Stripe's does, not bytes).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortedCopy(v) : v));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortedCopy(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a "__proto__" key must stay a key.
  for (const key of Object.keys(v).sort()) Object.defineProperty(out, key, { value: v[key], enumerable: true });
  return out;
}
