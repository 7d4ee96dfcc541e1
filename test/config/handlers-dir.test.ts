import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { expectFatalStartup, spawnServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = makeTempDir('hookspec-handlers-dir-');
const missing = join(tmp.dir, 'no-such-dir');

afterAll(() => tmp.cleanup());

describe('HOOKSPEC_HANDLERS_DIR is checked at start, not at the first delivery', () => {
  it.each([
    ['a directory that does not exist', missing, `ENOENT: no such file or directory, scandir '${missing}'`],
    ['a file', join(ROOT, 'package.json'), `ENOTDIR: not a directory, scandir '${join(ROOT, 'package.json')}'`],
  ])('%s: one line naming the variable', (_name, dir, cause) => {
    expect(() => loadConfig({ HOOKSPEC_HANDLERS_DIR: dir })).toThrow(new Error(`HOOKSPEC_HANDLERS_DIR must be a directory this process can read (got "${dir}": ${cause})`));
  });

  it('takes an existing directory, relative ones from the working directory as the dispatcher reads them', () => {
    expect(loadConfig({ HOOKSPEC_HANDLERS_DIR: tmp.dir }).inbound.handlersDir).toBe(tmp.dir);
    expect(loadConfig({ HOOKSPEC_HANDLERS_DIR: relative(process.cwd(), join(ROOT, 'src', 'handlers')) }).inbound.handlersDir).toBe(relative(process.cwd(), join(ROOT, 'src', 'handlers')));
  });

  it('under tsx, a directory of .ts handlers is fine', () => {
    expect(loadConfig({ HOOKSPEC_HANDLERS_DIR: join(ROOT, 'src', 'handlers') }).inbound.handlersDir).toBe(join(ROOT, 'src', 'handlers'));
  });

  it('stops `make run`\'s server with one fatal line', async () => {
    await expectFatalStartup({ DATABASE_URL: sqliteUrl(tmp.dir), HOOKSPEC_HANDLERS_DIR: missing, PORT: '0' }, /^startup failed: HOOKSPEC_HANDLERS_DIR must be a directory this process can read \(got ".*no-such-dir": ENOENT/);
  });
});

describe('the compiled server (make build) with HOOKSPEC_HANDLERS_DIR at .ts handlers only', () => {
  // Inside the project, so the compiled files resolve node_modules as build/ does.
  const OUT = join(ROOT, '.hookspec-cache', `handlers-dir-test-${process.pid}`);
  const tsOnly = join(tmp.dir, 'ts-handlers');

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), OUT], { cwd: ROOT });
    mkdirSync(tsOnly);
    writeFileSync(join(tsOnly, 'ping.ts'), 'export default {};\n');
  }, 90_000);

  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  /** Runs the compiled main.js to its exit (or kills it after 15 s: it started, which is the failure). */
  function runCompiled(handlersDir: string): Promise<{ code: number | null; stdout: string }> {
    return new Promise((resolve) => {
      const env = { ...process.env, VITEST: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: sqliteUrl(tmp.dir, 'compiled.db'), HOOKSPEC_HANDLERS_DIR: handlersDir };
      execFile(process.execPath, [join(OUT, 'src', 'main.js')], { env, timeout: 15_000 }, (err, stdout) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout }));
    });
  }

  it('refuses to start, saying what to do, instead of failing every delivery later', async () => {
    const { code, stdout } = await runCompiled(tsOnly);
    expect(code).toBe(1);
    const line = JSON.parse(stdout.trim()) as { level: number; msg: string };
    expect(line).toMatchObject({ level: 60, msg: `startup failed: HOOKSPEC_HANDLERS_DIR (${tsOnly}) holds TypeScript handlers, which this compiled server cannot load: point it at their compiled .js (build/src/handlers after \`make build\`), unset it, or run the server under tsx` });
  }, 30_000);

  it('starts with a directory of compiled handlers', async () => {
    const server = await spawnServer({ DATABASE_URL: sqliteUrl(tmp.dir, 'started.db'), HOOKSPEC_HANDLERS_DIR: join(OUT, 'src', 'handlers') }, { entry: join(OUT, 'src', 'main.js') });
    expect(await server.stop()).toBe(0);
  }, 30_000);
});
