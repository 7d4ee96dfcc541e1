import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { mayHaveExternalRefs } from '../../generator/load/bundle.js';
import { FIXTURES, tempDir } from './helpers.js';

describe('multi-file specs', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const spec = join(tmp.dir, 'spec', 'main.yaml');
  const out = join(tmp.dir, 'out');
  const cacheDir = join(tmp.dir, 'cache');
  cpSync(join(FIXTURES, 'multi-file'), join(tmp.dir, 'spec'), { recursive: true });

  it.each([
    ['yaml flow', "schema: { $ref: './a.yaml' }", true],
    ['yaml block', 'schema:\n  $ref: schemas/a.yaml#/B', true],
    ['json', '{"$ref":"other.json"}', true],
    ['local only', "schema: { $ref: '#/components/schemas/A' }\n{\"$ref\": \"#/x\"}", false],
  ])('detects external refs cheaply: %s', (_name, text, want) => {
    expect(mayHaveExternalRefs(text)).toBe(want);
  });

  it('bundles external files into one document whose refs all resolve', async () => {
    await generate({ spec, out, cacheDir, parallel: false });
    const bundled = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8')) as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(bundled.components.schemas).sort()).toEqual(['Envelope', 'owner', 'thing']);
    expect(JSON.stringify(bundled)).not.toMatch(/"\$ref":"(?!#)/);
    const validators = createRequire(join(out, 'x.js'))('./validators.cjs') as typeof import('../../generated/validators.js');
    expect(validators.validateRequestBody('createThing', { id: 'a', owner: { login: 'x' } })).toEqual({ ok: true });
    expect(validators.validateRequestBody('createThing', { id: 'a', owner: { login: 1 } })).toMatchObject({ ok: false, errors: [{ pointer: '/owner/login' }] });
    expect(validators.validateWebhook('thing.created', { type: 'thing.created', data: { id: 'b' } })).toEqual({ ok: true });
  });

  it('regenerates when a referenced file changes, though the main file did not', async () => {
    const cached = await generate({ spec, out, cacheDir, parallel: false });
    expect(cached.cached).toBe(true);
    writeFileSync(join(tmp.dir, 'spec', 'schemas', 'owner.yaml'), 'type: object\nproperties:\n  login: { type: string }\n  nick: { type: string }\n');
    const rerun = await generate({ spec, out, cacheDir, parallel: false });
    expect(rerun.cached).toBe(false);
    expect(readFileSync(join(out, 'types.ts'), 'utf8')).toContain('nick?: string;');
  });
});
