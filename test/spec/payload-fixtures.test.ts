import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createSpecAjv, escapePointer, loadSpec } from './spec-ajv.js';

const doc = loadSpec();
const { validatorAt } = createSpecAjv(doc);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), 'utf8');
const json = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;
const form = (name: string) => Object.fromEntries(new URLSearchParams(fixture(name)));
const webhookSchema = (name: string) => `/webhooks/${escapePointer(name)}/post/requestBody/content/application~1json/schema`;

/** Each shared fixture, the component schema it must satisfy, and the catalog event that forwards it. */
const CASES: Array<[file: string, payload: () => unknown, schema: string, webhook?: string]> = [
  ['github-push.json', () => json('github-push.json'), 'GithubPushPayload', 'github.push'],
  ['github-pull_request.opened.json', () => json('github-pull_request.opened.json'), 'GithubPullRequestPayload', 'github.pull_request'],
  ['github-issues.opened.json', () => json('github-issues.opened.json'), 'GithubIssuesPayload', 'github.issues'],
  ['stripe-charge.succeeded.json', () => json('stripe-charge.succeeded.json'), 'StripeChargeEvent', 'stripe.charge.succeeded'],
  ['stripe-payment_intent.succeeded.json', () => json('stripe-payment_intent.succeeded.json'), 'StripePaymentIntentEvent', 'stripe.payment_intent.succeeded'],
  ['slack-event-message.json', () => json('slack-event-message.json'), 'SlackEventCallback', 'slack.message'],
  ['slack-event-message.json (receiver body)', () => json('slack-event-message.json'), 'SlackEventsRequest'],
  ['slack-url-verification.json', () => json('slack-url-verification.json'), 'SlackEventsRequest'],
  ['slack-command.txt', () => form('slack-command.txt'), 'SlackCommand', 'slack.command'],
  ['slack-interactive.txt (form)', () => form('slack-interactive.txt'), 'SlackInteractionForm'],
  ['slack-interactive.txt (payload)', () => JSON.parse(form('slack-interactive.txt').payload ?? 'null'), 'SlackBlockActionsPayload', 'slack.interaction'],
  ['github-push.json (receiver body)', () => json('github-push.json'), 'GithubWebhookPayload'],
  ['stripe-charge.succeeded.json (receiver body)', () => json('stripe-charge.succeeded.json'), 'StripeEvent'],
];

describe('shared payload fixtures validate against openapi.yaml', () => {
  it.each(CASES)('%s matches %s and its catalog envelope', (_file, payload, schema, webhook) => {
    const data = payload();
    const validate = validatorAt(`/components/schemas/${schema}`);
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    if (webhook) {
      const envelope = validatorAt(webhookSchema(webhook));
      expect(envelope({ type: webhook, timestamp: '2026-11-28T04:00:00Z', data }), JSON.stringify(envelope.errors, null, 2)).toBe(true);
      expect(envelope({ type: 'ping', timestamp: '2026-11-28T04:00:00Z', data })).toBe(false);
    }
  });

  it('the push fixture is a realistic size with three commits, compact like GitHub sends it', () => {
    const raw = fixture('github-push.json');
    expect(raw.length).toBeGreaterThan(6_500);
    expect(raw.length).toBeLessThan(9_000);
    expect((json('github-push.json').commits as unknown[]).length).toBe(3);
    expect(raw).toBe(JSON.stringify(JSON.parse(raw)));
  });

  it('a fixture with a required field removed is refused (the check can fail)', () => {
    const { head_commit: _dropped, ...broken } = json('github-push.json');
    expect(validatorAt('/components/schemas/GithubPushPayload')(broken)).toBe(false);
  });
});

describe("GitHub fixtures also satisfy GitHub's official webhook schemas (@octokit/openapi-webhooks)", () => {
  const github = JSON.parse(
    readFileSync(new URL('../../node_modules/@octokit/openapi-webhooks/generated/api.github.com.json', import.meta.url), 'utf8'),
  ) as Record<string, any>;
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  ((formatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 }).default ?? formatsModule)(ajv);
  ajv.addSchema(github, 'github');

  it.each([
    ['github-push.json', 'webhook-push'],
    ['github-pull_request.opened.json', 'webhook-pull-request-opened'],
    ['github-issues.opened.json', 'webhook-issues-opened'],
  ])('%s matches %s', (file, schema) => {
    const validate = ajv.compile({ $ref: `github#/components/schemas/${schema}` });
    expect(validate(json(file)), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  }, 30_000);
});
