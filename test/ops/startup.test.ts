import { describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.js';
import { openStore } from '../../src/store/open.js';
import { DIALECTS } from '../store/dialects.js';
import { expectFatalStartup, occupiedPort, runMain, spawnServer } from '../support/spawn-server.js';

describe('startup failures', () => {
  it.each([
    ['a malformed setting', { PORT: 'abc' }, /PORT must be a non-negative integer \(got "abc"\)/],
    ['a port out of range', { PORT: '70000' }, /^startup failed: PORT must be an integer from 0 to 65535 \(got "70000"\)/],
    ['an unknown log level (pino would throw a stack at import)', { LOG_LEVEL: 'loud' }, /^startup failed: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/],
    ['a body limit of 0 (every delivery would be 413)', { HOOKSPEC_INBOUND_MAX_BODY_BYTES: '0' }, /^startup failed: HOOKSPEC_INBOUND_MAX_BODY_BYTES must be a positive integer \(got "0"\)/],
    ['a write queue of 0 (every delivery would be 503)', { HOOKSPEC_INBOUND_QUEUE_MAX: '0' }, /^startup failed: HOOKSPEC_INBOUND_QUEUE_MAX must be a positive integer \(got "0"\)/],
    ['a group-commit batch of 0 (no delivery would ever be written)', { HOOKSPEC_INBOUND_BATCH_MAX: '0' }, /^startup failed: HOOKSPEC_INBOUND_BATCH_MAX must be a positive integer \(got "0"\)/],
    ['a delivery timeout of 0 (every attempt would time out)', { HOOKSPEC_DELIVERY_TIMEOUT_MS: '0' }, /^startup failed: HOOKSPEC_DELIVERY_TIMEOUT_MS must be a positive integer \(got "0"\)/],
    ['an unknown database', { DATABASE_URL: 'mysql://db/hookspec' }, /DATABASE_URL must start with sqlite: or postgres:\/\//],
    ['an unknown receiver in a policy override', { HOOKSPEC_INBOUND_POLICY: 'receiveGitHubWebhook=strict' }, /^startup failed: HOOKSPEC_INBOUND_POLICY names an unknown receiver "receiveGitHubWebhook"; the receivers' operationIds are receiveGithubWebhook, /],
    ['a Slack reply deadline past Slack\'s 3 s', { HOOKSPEC_SLACK_COMMAND_REPLY_MS: '5000' }, /^startup failed: HOOKSPEC_SLACK_COMMAND_REPLY_MS must be below 3000: /],
  ])('%s: one fatal JSON line, exit 1', async (_name, env, message) => {
    await expectFatalStartup(env, message);
  });

  it('says at start which receiver secrets and API key are missing, each as one warning', async () => {
    const started = await spawnServer({ DATABASE_URL: 'sqlite::memory:', HOOKSPEC_API_KEY: '', GITHUB_WEBHOOK_SECRET: 'gh', STRIPE_WEBHOOK_SECRET: '', SLACK_SIGNING_SECRET: '', HOOKSPEC_RECEIVER_SECRET: '' });
    try {
      await started.waitForOutput(/"msg":"receivers without a secret answer 503 until it is set: STRIPE_WEBHOOK_SECRET, SLACK_SIGNING_SECRET, HOOKSPEC_RECEIVER_SECRET"/);
      await started.waitForOutput(/"msg":"HOOKSPEC_API_KEY is not set: every \/v1 call is refused \(401\)"/);
      expect(started.output()).not.toContain('GITHUB_WEBHOOK_SECRET');
    } finally {
      await started.stop();
    }
  });

  it.each(DIALECTS)('warns once at start, on $name, about active subscriptions to event types the catalog no longer has', async (dialect) => {
    const db = await dialect.fresh();
    try {
      const store = await openStore(db.url);
      const create = (events: string[]) =>
        store.outbound.createSubscription({ id: newId('sub'), url: 'https://example.com/hook', events, description: null, metadata: {}, rate_limit_per_second: null, secret: 'whsec_x', created_at: new Date() });
      await create(['order.created']);
      await create(['*', 'order.cancelled']);
      const stale = [(await create(['order.created', 'order.cancelled'])).id, (await create(['order.refunded'])).id].sort();
      await store.close();
      const started = await spawnServer({ DATABASE_URL: db.url, HOOKSPEC_API_KEY: 'k' });
      try {
        await started.waitForOutput(/catalog no longer has/);
        const lines = started.output().split('\n').filter((l) => l.includes('catalog no longer has')).map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({
          level: 40,
          subscriptions: 2,
          ids: stale,
          unknown_types: ['order.cancelled', 'order.refunded'],
          msg: `2 active subscriptions name event types the catalog no longer has and receive nothing for them: order.cancelled, order.refunded (${stale.join(', ')}); PATCH /v1/subscriptions/{id} with events from GET /v1/event-types`,
        });
      } finally {
        await started.stop();
      }
    } finally {
      await db.cleanup();
    }
  });

  it('a port already in use: exit 1 naming the address and the setting to change', async () => {
    const { port, blocker } = await occupiedPort();
    try {
      const { code, stdout } = await runMain({ PORT: String(port), DATABASE_URL: 'sqlite::memory:' });
      expect(code).toBe(1);
      expect(stdout).toContain(`"msg":"startup failed: port ${port} on 127.0.0.1 is already in use: set PORT to a free port"`);
    } finally {
      blocker.close();
    }
  });
});
