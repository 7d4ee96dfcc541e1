import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

describe('health, readiness and metrics', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;

  beforeEach(async () => {
    tmp = makeTempDir();
    const config = loadConfig({ DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: 'test-key', HOOKSPEC_PRUNE_INTERVAL_MS: '0' });
    running = await startHookspec(config);
  });

  afterEach(async () => {
    await running.close().catch(() => {});
    tmp.cleanup();
  });

  it('GET /healthz answers 200 without checking anything', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 naming each check when the database answers and migrations are applied', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('ready');
    expect(body.checks.database).toBe('ok');
    expect(body.checks.migrations).toBe('ok');
    // This process runs the delivery worker (role all), so readiness includes it.
    expect(body.checks.worker).toBe('ok');
    // A database file on a disk with room (HOOKSPEC_READY_MIN_FREE_MB, 64 MiB by default).
    expect(body.checks.disk).toBe('ok');
  });

  it('GET /readyz answers 503 problem+json when the database is unreachable', async () => {
    await running.store.close();
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { status: number; code: string; detail: string; checks: Record<string, string> };
    expect(problem.status).toBe(503);
    expect(problem.code).toBe('not_ready');
    expect(problem.checks.database).not.toBe('ok');
    expect(problem.detail).toMatch(/database/);
  });

  it('GET /readyz answers 503 naming a migration the database has not recorded', async () => {
    const db = new Database(join(tmp.dir, 'hookspec.db'));
    db.prepare("DELETE FROM schema_migrations WHERE version = '001_core'").run();
    db.close();
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(503);
    const problem = (await res.json()) as { checks: Record<string, string> };
    expect(problem.checks.database).toBe('ok');
    expect(problem.checks.migrations).toBe('pending: 001_core');
  });

  it('GET /metrics answers the Prometheus text format with process metrics', async () => {
    const res = await fetch(`${running.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP hookspec_process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^# TYPE hookspec_nodejs_eventloop_lag_seconds gauge$/m);
  });

  it('another method on a probe, /openapi.json, /docs or the console answers 405 naming GET and HEAD, as problem+json', async () => {
    const paths = [['PUT', '/healthz'], ['POST', '/readyz'], ['DELETE', '/metrics'], ['POST', '/openapi.json'], ['PATCH', '/docs']];
    // The console's files too (they answered 404 to another method).
    paths.push(['POST', '/console/'], ['PUT', '/console/app.js'], ['DELETE', '/console/style.css']);
    for (const [method, path] of paths) {
      const res = await fetch(`${running.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ code: 'method_not_allowed', detail: `${method} is not allowed on ${path}; it answers GET, HEAD` });
    }
    expect((await fetch(`${running.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
    // Framing is refused both ways, CSP frame-ancestors and X-Frame-Options for older browsers.
    expect((await fetch(`${running.url}/console/`)).headers.get('x-frame-options')).toBe('DENY');
  });

  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const given = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const invented = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
