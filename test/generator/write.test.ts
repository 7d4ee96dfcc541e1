import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { FIXTURES, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('writing generated/', () => {
  it('changes nothing when one file cannot be written', async () => {
    const out = join(tmp.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'aliases.ts'), '// old\n');
    // Sorted after most outputs, so a file-by-file writer would already have replaced the others.
    mkdirSync(join(out, 'webhooks.ts'));
    const error = await generate({ spec: join(FIXTURES, 'mini.yaml'), out, cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot write .*webhooks\.ts: .*; nothing in .*out was changed$/);
    expect(readdirSync(out).sort()).toEqual(['aliases.ts', 'webhooks.ts']);
    expect(readFileSync(join(out, 'aliases.ts'), 'utf8')).toBe('// old\n');
  });
});
