import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { cli, FIXTURES, tempDir } from './helpers.js';

const SPEC = join(FIXTURES, 'mini.yaml');

describe('handler scaffolds', () => {
  const tmp = tempDir();
  const out = join(tmp.dir, 'generated');
  const handlers = join(tmp.dir, 'src', 'handlers');
  afterAll(() => tmp.cleanup());

  it('writes one stub per webhook, importing the generated module by a relative path', async () => {
    const result = await generate({ spec: SPEC, out, handlers, cacheDir: join(tmp.dir, 'cache'), parallel: false });
    expect(readdirSync(handlers).sort()).toEqual(['ping.ts', 'thing.created.ts']);
    expect(result.scaffolds).toHaveLength(2);
    const stub = readFileSync(join(handlers, 'thing.created.ts'), 'utf8');
    expect(stub).toContain("import { defineEventHandler } from '../../generated/handlers.js';");
    expect(stub).toContain("export default defineEventHandler('thing.created', async (event) => {");
  });

  it('never overwrites a hand-written handler, and re-creates only a deleted one (cached run too)', async () => {
    writeFileSync(join(handlers, 'ping.ts'), '// mine\n');
    rmSync(join(handlers, 'thing.created.ts'));
    const result = await generate({ spec: SPEC, out, handlers, cacheDir: join(tmp.dir, 'cache'), parallel: false });
    expect(result.cached).toBe(true);
    expect(result.scaffolds.map((f) => f.split('/').pop())).toEqual(['thing.created.ts']);
    expect(readFileSync(join(handlers, 'ping.ts'), 'utf8')).toBe('// mine\n');
  });

  it('writes no scaffolds unless a handlers directory is given, nor with --check', async () => {
    const other = await generate({ spec: SPEC, out: join(tmp.dir, 'other'), cacheDir: false, parallel: false });
    expect(other.scaffolds).toEqual([]);
    rmSync(join(handlers, 'ping.ts'));
    await generate({ spec: SPEC, out, handlers, cacheDir: false, check: true, parallel: false });
    expect(existsSync(join(handlers, 'ping.ts'))).toBe(false);
  });

  it('refuses webhook names the dispatcher could not load a handler for, or whose files collide but for case', async () => {
    const spec = (names: string[]) => {
      const file = join(tmp.dir, `names-${names.length}-${names[0]!.length}.yaml`);
      const webhooks = names
        .map((n) => `  ${JSON.stringify(n)}:\n    post:\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses: { '200': { description: ok } }`)
        .join('\n');
      writeFileSync(file, `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths: {}\nwebhooks:\n${webhooks}\n`);
      return file;
    };
    const dir = join(tmp.dir, 'names-handlers');
    const run = (file: string, withHandlers = true) =>
      generate({ spec: file, out: join(tmp.dir, 'names-out'), ...(withHandlers ? { handlers: dir } : {}), cacheDir: false, parallel: false });
    await expect(run(spec(['café.created']))).rejects.toThrow(/#\/webhooks\/café\.created: "café\.created" cannot name a handler file/);
    await expect(run(spec(['Order.created', 'order.created']))).rejects.toThrow(/"order\.created" and "Order\.created" differ only in case/);
    expect(existsSync(dir)).toBe(false);
    // Without handlers to scaffold, the same names are fine.
    await expect(run(spec(['café.created']), false)).resolves.toMatchObject({ scaffolds: [] });
  });

  it('reports handler files that match no webhook (renamed or removed), never helpers, never deleting, cached or not', async () => {
    const dir = join(tmp.dir, 'stale-handlers');
    const run = (cacheDir: string | false, check = false) => generate({ spec: SPEC, out: join(tmp.dir, 'stale-out'), handlers: dir, cacheDir, check, parallel: false });
    await run(false);
    const handler = (name: string) => `import { defineEventHandler } from '../generated/handlers.js';\nexport default defineEventHandler('${name}', async () => {});\n`;
    writeFileSync(join(dir, 'thing.deleted.ts'), handler('thing.deleted'));
    writeFileSync(join(dir, 'Ping.ts'), handler('ping'));
    writeFileSync(join(dir, 'legacy.mjs'), handler('legacy'));
    // Not per-event handlers: an index, a helper, a declaration file; and a handler under its webhook's name in .js.
    writeFileSync(join(dir, 'index.ts'), "export { default as ping } from './ping.js';\n");
    writeFileSync(join(dir, 'shared.ts'), 'export const log = (s: string) => s;\n');
    writeFileSync(join(dir, 'types.d.ts'), 'declare function defineEventHandler(name: string): void;\n');
    writeFileSync(join(dir, 'thing.created.js'), handler('thing.created'));
    const want = [{ file: expect.stringMatching(/stale-handlers\/Ping\.ts$/), sameButCase: 'ping' }, { file: expect.stringMatching(/stale-handlers\/legacy\.mjs$/) }, { file: expect.stringMatching(/stale-handlers\/thing\.deleted\.ts$/) }];
    expect((await run(false)).staleHandlers).toEqual(want);
    const cache = join(tmp.dir, 'stale-cache');
    expect((await run(cache)).cached).toBe(false);
    await expect(run(cache)).resolves.toMatchObject({ cached: true, staleHandlers: want });
    await expect(run(false, true)).resolves.toMatchObject({ drift: [], staleHandlers: want });
    expect(readdirSync(dir)).toContain('thing.deleted.ts');
  });

  it('an unusable --handlers fails before generated/ is written, naming --handlers and the path, cached or not', async () => {
    const out = join(tmp.dir, 'blocked-out');
    mkdirSync(out);
    writeFileSync(join(out, 'aliases.ts'), '// old\n');
    const file = join(tmp.dir, 'blocked-handlers');
    writeFileSync(file, 'not a directory\n');
    const cache = join(tmp.dir, 'blocked-cache');
    // Prime the cache elsewhere, so the second run below takes the cached path.
    await generate({ spec: SPEC, out: join(tmp.dir, 'blocked-primed'), cacheDir: cache, parallel: false });
    for (const [handlers, cacheDir] of [[file, false], [file, cache], [join(file, 'sub'), false]] as const) {
      const error = await generate({ spec: SPEC, out, handlers, cacheDir, parallel: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^--handlers \S*blocked-handlers(\/sub)?: cannot create the directory \S*blocked-handlers(\/sub)?: a file is in the way.*; nothing was written$/);
      expect(message.split('\n')).toHaveLength(1);
      expect(readdirSync(out)).toEqual(['aliases.ts']);
      expect(readFileSync(join(out, 'aliases.ts'), 'utf8')).toBe('// old\n');
    }
    const { code, stderr } = await cli(['generate', '--spec', SPEC, '--out', out, '--handlers', file, '--no-cache']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^hookspec: --handlers \S*blocked-handlers: .*; nothing was written\n$/);
    expect(readdirSync(out)).toEqual(['aliases.ts']);
  });

  it('a directory in the way of one scaffold leaves generated/ and the other scaffolds unwritten', async () => {
    const out = join(tmp.dir, 'in-the-way-out');
    const dir = join(tmp.dir, 'in-the-way-handlers');
    // Sorted after ping.ts, so a file-by-file writer would already have written ping.ts.
    mkdirSync(join(dir, 'thing.created.ts'), { recursive: true });
    const error = await generate({ spec: SPEC, out, handlers: dir, cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^--handlers \S*in-the-way-handlers: cannot write \S*thing\.created\.ts: a directory is in the way; nothing was written$/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['thing.created.ts']);
  });

  it('prints one note per stale handler from the CLI, and --check still passes', async () => {
    const dir = join(tmp.dir, 'cli-handlers');
    const out = join(tmp.dir, 'cli-out');
    const args = ['generate', '--spec', SPEC, '--out', out, '--handlers', dir, '--cache-dir', join(tmp.dir, 'cli-cache')];
    expect((await cli(args)).code).toBe(0);
    writeFileSync(join(dir, 'thing.removed.ts'), readFileSync(join(dir, 'ping.ts'), 'utf8').replace("'ping'", "'thing.removed'"));
    const note = /^note: \S*cli-handlers\/thing\.removed\.ts matches no webhook in \S*mini\.yaml \(renamed or removed\?\); delete it or rename it$/m;
    const run = await cli(args);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(note);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const check = await cli([...args, '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('is up to date');
    expect(check.stderr).toMatch(note);
    expect(existsSync(join(dir, 'thing.removed.ts'))).toBe(true);
  });
});
