import { randomUUID } from 'node:crypto';
import { hmacSha256 } from '../crypto/hmac.js';
import type { CatalogEntry, Provider } from './catalog.js';

/** A request exactly as the provider would send it: path of our receiver, headers, raw body. */
export interface ProviderRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Builds and signs a provider-shaped request carrying the catalog example of `entry`: GitHub
 * (`X-Hub-Signature-256` over the body), Stripe (`Stripe-Signature: t=,v1=` over `t.body`), Slack
 * (`X-Slack-Signature: v0=` over `v0:ts:body`; events as JSON, commands and interactions as forms).
 */
export function buildProviderRequest(entry: CatalogEntry, secret: string, nowSec: number = Math.floor(Date.now() / 1000)): ProviderRequest {
  const inbound = entry.inbound;
  if (!inbound) throw new Error(`${entry.name} does not come from a provider; send it without --provider`);
  const data = entry.example.data;
  switch (inbound.provider) {
    case 'github': {
      const body = JSON.stringify(data);
      return {
        path: '/webhooks/github',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'GitHub-Hookshot/hookspec-trigger',
          'x-github-event': inbound.event,
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': `sha256=${hmacSha256(secret, body).toString('hex')}`,
        },
      };
    }
    case 'stripe': {
      // A fresh event id per trigger, so the receiver's deduplication does not swallow a repeat.
      const body = JSON.stringify({ ...(data as object), id: `evt_trigger_${randomUUID().replace(/-/g, '')}`, created: nowSec });
      return {
        path: '/webhooks/stripe',
        body,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': `t=${nowSec},v1=${hmacSha256(secret, `${nowSec}.`, body).toString('hex')}`,
        },
      };
    }
    case 'slack':
      return signSlack(slackShape(inbound.event, data), secret, nowSec);
    default:
      throw new Error(`unsupported provider "${String((inbound as { provider: string }).provider)}"`);
  }
}

function slackShape(event: string, data: unknown): { path: string; contentType: string; body: string } {
  if (event === 'command') {
    const fields = Object.entries(data as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]);
    return { path: '/webhooks/slack/commands', contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() };
  }
  if (event === 'interaction') {
    return { path: '/webhooks/slack/interactive', contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload: JSON.stringify(data) }).toString() };
  }
  // A fresh event_id per trigger, so the receiver's deduplication does not swallow a repeat.
  const body = JSON.stringify({ ...(data as object), event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}` });
  return { path: '/webhooks/slack/events', contentType: 'application/json', body };
}

function signSlack(shape: { path: string; contentType: string; body: string }, secret: string, nowSec: number): ProviderRequest {
  const ts = String(nowSec);
  return {
    path: shape.path,
    body: shape.body,
    headers: {
      'content-type': shape.contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${hmacSha256(secret, `v0:${ts}:`, shape.body).toString('hex')}`,
    },
  };
}

/** The environment variable the server reads each provider's secret from (the first of a comma list is used). */
export const PROVIDER_SECRET_ENV: Record<Provider, string> = {
  github: 'GITHUB_WEBHOOK_SECRET',
  stripe: 'STRIPE_WEBHOOK_SECRET',
  slack: 'SLACK_SIGNING_SECRET',
};

/** The example event sent when `--provider` is given without an event type. */
export const DEFAULT_PROVIDER_EVENT: Record<Provider, string> = {
  github: 'github.push',
  stripe: 'stripe.payment_intent.succeeded',
  slack: 'slack.message',
};
