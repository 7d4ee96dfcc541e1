import { sign as octokitSign } from '@octokit/webhooks-methods';
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import * as github from '../../../src/inbound/providers/github.js';
import * as slack from '../../../src/inbound/providers/slack.js';
import * as standard from '../../../src/inbound/providers/standard-webhooks.js';
import * as stripe from '../../../src/inbound/providers/stripe.js';

const body = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', text: 'héllo ✓', n: [1, 2, 3] }));
const nowSec = Math.floor(Date.now() / 1000);

describe("signatures made by the providers' own libraries", () => {
  it('@octokit/webhooks-methods sign', async () => {
    const secret = 'octo-secret';
    const header = await octokitSign(secret, body.toString('utf8'));
    expect(github.verify({ body, headers: { 'x-hub-signature-256': header }, secrets: [secret], nowSec })).toMatchObject({ ok: true });
    expect(github.verify({ body, headers: { 'x-hub-signature-256': header }, secrets: ['other'], nowSec }).ok).toBe(false);
  });

  it('stripe.webhooks.generateTestHeaderString, including several v1 during a roll', () => {
    const client = new Stripe('sk_test_interop');
    const secret = 'whsec_stripe_interop_secret';
    const header = client.webhooks.generateTestHeaderString({ payload: body.toString('utf8'), secret, timestamp: nowSec });
    expect(stripe.verify({ body, headers: { 'stripe-signature': header }, secrets: [secret], nowSec })).toMatchObject({ ok: true, timestamp: nowSec });
    const rolled = `${header},v1=${'0'.repeat(64)},v0=${'1'.repeat(64)}`;
    expect(stripe.verify({ body, headers: { 'stripe-signature': rolled }, secrets: [secret], nowSec }).ok).toBe(true);
    // An entry without "=" is ignored, as stripe-node ignores it; it is not read as a key cut one character short.
    for (const extra of [`${header},tx`, `${header},t5`]) {
      expect(() => client.webhooks.constructEvent(body.toString('utf8'), extra, secret, 300, undefined, nowSec)).not.toThrow();
      expect(stripe.verify({ body, headers: { 'stripe-signature': extra }, secrets: [secret], nowSec }).ok).toBe(true);
    }
    const old = client.webhooks.generateTestHeaderString({ payload: body.toString('utf8'), secret, timestamp: nowSec - 600 });
    expect(stripe.verify({ body, headers: { 'stripe-signature': old }, secrets: [secret], nowSec })).toMatchObject({ reason: 'timestamp_outside_window' });
    expect(stripe.verify({ body, headers: { 'stripe-signature': old }, secrets: [secret], nowSec, toleranceSec: 900 }).ok).toBe(true);
  });

  it('standardwebhooks Webhook.sign', () => {
    const secret = 'whsec_' + Buffer.from('a 24 byte secret, random').toString('base64');
    const wh = new Webhook(secret);
    const signature = wh.sign('msg_interop', new Date(nowSec * 1000), body.toString('utf8'));
    const headers = { 'webhook-id': 'msg_interop', 'webhook-timestamp': String(nowSec), 'webhook-signature': `v1,${'B'.repeat(43)}= ${signature}` };
    expect(standard.verify({ body, headers, secrets: [secret], nowSec })).toMatchObject({ ok: true });
    // And the reverse: the library accepts what we accept.
    expect(() => wh.verify(body.toString('utf8'), headers)).not.toThrow();
    expect(standard.verify({ body, headers: { ...headers, 'webhook-id': 'msg_other' }, secrets: [secret], nowSec }).ok).toBe(false);
  });

  it("Slack's documented algorithm", () => {
    const secret = 'slack-signing-secret';
    const sig = 'v0=' + createHmac('sha256', secret).update(`v0:${nowSec}:${body.toString('utf8')}`).digest('hex');
    const headers = { 'x-slack-signature': sig, 'x-slack-request-timestamp': String(nowSec) };
    expect(slack.verify({ body, headers, secrets: [secret], nowSec })).toMatchObject({ ok: true });
    expect(slack.verify({ body, headers: { ...headers, 'x-slack-request-timestamp': String(nowSec - 1) }, secrets: [secret], nowSec }).ok).toBe(false);
  });
});
