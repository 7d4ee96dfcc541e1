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

  it('accepts the values at the limits', () => {
    const config = loadConfig({ HOOKSPEC_INBOUND_POLICY: 'receiveGithubWebhook=strict, receiveSlackCommand=lenient', STRIPE_WEBHOOK_TOLERANCE: '1', HOOKSPEC_INBOUND_TOLERANCE: '1', HOOKSPEC_SLACK_COMMAND_REPLY_MS: '2999', HOOKSPEC_INBOUND_QUEUE_MAX: '1000' });
    expect(config.inbound).toMatchObject({
      policyOverrides: { receiveGithubWebhook: 'strict', receiveSlackCommand: 'lenient' },
      stripeToleranceSec: 1, timestampToleranceSec: 1, slackCommandReplyMs: 2999, writeQueueMax: 1000,
    });
  });
});
