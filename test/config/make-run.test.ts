import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectFatalStartup } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = makeTempDir('hookspec-make-run-');
// Stands in for node on PATH: says which address and key `make run` would have started the server with.
const FAKE_NODE = join(tmp.dir, 'node');
writeFileSync(FAKE_NODE, '#!/bin/sh\necho "server HOST=${HOST-unset} HOOKSPEC_API_KEY=$HOOKSPEC_API_KEY"\n');
chmodSync(FAKE_NODE, 0o755);

afterAll(() => tmp.cleanup());

/** `make run` (without its build step) through bash, in an environment holding only PATH and `env`. */
function makeRun(env: Record<string, string>, before = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  // stdin not a socket: bash would take itself for a remote shell and read ~/.bashrc.
  const child = spawn('bash', ['-c', `${before}exec make --no-print-directory -s -o build run`], { cwd: ROOT, env: { PATH: `${tmp.dir}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

describe('make run without HOOKSPEC_API_KEY: the development key on loopback only', () => {
  it.each([
    ['HOST unset', {}, '127.0.0.1'],
    ['HOST empty', { HOST: '' }, '127.0.0.1'],
    ['HOST=127.0.0.1', { HOST: '127.0.0.1' }, '127.0.0.1'],
    ['HOST=::1', { HOST: '::1' }, '::1'],
    ['HOST=localhost', { HOST: 'localhost' }, 'localhost'],
  ])('%s: says so, and starts on %s', async (_name, env, host) => {
    const { code, stdout } = await makeRun(env);
    expect(code).toBe(0);
    expect(stdout).toBe(`hookspec: HOOKSPEC_API_KEY is not set; using the development key 'dev-key', listening on ${host} (loopback) only\nserver HOST=${host} HOOKSPEC_API_KEY=dev-key\n`);
  });

  it.each(['0.0.0.0', '::', '192.168.1.5', 'example.com', '127.0.0.1.example.com'])('HOST=%s: refuses in one line naming HOOKSPEC_API_KEY, and starts nothing', async (host) => {
    const { code, stdout, stderr } = await makeRun({ HOST: host, HOOKSPEC_API_KEY: '' });
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(`hookspec: HOST=${host} is not a loopback address: set HOOKSPEC_API_KEY (the development key 'dev-key', used without it, is for loopback only), or unset HOST`);
  });

  it('with a key, HOST is the operator\'s: unset (the server\'s 0.0.0.0) or any address', async () => {
    expect((await makeRun({ HOOKSPEC_API_KEY: 'k' })).stdout).toBe('server HOST=unset HOOKSPEC_API_KEY=k\n');
    expect((await makeRun({ HOOKSPEC_API_KEY: 'k', HOST: '0.0.0.0' })).stdout).toBe('server HOST=0.0.0.0 HOOKSPEC_API_KEY=k\n');
  });
});

describe('the README\'s workflow: cp .env.example .env; set -a; . ./.env; set +a; make run', () => {
  it('.env.example as it is starts on loopback with the development key', async () => {
    const { code, stdout } = await makeRun({}, 'set -a; . ./.env.example; set +a; ');
    expect(code).toBe(0);
    expect(stdout).toContain('\nserver HOST=127.0.0.1 HOOKSPEC_API_KEY=dev-key\n');
  });

  it('.env, where the secrets go, is ignored by git (.env.example is not)', () => {
    expect(execFileSync('git', ['check-ignore', '--no-index', '.env'], { cwd: ROOT, encoding: 'utf8' })).toBe('.env\n');
    expect(() => execFileSync('git', ['check-ignore', '--no-index', '-q', '.env.example'], { cwd: ROOT })).toThrow();
  });
});

describe('the server make run starts (src/main.ts)', () => {
  it('names HOST when its address cannot be listened on, as `hookspec serve` does', async () => {
    await expectFatalStartup({ DATABASE_URL: sqliteUrl(tmp.dir), HOST: 'foo.invalid', PORT: '0' }, /^startup failed: cannot listen on foo\.invalid \(HOST\): getaddrinfo (ENOTFOUND|EAI_AGAIN) foo\.invalid$/);
  });

  it('names HOST for an address this host does not have', async () => {
    await expectFatalStartup({ DATABASE_URL: sqliteUrl(tmp.dir), HOST: '192.0.2.1', PORT: '0' }, /^startup failed: cannot listen on 192\.0\.2\.1 \(HOST\): listen EADDRNOTAVAIL/);
  });
});
