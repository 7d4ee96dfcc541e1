import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

/** What an integer query parameter may look like: decimal digits, an optional minus sign, nothing else. */
const DECIMAL_INTEGER = /^-?[0-9]+$/;

interface SpecParameter {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: { type?: unknown };
}

interface Spec {
  paths?: Record<string, Record<string, unknown>>;
  components?: { parameters?: Record<string, SpecParameter> };
}

/**
 * Names of the spec's integer query parameters under `path`. By name, not per operation: a name means one thing
 * throughout the API (`limit`), and `integerQueryNames` throws at start if the spec ever gives one name two types.
 */
export function integerQueryNames(spec: Spec, prefix: string): Set<string> {
  const types = new Map<string, boolean>();
  const resolve = (p: SpecParameter): SpecParameter =>
    p.$ref?.startsWith('#/components/parameters/') ? spec.components?.parameters?.[p.$ref.slice('#/components/parameters/'.length)] ?? p : p;
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!path.startsWith(prefix)) continue;
    const lists = [item.parameters, ...Object.values(item).map((op) => (op as { parameters?: unknown })?.parameters)];
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const raw of list as SpecParameter[]) {
        const p = resolve(raw);
        if (p.in !== 'query' || !p.name) continue;
        const integer = p.schema?.type === 'integer';
        if (types.has(p.name) && types.get(p.name) !== integer) throw new Error(`query parameter "${p.name}" is an integer in one operation and not in another`);
        types.set(p.name, integer);
      }
    }
  }
  return new Set([...types].filter(([, integer]) => integer).map(([name]) => name));
}

/**
 * Refuses integer query parameters not written as decimal digits. The validator coerces with Number(), so
 * `limit=0x10`, `1e1`, `10.0` and ` 10` all passed as integers while `Infinity` failed later without an errors list.
 */
export function requireDecimalIntegers(names: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    const query = req.query as Record<string, unknown>;
    const errors = [];
    for (const name of names) {
      const value = query[name];
      // Absent, repeated or empty values are the validator's to describe.
      if (typeof value !== 'string' || value === '' || DECIMAL_INTEGER.test(value)) continue;
      errors.push({ pointer: `/query/${name}`, keyword: 'type', message: 'must be an integer written in decimal digits' });
    }
    if (errors.length === 0) return next();
    const detail = errors.map((e) => `${e.pointer} ${e.message}`).join('; ');
    next(new HttpError(400, 'invalid_request', detail, { extra: { errors } }));
  };
}
