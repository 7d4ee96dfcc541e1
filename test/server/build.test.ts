import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, post, SECRETS, signed } from '../inbound/support/harness.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

// `make run` serves the compiled build (scripts/build.ts), not the sources under tsx: this runs that build for real.
const ROOT = join(import.meta.dirname, '..', '..');
// Inside the project, so the compiled files resolve node_modules as build/ does.
const OUT = join(ROOT, '.hookspec-cache', `build-test-${process.pid}`);
const tmp = makeTempDir('hookspec-build-');
const auth = { authorization: 'Bearer build-test-key' };
let server: SpawnedServer | undefined;

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), OUT], { cwd: ROOT });
  server = await spawnServer({
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_API_KEY: 'build-test-key',
    GITHUB_WEBHOOK_SECRET: SECRETS.github,
    HOOKSPEC_INBOUND_POLL_MS: '50',
  }, { entry: join(OUT, 'src', 'main.js') });
}, 90_000);

afterAll(async () => {
  await server?.stop();
  rmSync(OUT, { recursive: true, force: true });
  tmp.cleanup();
});

describe('the compiled server (make build)', () => {
  it('holds JavaScript only, except the console sources it bundles on first request', () => {
    const typescript = files(join(OUT, 'src')).filter((f) => f.endsWith('.ts') && !f.includes(join('console', 'app')));
    expect(typescript).toEqual([]);
    expect(existsSync(join(OUT, 'src', 'handlers', 'github.push.js'))).toBe(true);
    expect(existsSync(join(OUT, 'generated', 'catalog.json'))).toBe(true);
  });

  it('runs without tsx: a signed push is stored, then its compiled handler runs it to processed', async () => {
    const res = await post(server!.url, await signed.github(fixture('github-push.json'), 'push', 'build-1'));
    expect(res.status).toBe(200);
    // "processed" needs build/src/handlers/github.push.js: the default handlers directory follows the running code.
    await expect.poll(async () => {
      const one = await fetch(`${server!.url}/v1/inbound/${res.body.id}`, { headers: auth });
      return ((await one.json()) as { status: string }).status;
    }, { timeout: 15_000 }).toBe('processed');
  });

  it('serves the management API, its validation, the docs and the console from the copied assets', async () => {
    expect((await fetch(`${server!.url}/v1/inbound?limit=0`, { headers: auth })).status).toBe(400);
    const types = await fetch(`${server!.url}/v1/event-types`, { headers: auth });
    expect(types.status).toBe(200);
    expect((await fetch(`${server!.url}/console/`)).status).toBe(200);
    const app = await fetch(`${server!.url}/console/app.js`);
    expect(app.status).toBe(200);
    expect((await app.text()).length).toBeGreaterThan(1000);
    expect((await fetch(`${server!.url}/docs`)).status).toBe(200);
  });
});
