import { describe, expect, it } from 'vitest';
import { collectExamples, createSpecAjv, loadSpec } from './spec-ajv.js';

const doc = loadSpec();
const { validatorAt } = createSpecAjv(doc);
const sites = collectExamples(doc);

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
