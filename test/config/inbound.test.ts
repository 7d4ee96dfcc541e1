import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config/index.js';
import { generateSecret } from '../../src/outbound/secrets.js';

describe('HOOKSPEC_RECEIVER_SECRET', () => {
  it('accepts whsec_ secrets, raw base64 and unpadded base64, in a rotation list', () => {
    const secrets = [generateSecret(), Buffer.from('a raw twenty-four byte k').toString('base64'), 'whsec_' + Buffer.from('unpadded!').toString('base64').replace(/=+$/, '')];
    expect(loadConfig({ HOOKSPEC_RECEIVER_SECRET: secrets.join(', ') }).inbound.secrets.standard).toEqual(secrets);
    // The same strings are keys the providers' own library accepts.
    for (const s of secrets) expect(() => new Webhook(s)).not.toThrow();
  });

  it.each(['whsec_not base64!', 'my-passphrase', 'whsec_abcde'])('%j: the one-line startup error, naming the entry but not its value', (bad) => {
    const run = () => loadConfig({ HOOKSPEC_RECEIVER_SECRET: `${generateSecret()},${bad}` });
    expect(run).toThrow('HOOKSPEC_RECEIVER_SECRET entry 2 must be whsec_ followed by base64 (a Standard Webhooks secret)');
    expect(run).not.toThrow(bad);
  });
});

describe('receiver settings that would silently do something else are refused at start, in one line', () => {
  const RECEIVERS = 'receiveGithubWebhook, receiveSlackCommand, receiveSlackEvent, receiveSlackInteraction, receiveStandardWebhook, receiveStripeWebhook';
  it.each([
    ['an unknown operationId in HOOKSPEC_INBOUND_POLICY (a case typo)', { HOOKSPEC_INBOUND_POLICY: 'receiveGitHubWebhook=strict' },
      `HOOKSPEC_INBOUND_POLICY names an unknown receiver "receiveGitHubWebhook"; the receivers' operationIds are ${RECEIVERS}`],
    ['STRIPE_WEBHOOK_TOLERANCE=0, which stripe-node reads as "no check"', { STRIPE_WEBHOOK_TOLERANCE: '0' },
      'STRIPE_WEBHOOK_TOLERANCE must be at least 1 second (got "0"): 0 would accept only signatures made this very second, and no value turns the timestamp check off (unlike stripe-node, where 0 turns the check off)'],
    ['a negative STRIPE_WEBHOOK_TOLERANCE', { STRIPE_WEBHOOK_TOLERANCE: '-300' }, 'STRIPE_WEBHOOK_TOLERANCE must be a non-negative integer (got "-300")'],
    ['HOOKSPEC_INBOUND_TOLERANCE=0', { HOOKSPEC_INBOUND_TOLERANCE: '0' },
      'HOOKSPEC_INBOUND_TOLERANCE must be at least 1 second (got "0"): 0 would accept only signatures made this very second, and no value turns the timestamp check off'],
    ['a reply deadline at Slack\'s 3 s', { HOOKSPEC_SLACK_COMMAND_REPLY_MS: '3000' },
      'HOOKSPEC_SLACK_COMMAND_REPLY_MS must be below 3000: Slack gives up on a slash command or interaction after 3 s, and the answer still has to reach it (got "3000")'],
    ['an integer in exponent notation', { HOOKSPEC_INBOUND_QUEUE_MAX: '1e3' }, 'HOOKSPEC_INBOUND_QUEUE_MAX must be a positive integer (got "1e3")'],
    ['an integer in hex', { HOOKSPEC_INBOUND_LEASE_MS: '0x7530' }, 'HOOKSPEC_INBOUND_LEASE_MS must be a positive integer (got "0x7530")'],
    ['an integer with a decimal point', { HOOKSPEC_INBOUND_POLL_MS: '1000.0' }, 'HOOKSPEC_INBOUND_POLL_MS must be a non-negative integer (got "1000.0")'],
    ['an integer with blanks', { PORT: ' 3000' }, 'PORT must be a non-negative integer (got " 3000")'],
    ...['500', '1000', '1001', '1499'].map((lease): [string, NodeJS.ProcessEnv, string] => [`HOOKSPEC_INBOUND_LEASE_MS=${lease}, which would leave an unset handler timeout under 500 ms`, { HOOKSPEC_INBOUND_LEASE_MS: lease },
      `HOOKSPEC_INBOUND_LEASE_MS (${lease}) must be at least 1500 while HOOKSPEC_HANDLER_TIMEOUT_MS is unset: the handler timeout is then the lease - 1000, and under 500 ms nearly every handler would time out (or set HOOKSPEC_HANDLER_TIMEOUT_MS yourself)`]),
    ['a handler timeout that does not fit a short lease', { HOOKSPEC_INBOUND_LEASE_MS: '1000', HOOKSPEC_HANDLER_TIMEOUT_MS: '1' },
      'HOOKSPEC_HANDLER_TIMEOUT_MS (1) must be at most HOOKSPEC_INBOUND_LEASE_MS (1000) - 1000, so a lease never expires under a running handler'],
    ['HOOKSPEC_INBOUND_FLOOD_WINDOW_MS=0, which would lift every block at once', { HOOKSPEC_INBOUND_FLOOD_WINDOW_MS: '0' },
      'HOOKSPEC_INBOUND_FLOOD_WINDOW_MS must be at least 1 ms (got "0"): 0 would lift every block at once; HOOKSPEC_INBOUND_FLOOD_THRESHOLD=0 is what turns the flood guard off'],
  ])('%s', (_name, env, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      thrown = err;
    }
    expect((thrown as Error | undefined)?.message).toBe(message);
    expect(message).not.toContain('\n');
  });

  it('a lease of 1500 leaves an unset handler timeout 500 ms; a flood window of 1 ms and a threshold of 0 are taken', () => {
    expect(loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '1500' }).inbound).toMatchObject({ leaseMs: 1500, handlerTimeoutMs: 500 });
    expect(loadConfig({ HOOKSPEC_INBOUND_LEASE_MS: '1001', HOOKSPEC_HANDLER_TIMEOUT_MS: '1' }).inbound.handlerTimeoutMs).toBe(1);
    expect(loadConfig({ HOOKSPEC_INBOUND_FLOOD_WINDOW_MS: '1', HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '0' }).inbound).toMatchObject({ floodWindowMs: 1, floodThreshold: 0 });
  });

  it('accepts the values at the limits', () => {
    const config = loadConfig({ HOOKSPEC_INBOUND_POLICY: 'receiveGithubWebhook=strict, receiveSlackCommand=lenient', STRIPE_WEBHOOK_TOLERANCE: '1', HOOKSPEC_INBOUND_TOLERANCE: '1', HOOKSPEC_SLACK_COMMAND_REPLY_MS: '2999', HOOKSPEC_INBOUND_QUEUE_MAX: '1000' });
    expect(config.inbound).toMatchObject({
      policyOverrides: { receiveGithubWebhook: 'strict', receiveSlackCommand: 'lenient' },
      stripeToleranceSec: 1, timestampToleranceSec: 1, slackCommandReplyMs: 2999, writeQueueMax: 1000,
    });
  });
});
