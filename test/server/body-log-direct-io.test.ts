import { createHmac } from 'node:crypto';
import { constants, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { openFlags } from '../support/open-flags.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const SECRET = 'direct-io-test';

let tmp: ReturnType<typeof makeTempDir> | undefined;
let running: RunningHookspec | undefined;
afterEach(async () => {
  await running?.close();
  tmp?.cleanup();
  running = tmp = undefined;
});

/** Starts hookspec with `env`, stores one GitHub delivery and returns how its body segment is open. */
async function segmentFlagsWith(env: Record<string, string>): Promise<number> {
  tmp = makeTempDir('hookspec-direct-io-');
  running = await startHookspec(loadConfig({
    DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: 'k', HOOKSPEC_PRUNE_INTERVAL_MS: '0',
    HOOKSPEC_INBOUND_DISPATCH: 'false', GITHUB_WEBHOOK_SECRET: SECRET, ...env,
  }));
  const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
  const res = await fetch(`${running.url}/webhooks/github`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'ping',
      'x-github-delivery': 'direct-io-1',
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  });
  expect(res.status).toBe(200);
  const dir = join(tmp.dir, 'hookspec.db.bodies');
  const [segment] = readdirSync(dir).filter((f) => f.endsWith('.body'));
  return openFlags(join(dir, segment!))!;
}

describe('HOOKSPEC_BODY_LOG_DIRECT_IO', () => {
  it('unset: bodies go through the page cache', async () => {
    expect((await segmentFlagsWith({})) & constants.O_DIRECT).toBe(0);
  });

  it('true: bodies are written with O_DIRECT (on this filesystem, which allows it)', async () => {
    expect((await segmentFlagsWith({ HOOKSPEC_BODY_LOG_DIRECT_IO: 'true' })) & constants.O_DIRECT).toBe(constants.O_DIRECT);
  });
});
