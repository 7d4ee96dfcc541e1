import { describe, expect, it } from 'vitest';
import { expectFatalStartup, occupiedPort, runMain, spawnServer } from '../support/spawn-server.js';

describe('startup failures', () => {
  it.each([
    ['a malformed setting', { PORT: 'abc' }, /PORT must be a non-negative integer \(got "abc"\)/],
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
