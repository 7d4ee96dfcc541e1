import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExamples, createSpecAjv, loadSpec } from './spec-ajv.js';

const doc = loadSpec();
const { validatorAt } = createSpecAjv(doc);
const sites = collectExamples(doc);
const SRC = join(import.meta.dirname, '..', '..', 'src');

describe('every example in openapi.yaml validates against its schema (Ajv2020, run-time compile)', () => {
  it('finds examples for bodies, responses, parameters, headers and all 14 webhooks', () => {
    expect(sites.length).toBeGreaterThan(80);
    for (const name of Object.keys(doc.webhooks)) {
      expect(sites.some((s) => s.where.startsWith(`/webhooks/${name}/post/requestBody`)), name).toBe(true);
    }
    expect(sites.some((s) => s.where.includes('/parameters/'))).toBe(true);
    expect(sites.some((s) => s.where.startsWith('/components/headers/'))).toBe(true);
  });

  it.each(sites.map((s) => [s.where, s] as const))('%s', (_where, site) => {
    const validate = validatorAt(site.schemaPointer);
    const ok = validate(site.value);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the reference validator does reject a wrong payload (the check can fail)', () => {
    const validate = validatorAt('/components/schemas/OrderCreated');
    expect(validate({ order_id: 'ord_1', currency: 'euro' })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain('required');
  });
});

describe('problem+json examples show what the server really sends', () => {
  const problems = sites.filter((s) => s.where.includes('/application~1problem+json/examples/')).map((s) => ({ where: s.where, value: s.value as { type: string; code: string } }));
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(SRC, f), 'utf8'))
    .join('\n');

  it('finds the problem examples', () => {
    expect(problems.length).toBeGreaterThan(10);
  });

  // A client switches on `code`: an example with a code the server never sends teaches it a branch that never runs.
  it.each(problems.map((p) => [p.where, p.value] as const))('%s: its code is one src/ sends, and its type names it', (_where, problem) => {
    expect(problem.type).toBe(`urn:hookspec:problem:${problem.code}`);
    expect(sources.includes(`'${problem.code}'`), `no '${problem.code}' literal in src/`).toBe(true);
  });
});
