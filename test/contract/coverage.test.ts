import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contractCases } from '../../generated/contract/cases.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
  paths?: Record<string, Record<string, { operationId?: string }>>;
  webhooks?: Record<string, unknown>;
};

/** Every operation of openapi.yaml, by operationId (or `METHOD path` when it has none). */
function specOperations(): string[] {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => item[m]?.operationId ?? `${m.toUpperCase()} ${path}`),
  );
}

describe('every operation and webhook of openapi.yaml has a contract case', () => {
  it('operations', () => {
    const covered = new Set(contractCases.operations.map((op) => op.operationId));
    const missing = specOperations().filter((id) => !covered.has(id));
    const gaps = contractCases.gaps.filter((g) => g.kind === 'operation').map((g) => `${g.name}: ${g.reason}`);
    expect(missing, `operations without a contract case (run make generate; give them examples): ${missing.join(', ')}`).toEqual([]);
    expect(gaps, 'operations the generator could not build a case for').toEqual([]);
  });

  it('webhooks', () => {
    const covered = new Set(contractCases.webhooks.map((w) => w.name));
    const missing = Object.keys(spec.webhooks ?? {}).filter((name) => !covered.has(name));
    const gaps = contractCases.gaps.filter((g) => g.kind === 'webhook').map((g) => `${g.name}: ${g.reason}`);
    expect(missing, `webhooks without a contract case (run make generate; give them an example): ${missing.join(', ')}`).toEqual([]);
    expect(gaps, 'webhooks the generator could not build a case for').toEqual([]);
  });

  it('each operation has a positive case and each /v1 operation a negative one', () => {
    const withoutNegatives = contractCases.operations.filter((op) => op.path.startsWith('/v1/') && op.negatives.length === 0).map((op) => op.operationId);
    expect(withoutNegatives).toEqual([]);
    expect(contractCases.operations.every((op) => op.accept.length > 0)).toBe(true);
  });
});
