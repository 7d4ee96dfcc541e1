import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { runCli } from './run-cli.js';

const COMMANDS = ['generate', 'lint', 'serve', 'migrate', 'trigger', 'events', 'deliveries', 'retry', 'recover', 'prune'];

describe('hookspec CLI basics', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('lists every command in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (name) => {
    const { code, stdout } = await runCli([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: hookspec ${name}`);
  });

  it('--version and -V print the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await runCli([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
    }
  });

  it('an unknown command exits non-zero', async () => {
    const { code, stderr } = await runCli(['frobnicate']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('migrate applies pending migrations once and says which', async () => {
    const url = sqliteUrl(tmp.dir);
    const first = await runCli(['migrate'], { DATABASE_URL: url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied 001_core$/m);
    expect(first.stdout).toMatch(/^applied 030_retention$/m);
    const second = await runCli(['migrate', '--database-url', url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('No pending migrations.\n');
  });

  it('migrate reads an empty DATABASE_URL as unset (the default file), as the server does', async () => {
    const res = await runCli(['migrate'], { DATABASE_URL: '' }, { cwd: tmp.dir });
    expect(res.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'data', 'hookspec.db'))).toBe(true);
  });

  it('errors are one line on stderr with exit 1, no stack trace', async () => {
    const bad = await runCli(['migrate', '--database-url', 'mysql://nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('hookspec: --database-url must start with sqlite: or postgres:// (got "mysql://nope")\n');

    const noKey = await runCli(['events']);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toBe('hookspec: no API key: pass --api-key or set HOOKSPEC_API_KEY\n');

    const badSince = await runCli(['recover', 'sub_1', '--since', 'last tuesday', '--api-key', 'k']);
    expect(badSince.code).not.toBe(0);
    expect(badSince.stderr.split('\n')[0]).toMatch(/--since <time>' argument 'last tuesday' is invalid/);
  });

  it('a reader that closes early (| head) ends the CLI quietly with exit 0, not an EPIPE stack trace', async () => {
    const child = spawn(process.execPath, ['bin/hookspec.js', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('serve rejects an unknown role', async () => {
    const { code, stderr } = await runCli(['serve', '--role', 'everything']);
    expect(code).not.toBe(0);
    expect(stderr.split('\n')[0]).toMatch(/Allowed choices are api, worker, all/);
  });

  it('lint passes on the project spec and fails with one line on a missing file', async () => {
    const ok = await runCli(['lint', 'openapi.yaml']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const missing = await runCli(['lint', join(tmp.dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^hookspec: .*nope\.yaml does not exist\n$/);
  });

  it('lint runs redocly with REDOCLY_TELEMETRY=off, as make lint does, unless the user set it', async () => {
    // Preloaded into every node process of the run; the redocly one writes down the value it was given.
    const seen = join(tmp.dir, 'telemetry');
    const preload = join(tmp.dir, 'preload.cjs');
    writeFileSync(preload, `if (/@redocly[\\\\/]cli[\\\\/]bin[\\\\/]cli\\.js$/.test(process.argv[1] ?? '')) require('node:fs').writeFileSync(${JSON.stringify(seen)}, String(process.env.REDOCLY_TELEMETRY));\n`);
    const lint = async (telemetry: string | undefined) => {
      const result = await runCli(['lint', 'openapi.yaml'], { NODE_OPTIONS: `--require ${preload}`, REDOCLY_TELEMETRY: telemetry }, { timeoutMs: 60_000 });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(existsSync(seen), 'redocly did not run with the preload').toBe(true);
      return readFileSync(seen, 'utf8');
    };
    expect(await lint(undefined)).toBe('off');
    expect(await lint('on')).toBe('on');
  });

  it('prune --dry-run counts expired rows without deleting; prune deletes them', async () => {
    const url = sqliteUrl(tmp.dir);
    expect((await runCli(['migrate'], { DATABASE_URL: url })).code).toBe(0);
    const db = new Database(join(tmp.dir, 'hookspec.db'));
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    db.prepare("INSERT INTO events (id, type, data_json, created_at) VALUES ('evt_old', 'ping', '{}', ?)").run(old);
    db.prepare("INSERT INTO events (id, type, data_json, created_at) VALUES ('evt_new', 'ping', '{}', ?)").run(new Date().toISOString());

    const dry = await runCli(['prune', '--dry-run'], { DATABASE_URL: url });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Would delete \(older than 30 days/m);
    expect(dry.stdout).toMatch(/^ {2}events {6}1$/m);
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(2);

    const real = await runCli(['prune', '--days', '30'], { DATABASE_URL: url });
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^ {2}events {6}1$/m);
    expect(db.prepare('SELECT id FROM events').pluck().all()).toEqual(['evt_new']);
    db.close();
  });
});
