import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresBaseUrl, withSearchPath } from '../support/postgres.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { runCli, type CliResult } from './run-cli.js';

/** The project's rule for bad input: exit 1, nothing on stdout, exactly one line on stderr, and it ended by itself. */
function expectOneLineError(result: CliResult, line: RegExp): void {
  expect(result.signal, 'the CLI hung and was killed').toBeNull();
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr).toMatch(line);
}

describe('hookspec CLI: bad input is one line and a non-zero exit', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('usage errors (unknown option, missing value, invalid value, missing argument) are one line naming the command', async () => {
    expectOneLineError(await runCli(['events', '--limit', 'abc']), /^hookspec events: option '--limit <n>' argument 'abc' is invalid: must be .*\(see hookspec events --help\)\n$/);
    expectOneLineError(await runCli(['events', '--bogus']), /^hookspec events: unknown option '--bogus'/);
    expectOneLineError(await runCli(['events', '--since']), /^hookspec events: option '--since <time>' argument missing/);
    expectOneLineError(await runCli(['retry']), /^hookspec retry: missing required argument 'delivery-id'/);
    expectOneLineError(await runCli(['recover', 'sub_1']), /^hookspec recover: required option '--since <time>' not specified/);
    expectOneLineError(await runCli(['serve', '--port', '-1']), /^hookspec serve: option '--port <port>' argument '-1' is invalid/);
    expectOneLineError(await runCli(['frobnicate']), /^hookspec: unknown command 'frobnicate'/);
  });

  it('--limit is checked against the API range before anything is sent', async () => {
    // Unreachable server: a value that got through would fail with "could not reach" instead.
    const url = 'http://127.0.0.1:2';
    for (const bad of ['101', '1e1', '0x10', ' 5']) {
      expectOneLineError(await runCli(['events', '--limit', bad, '--url', url, '--api-key', 'k']), /^hookspec events: option '--limit <n>' argument '.*' is invalid: must be an integer from 1 to 100/);
    }
    expectOneLineError(await runCli(['refusals', '--limit', '500', '--url', url, '--api-key', 'k']), /^hookspec refusals: option '--limit <n>'/);
  });

  it('--since rejects days the calendar lacks and times out of range, naming the option', async () => {
    const url = 'http://127.0.0.1:2';
    expectOneLineError(await runCli(['events', '--since', '2026-02-30', '--url', url, '--api-key', 'k']), /^hookspec events: option '--since <time>' argument '2026-02-30' is invalid: 2026-02-30 is not a day/);
    expectOneLineError(await runCli(['events', '--since', '999999999d', '--url', url, '--api-key', 'k']), /^hookspec events: option '--since <time>' argument '999999999d' is invalid: must be a time between/);
    expectOneLineError(await runCli(['recover', 'sub_1', '--since', '99999999d', '--url', url, '--api-key', 'k']), /^hookspec recover: option '--since <time>'/);
  });

  it('a server on a port fetch refuses (6000, X11) is named as such, not as fetch\'s bare "bad port"', async () => {
    expectOneLineError(await runCli(['events', '--url', 'http://127.0.0.1:6000', '--api-key', 'k']),
      /^hookspec: listing events: could not reach the server \(its port is on the Fetch standard's list of blocked ports, which fetch will not connect to; use another\)\n$/);
    expectOneLineError(await runCli(['trigger', 'ping', '--to', 'http://127.0.0.1:6000/hooks', '--secret', 'whsec_dGVzdC1zZWNyZXQtZm9yLXRyaWdnZXI=']),
      /^hookspec: could not reach http:\/\/127\.0\.0\.1:6000\/hooks: port 6000 is on the Fetch standard's list of blocked ports/);
  });

  it('--url and the API key are checked before the call, naming where they came from', async () => {
    expectOneLineError(await runCli(['events', '--url', 'ftp://example.org', '--api-key', 'k']), /^hookspec: --url must be an http or https URL \(got "ftp:\/\/example\.org"\)\n$/);
    expectOneLineError(await runCli(['events', '--api-key', 'k'], { HOOKSPEC_URL: 'localhost:3000' }), /^hookspec: HOOKSPEC_URL must be an http or https URL/);
    expectOneLineError(await runCli(['events', '--api-key', 'k'], { HOOKSPEC_URL: 'nope' }), /^hookspec: HOOKSPEC_URL must be an absolute http\(s\) URL \(got "nope"\)/);
    expectOneLineError(await runCli(['events', '--url', 'http://u:p@127.0.0.1:2', '--api-key', 'k']), /^hookspec: --url must not carry credentials/);
    expectOneLineError(await runCli(['events', '--url', 'http://127.0.0.1:2/?x=1', '--api-key', 'k']), /^hookspec: --url must be the server's base URL, without \? or #/);
    expectOneLineError(await runCli(['events', '--url', 'http://127.0.0.1:2', '--api-key', 'k\u2713']), /^hookspec: --api-key has control or non-Latin-1 characters/);
    expectOneLineError(await runCli(['events', '--url', 'http://127.0.0.1:2'], { HOOKSPEC_API_KEY: 'k\u0007' }), /^hookspec: HOOKSPEC_API_KEY has control/);
  });

  it('trigger refuses a whsec_ secret without valid base64 instead of signing with a key nobody has', async () => {
    const to = 'http://127.0.0.1:2/hooks';
    expectOneLineError(await runCli(['trigger', 'order.created', '--to', to, '--secret', 'whsec_']), /^hookspec: --secret must be a Standard Webhooks secret: whsec_ followed by base64\n$/);
    expectOneLineError(await runCli(['trigger', 'order.created', '--to', to, '--secret', 'whsec_!!!notbase64']), /^hookspec: --secret must be/);
    expectOneLineError(await runCli(['trigger', 'order.created', '--to', to], { HOOKSPEC_TRIGGER_SECRET: 'whsec_a' }), /^hookspec: HOOKSPEC_TRIGGER_SECRET must be/);
  });

  it('prune does not create a database at a mistyped path, and refuses a --days no date can hold', async () => {
    const typo = join(tmp.dir, 'typo', 'hookspec.db');
    expectOneLineError(await runCli(['prune', '--dry-run', '--database-url', `sqlite:${typo}`]), /^hookspec: no database at .*typo\/hookspec\.db \(--database-url\); nothing to prune\n$/);
    expect(existsSync(join(tmp.dir, 'typo'))).toBe(false);
    expectOneLineError(await runCli(['prune', '--dry-run'], { DATABASE_URL: `sqlite:${typo}` }), /^hookspec: no database at .* \(DATABASE_URL\)/);
    const url = sqliteUrl(tmp.dir);
    expect((await runCli(['migrate', '--database-url', url])).code).toBe(0);
    expectOneLineError(await runCli(['prune', '--dry-run', '--days', '999999999', '--database-url', url]), /^hookspec prune: option '--days <days>' argument '999999999' is invalid: must be at most 100000/);
    expectOneLineError(await runCli(['prune', '--dry-run', '--database-url', url], { HOOKSPEC_RETENTION_DAYS: '999999999' }), /^hookspec: HOOKSPEC_RETENTION_DAYS must be at most 100000/);
  });

  it('migrate names the setting its database URL came from, and fails at once where no directory can be made', async () => {
    expectOneLineError(await runCli(['migrate', '--database-url', 'sqlite:/proc/hookspec-nope/x.db']), /^hookspec: cannot create the directory of the SQLite database \/proc\/hookspec-nope\/x\.db: ENOENT.* \(--database-url\)\n$/);
    expectOneLineError(await runCli(['migrate'], { DATABASE_URL: 'postgres://127.0.0.1:2/nope' }), /^hookspec: PostgreSQL at 127\.0\.0\.1:2\/nope does not answer: .* \(DATABASE_URL\)\n$/);
    expectOneLineError(await runCli(['migrate'], { DATABASE_URL: 'mysql://x' }), /^hookspec: DATABASE_URL must start with sqlite: or postgres:\/\/ \(got "mysql:\/\/x"\)\n$/);
  });

  it('generate names a spec it cannot read, without a line number it never read', async () => {
    const out = join(tmp.dir, 'out');
    expectOneLineError(await runCli(['generate', '--spec', join(tmp.dir, 'nope.yaml'), '--out', out]), /^hookspec: .*nope\.yaml does not exist \(--spec\)\n$/);
    mkdirSync(join(tmp.dir, 'spec.yaml'));
    expectOneLineError(await runCli(['generate', '--spec', join(tmp.dir, 'spec.yaml'), '--out', out]), /^hookspec: .*spec\.yaml is not a file \(--spec\)\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('lint rejects an unknown --format itself, and applies redocly.yaml when run from another directory', async () => {
    expectOneLineError(await runCli(['lint', 'openapi.yaml', '--format', 'nope']), /^hookspec lint: option '--format <format>' argument 'nope' is invalid: Allowed choices are stylish, /);
    // A webhook without a 4xx response: the recommended rules let it pass, redocly.yaml makes it an error.
    const spec = join(tmp.dir, 'webhook.yaml');
    writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: t, version: '1', license: { name: MIT, url: https://example.org } }
servers: [{ url: https://example.org }]
security: []
paths: {}
webhooks:
  a.b:
    post:
      operationId: ab
      summary: s
      description: d
      responses:
        '200': { description: ok }
`,
    );
    const elsewhere = await runCli(['lint', spec, '--format', 'json'], {}, { cwd: tmp.dir, timeoutMs: 60_000 });
    expect(elsewhere.code, elsewhere.stdout + elsewhere.stderr).toBe(1);
    expect(elsewhere.stdout).toContain('operation-4xx-response');
  });
});

describe.skipIf(!postgresBaseUrl())('hookspec migrate on PostgreSQL: what is missing is named, with how to create it', () => {
  const base = postgresBaseUrl()!;
  const name = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

  it('a schema in search_path that does not exist (the own-schema recipe before CREATE SCHEMA)', async () => {
    const schema = name('hs_missing_');
    expectOneLineError(await runCli(['migrate', '--database-url', withSearchPath(base, schema)]),
      new RegExp(`^hookspec: PostgreSQL: schema ${schema} in search_path does not exist; create it first \\(CREATE SCHEMA ${schema}\\) \\(--database-url\\)\n$`));
  });

  it('a database or role the server does not have: it answered, so not "does not answer"', async () => {
    const database = name('hs_missing_db_');
    const noDatabase = new URL(base);
    noDatabase.pathname = `/${database}`;
    expectOneLineError(await runCli(['migrate'], { DATABASE_URL: noDatabase.href }),
      new RegExp(`^hookspec: PostgreSQL at \\S+/${database}: database "${database}" does not exist; create it first \\(CREATE DATABASE ${database}\\) \\(DATABASE_URL\\)\n$`));
    const role = name('hs_missing_role_');
    const noRole = new URL(base);
    noRole.username = role;
    expectOneLineError(await runCli(['migrate', '--database-url', noRole.href]),
      new RegExp(`^hookspec: PostgreSQL at ${role}@\\S+ refused the connection: .*"${role}".* \\(--database-url\\)\n$`));
  });
});

describe('hookspec CLI: the process never hangs', () => {
  let silent: Server;
  let silentUrl: string;
  const sockets = new Set<Socket>();
  let busy: HttpServer;
  let busyPort: number;
  let tmp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => {});
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    busy = createHttpServer((_req, res) => res.end());
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as AddressInfo).port;
    tmp = makeTempDir();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
    await new Promise<void>((r) => busy.close(() => r()));
    tmp.cleanup();
  });

  it('an API command gives up on a server that never answers (--timeout)', async () => {
    const started = Date.now();
    const result = await runCli(['events', '--url', silentUrl, '--api-key', 'k', '--timeout', '1'], {}, { timeoutMs: 15_000 });
    expectOneLineError(result, /^hookspec: listing events: no answer from the server within 1 s \(--timeout\)\n$/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expectOneLineError(await runCli(['events', '--timeout', '0', '--api-key', 'k']), /^hookspec events: option '--timeout <seconds>' argument '0' is invalid/);
  });

  it('serve exits 1 when its port is taken, naming the flag, instead of staying up half-started', async () => {
    const result = await runCli(['serve', '--host', '127.0.0.1', '--port', String(busyPort)], { DATABASE_URL: sqliteUrl(tmp.dir) }, { timeoutMs: 15_000 });
    expectOneLineError(result, new RegExp(`^hookspec: port ${busyPort} on 127\\.0\\.0\\.1 is already in use: pass a free --port\\n$`));
  });
});
