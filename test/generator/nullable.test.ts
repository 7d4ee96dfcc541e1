import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** OpenAPI 3.0's `nullable` in a 3.1 document (Svix's has hundreds): openapi-typescript types each as `T | null`. */
const SPEC = `openapi: 3.1.1
info: { title: t, version: '1' }
webhooks:
  thing.created:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Thing' }
      responses: { '200': { description: ok } }
components:
  schemas:
    Thing:
      type: object
      properties:
        name: { type: string, nullable: true }
        kind: { type: string, enum: [a, b], nullable: true }
        either: { oneOf: [{ type: string }, { type: integer }], nullable: true }
        plain: { type: string, nullable: false }
`;

describe('nullable (OpenAPI 3.0) in a 3.1 document', () => {
  it('is accepted by the validator wherever the types allow null, and nowhere else', async () => {
    const spec = join(tmp.dir, 'spec.yaml');
    const out = join(tmp.dir, 'out');
    writeFileSync(spec, SPEC);
    await generate({ spec, out, cacheDir: false, parallel: false });
    const types = readFileSync(join(out, 'types.ts'), 'utf8');
    expect(types).toMatch(/name\?: string \| null;/);
    expect(types).toMatch(/kind\?: "a" \| "b" \| null;/);
    expect(types).toMatch(/plain\?: string;/);
    const validators = createRequire(import.meta.url)(join(out, 'validators.cjs')) as typeof import('../../generated/validators.js');
    const check = (data: Record<string, unknown>): boolean => validators.validateWebhook('thing.created', data).ok;
    expect(check({ name: null, kind: null, either: null })).toBe(true);
    expect(check({ name: 'x', kind: 'a', either: 3 })).toBe(true);
    expect(check({ kind: 'c' })).toBe(false);
    expect(check({ either: true })).toBe(false);
    expect(check({ plain: null })).toBe(false);
  });
});
