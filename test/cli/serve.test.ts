import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'hookspec.js');
const API_KEY = 'serve-test-key';

/** Starts `hookspec serve` and resolves with its URL once it says where it listens. */
function serve(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    env: { ...process.env, VITEST: '', LOG_LEVEL: 'warn', HOOKSPEC_API_KEY: API_KEY, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 20_000);
    child.stderr!.on('data', (d) => {
      err += d;
      const match = /listening on (http:\/\/\S+) \(role (\w+)\)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
}

describe('hookspec serve', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    tmp.cleanup();
  });

  it('--role api serves the API; SIGTERM exits 0', async () => {
    const started = await serve(['--role', 'api'], { DATABASE_URL: sqliteUrl(tmp.dir) });
    child = started.child;
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${started.url}/v1/events`, { headers: { authorization: `Bearer ${API_KEY}` } })).status).toBe(200);
    // No delivery worker here, so readiness does not depend on one.
    const ready = (await (await fetch(`${started.url}/readyz`)).json()) as { checks: Record<string, string> };
    expect(ready.checks).toEqual({ database: 'ok', migrations: 'ok', disk: 'ok' });
    child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('--role worker serves only the ops routes', async () => {
    const started = await serve(['--role', 'worker'], { DATABASE_URL: sqliteUrl(tmp.dir) });
    child = started.child;
    const ready = await fetch(`${started.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks).toEqual({ database: 'ok', migrations: 'ok', worker: 'ok', disk: 'ok' });
    expect((await fetch(`${started.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${started.url}/v1/events`, { headers: { authorization: `Bearer ${API_KEY}` } })).status).toBe(404);
    child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});
