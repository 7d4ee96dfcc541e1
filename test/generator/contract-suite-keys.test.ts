import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { FIXTURES, tempDir } from './helpers.js';

/** A case added to the spec adds lines to the generated suite; it does not rewrite the others (cases are found by key). */
describe('generated contract suite', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  const suiteOf = async (spec: string, name: string): Promise<string[]> => {
    // The same file name in both runs: it is in the generated header.
    mkdirSync(join(tmp.dir, name));
    const file = join(tmp.dir, name, 'openapi.yaml');
    writeFileSync(file, spec);
    await generate({ spec: file, out: join(tmp.dir, name, 'out'), cacheDir: false, parallel: false });
    return readFileSync(join(tmp.dir, name, 'out', 'contract', 'suite.ts'), 'utf8').split('\n');
  };

  it('keeps every existing line when a webhook that sorts first is added', async () => {
    const mini = readFileSync(join(FIXTURES, 'mini.yaml'), 'utf8');
    const added = mini.replace(
      /^webhooks:\n/m,
      `webhooks:
  aaa.first:
    post:
      operationId: aaaFirst
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, properties: { n: { type: integer } } }
            example: { n: 1 }
      responses:
        '200': { description: ok }
`,
    );
    expect(added).not.toBe(mini);
    const before = await suiteOf(mini, 'before');
    const after = await suiteOf(added, 'after');
    expect(before.filter((line) => !after.includes(line))).toEqual([]);
    expect(after.filter((line) => !before.includes(line)).some((line) => line.includes('aaa.first'))).toBe(true);
  });
});
