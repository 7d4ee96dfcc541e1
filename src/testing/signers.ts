import { sign as githubSign } from '@octokit/webhooks-methods';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';

/** The receiver signature schemes (`x-hookspec-signature`). */
export type SignatureScheme = 'github' | 'stripe' | 'slack' | 'standard-webhooks';

/** One secret per scheme, as the server is configured (`GITHUB_WEBHOOK_SECRET`, …). */
export type ReceiverSecrets = Record<SignatureScheme, string>;

/** Stripe's signing helper lives on a client; the key is never used to call Stripe. */
const stripe = new Stripe('sk_test_contract_suite_offline');

/**
 * The headers a provider sends with `body`, signed with the provider's own library where one exists
 * (Slack publishes only the algorithm). Fresh delivery ids, so repeated runs are not deduplicated.
 */
export async function signRequest(scheme: SignatureScheme, secret: string, body: string, now = new Date()): Promise<Record<string, string>> {
  const seconds = Math.floor(now.getTime() / 1000);
  switch (scheme) {
    case 'github':
      return { 'x-hub-signature-256': await githubSign(secret, body), 'x-github-delivery': randomUUID() };
    case 'stripe':
      return { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: seconds }) };
    case 'slack':
      return {
        'x-slack-signature': 'v0=' + createHmac('sha256', secret).update(`v0:${seconds}:${body}`).digest('hex'),
        'x-slack-request-timestamp': String(seconds),
      };
    case 'standard-webhooks': {
      const id = `msg_${randomBytes(12).toString('hex')}`;
      return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': new Webhook(secret).sign(id, now, body) };
    }
  }
}

/** Fresh secrets in each scheme's format, for a server the suite starts itself. */
export function randomSecrets(): ReceiverSecrets {
  return {
    github: randomBytes(20).toString('hex'),
    stripe: `whsec_${randomBytes(24).toString('hex')}`,
    slack: randomBytes(16).toString('hex'),
    'standard-webhooks': `whsec_${randomBytes(24).toString('base64')}`,
  };
}

/** The environment variable a hookspec server reads each scheme's secret from. */
export const SECRET_ENV: Record<SignatureScheme, string> = {
  github: 'GITHUB_WEBHOOK_SECRET',
  stripe: 'STRIPE_WEBHOOK_SECRET',
  slack: 'SLACK_SIGNING_SECRET',
  'standard-webhooks': 'HOOKSPEC_RECEIVER_SECRET',
};

/** The environment that configures a server with these secrets. */
export function secretsEnv(secrets: ReceiverSecrets): Record<string, string> {
  return Object.fromEntries(Object.entries(SECRET_ENV).map(([scheme, name]) => [name, secrets[scheme as SignatureScheme]]));
}

/** The secrets of a server started elsewhere, from the same variables (the first of a rotation list); missing ones are empty. */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): ReceiverSecrets {
  const first = (name: string): string => (env[name] ?? '').split(',')[0]?.trim() ?? '';
  return { github: first(SECRET_ENV.github), stripe: first(SECRET_ENV.stripe), slack: first(SECRET_ENV.slack), 'standard-webhooks': first(SECRET_ENV['standard-webhooks']) };
}
