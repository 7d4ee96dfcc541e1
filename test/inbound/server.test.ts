import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { fixture, post, SECRETS, signed } from './support/harness.js';

// The receivers and /v1/inbound as the real composition root wires them (express + validator for /v1).
const tmp = makeTempDir('hookspec-inbound-server-');
let app: RunningHookspec;
const auth = { authorization: 'Bearer inbound-test-key' };

beforeAll(async () => {
  app = await startHookspec(loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_API_KEY: 'inbound-test-key',
    GITHUB_WEBHOOK_SECRET: SECRETS.github,
    HOOKSPEC_INBOUND_POLL_MS: '50',
  }));
});
afterAll(async () => {
  await app?.close();
  tmp.cleanup();
});

describe('receivers and /v1/inbound on the real server', () => {
  it('a signed push is acknowledged, logged, processed, listed, shown and replayed through /v1/inbound', async () => {
    const res = await post(app.url, await signed.github(fixture('github-push.json'), 'push', 'server-1'));
    expect(res.status).toBe(200);
    await expect.poll(async () => (await app.store.inbound.getDelivery(res.body.id))?.status, { timeout: 10_000 }).toBe('processed');

    const list = await fetch(`${app.url}/v1/inbound?provider=github&event_type=push&status=processed&limit=1`, { headers: auth });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ data: [{ id: res.body.id, delivery_id: 'server-1', provider: 'github', status: 'processed', attempts: 1 }], next_cursor: null });

    const one = await fetch(`${app.url}/v1/inbound/${res.body.id}`, { headers: auth });
    expect(await one.json()).toMatchObject({ id: res.body.id, signature_valid: true, validation: { ok: true, errors: [] } });

    const replay = await fetch(`${app.url}/v1/inbound/${res.body.id}/replay`, { method: 'POST', headers: auth });
    expect(replay.status).toBe(202);
    await expect.poll(async () => (await app.store.inbound.getDelivery(res.body.id))?.attempts, { timeout: 10_000 }).toBe(2);
  });

  it('/v1/inbound needs the API key and answers problems for bad input', async () => {
    expect((await fetch(`${app.url}/v1/inbound`)).status).toBe(401);
    const missing = await fetch(`${app.url}/v1/inbound/in_doesnotexist`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await fetch(`${app.url}/v1/inbound?limit=0`, { headers: auth })).status).toBe(400);
  });

  it('a receiver without its secret answers 503 naming the variable on the real server', async () => {
    const res = await post(app.url, signed.stripe(fixture('stripe-charge.succeeded.json')));
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });
});
