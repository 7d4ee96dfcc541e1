import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { startRecordingSubscriber, waitUntil, type RecordingSubscriber } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KEY = 'roles-test-key';

/** `hookspec serve --role worker` through the real CLI (the flag must win over the environment). */
async function spawnCliWorker(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'hookspec.js'), 'serve', '--role', 'worker', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, VITEST: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited early:\n${output}`);
      return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    },
    20_000,
    () => output,
  );
  return { url, child, output: () => output };
}

describe('roles: an API node that does not deliver, a worker that serves nothing but ops routes', () => {
  const tmp = makeTempDir('hookspec-roles-');
  let api: SpawnedServer;
  let worker: Awaited<ReturnType<typeof spawnCliWorker>> | undefined;
  let subscriber: RecordingSubscriber;
  const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    subscriber = await startRecordingSubscriber('roles');
    const env = {
      DATABASE_URL: sqliteUrl(tmp.dir),
      HOOKSPEC_API_KEY: KEY,
      HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKSPEC_POLL_INTERVAL_MS: '50',
      GITHUB_WEBHOOK_SECRET: 'roles-secret',
    };
    api = await spawnServer({ ...env, HOOKSPEC_ROLE: 'api' });
    // The environment says `api`; the CLI flag must make it a worker all the same.
    worker = await spawnCliWorker({ ...env, HOOKSPEC_ROLE: 'api' });
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    worker?.child.kill('SIGKILL');
    await subscriber?.close();
    tmp.cleanup();
  });

  it('publishes on the API node, delivers only from the worker, and keeps /v1 and receivers off the worker', async () => {
    // The worker is stopped while the API node publishes, to show the API node itself never delivers.
    worker!.child.kill('SIGSTOP');
    const created = await fetch(`${api.url}/v1/subscriptions`, { method: 'POST', headers: auth, body: JSON.stringify({ url: subscriber.url, events: ['ping'] }) });
    expect(created.status).toBe(201);
    const published = await fetch(`${api.url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'ping', data: { message: 'roles' } }) });
    expect(published.status).toBe(202);
    const { id } = (await published.json()) as { id: string };
    await new Promise((r) => setTimeout(r, 1_000));
    expect(subscriber.hits).toEqual([]);

    worker!.child.kill('SIGCONT');
    await waitUntil(() => subscriber.hits.length === 1, 15_000, () => worker!.output());
    expect(subscriber.hits[0]!.webhookId).toBe(id);

    for (const path of ['/healthz', '/readyz', '/metrics']) expect((await fetch(`${worker!.url}${path}`)).status, path).toBe(200);
    const v1 = await fetch(`${worker!.url}/v1/subscriptions`, { headers: auth });
    expect(v1.status).toBe(404);
    expect(v1.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await v1.json()) as { detail: string }).detail).toMatch(/role worker/);
    expect((await fetch(`${worker!.url}/webhooks/github`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${worker!.url}/console`)).status).toBe(404);
  }, 60_000);
});
