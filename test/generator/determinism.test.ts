import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DriftError, generate } from '../../generator/index.js';
import { cli, FIXTURES, tempDir } from './helpers.js';

const SPEC = join(FIXTURES, 'mini.yaml');

function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
  return Object.fromEntries(files.sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('determinism', () => {
  const a = tempDir();
  const b = tempDir();
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it('generates byte-identical output twice, in a worker or in-thread', async () => {
    await generate({ spec: SPEC, out: a.dir, cacheDir: false, parallel: true });
    await generate({ spec: SPEC, out: b.dir, cacheDir: false, parallel: false });
    expect(snapshot(b.dir)).toEqual(snapshot(a.dir));
  });

  it('heads every code file with the do-not-edit line naming the spec', () => {
    for (const [file, text] of Object.entries(snapshot(a.dir))) {
      if (file.endsWith('.json')) continue;
      expect(text.split('\n')[0], file).toBe('// generated from mini.yaml; do not edit');
    }
  });

  it('leaves unchanged files untouched on a second run', async () => {
    const before = statSync(join(a.dir, 'types.ts')).mtimeMs;
    const result = await generate({ spec: SPEC, out: a.dir, cacheDir: false, parallel: false });
    expect(result.written).toEqual([]);
    expect(statSync(join(a.dir, 'types.ts')).mtimeMs).toBe(before);
  });
});

describe('content-hash cache', () => {
  const out = tempDir();
  const cache = tempDir();
  afterAll(() => {
    out.cleanup();
    cache.cleanup();
  });

  it('answers an unchanged run from the cache with the same bytes, and restores a deleted file', async () => {
    const first = await generate({ spec: SPEC, out: out.dir, cacheDir: cache.dir, parallel: false });
    expect(first.cached).toBe(false);
    const bytes = snapshot(out.dir);
    writeFileSync(join(out.dir, 'aliases.ts'), 'hand edit\n');
    const second = await generate({ spec: SPEC, out: out.dir, cacheDir: cache.dir, parallel: false });
    expect(second.cached).toBe(true);
    expect(second.written).toHaveLength(1);
    expect(snapshot(out.dir)).toEqual(bytes);
  });
});

describe('--check', () => {
  const out = tempDir();
  afterAll(() => out.cleanup());

  it('passes when up to date and names each drifting or missing file otherwise', async () => {
    await generate({ spec: SPEC, out: out.dir, cacheDir: false, parallel: false });
    await expect(generate({ spec: SPEC, out: out.dir, cacheDir: false, check: true, parallel: false })).resolves.toMatchObject({ drift: [] });
    writeFileSync(join(out.dir, 'catalog.json'), '[]\n');
    writeFileSync(join(out.dir, 'types.ts'), readFileSync(join(out.dir, 'types.ts'), 'utf8') + '// edited\n');
    const failure = await generate({ spec: SPEC, out: out.dir, cacheDir: false, check: true, parallel: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DriftError);
    expect((failure as DriftError).files.map((f) => f.split('/').pop())).toEqual(['catalog.json', 'types.ts']);
  });

  it('exits non-zero from the CLI naming the drifting file, and writes nothing', async () => {
    const { code, stderr } = await cli(['generate', '--spec', SPEC, '--out', out.dir, '--check', '--no-cache']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('catalog.json');
    expect(stderr).toContain('types.ts');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(out.dir, 'catalog.json'), 'utf8')).toBe('[]\n');
  });
});
