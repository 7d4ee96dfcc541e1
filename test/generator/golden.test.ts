import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { FIXTURES, tempDir } from './helpers.js';

/** The contract suite (`contract/`) has its own tests and changes with its own room; it is not golden here. */
const NOT_GOLDEN = /^contract\//;

/** Every file under `dir` (relative, sorted), subdirectories included. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !NOT_GOLDEN.test(f))
    .sort();
}

/** Small specs whose every output file is committed under `fixtures/<name>.golden/`. */
const CASES = ['mini'];

describe.each(CASES)('golden output of %s.yaml', (name) => {
  const tmp = tempDir();
  beforeAll(async () => {
    await generate({ spec: join(FIXTURES, `${name}.yaml`), out: tmp.dir, cacheDir: false, parallel: false });
  });
  afterAll(() => tmp.cleanup());

  it('writes the same set of files as the golden directory', () => {
    expect(listFiles(tmp.dir)).toEqual(listFiles(join(FIXTURES, `${name}.golden`)));
  });

  it.each(listFiles(join(FIXTURES, `${name}.golden`)))('%s matches its golden file', async (file) => {
    await expect(readFileSync(join(tmp.dir, file), 'utf8')).toMatchFileSnapshot(join(FIXTURES, `${name}.golden`, file));
  });
});
