import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { contractCases } from '../../generated/contract/cases.js';
import { checkDelivery } from '../../src/testing/contract/runner.js';
import { loadSpecDocument } from '../../src/testing/spec-document.js';
import type { ReceivedRequest } from '../../src/testing/subscriber.js';

const spec = loadSpecDocument();
const ping = contractCases.webhooks.find((w) => w.name === 'ping')!;
const secret = `whsec_${randomBytes(24).toString('base64')}`;

/** A delivery as hookspec sends it, signed with `signingSecret`. */
function delivery(body: unknown, signingSecret = secret): ReceivedRequest {
  const raw = JSON.stringify(body);
  const id = 'msg_contract';
  const now = new Date();
  const signature = new Webhook(signingSecret).sign(id, now, raw);
  return { path: '/contract/ping', headers: { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature }, body: Buffer.from(raw) };
}

const valid = { type: 'ping', timestamp: '2026-11-28T04:00:00Z', data: { message: 'hookspec test event' } };

describe('what a subscriber checks on each delivery', () => {
  it('accepts a valid, correctly signed delivery', () => {
    expect(() => checkDelivery(spec, ping, delivery(valid), secret)).not.toThrow();
  });

  it('refuses a signature made with another secret, naming the webhook', () => {
    expect(() => checkDelivery(spec, ping, delivery(valid, `whsec_${randomBytes(24).toString('base64')}`), secret)).toThrow(/^webhook ping: the delivery's signature does not verify with standardwebhooks/);
  });

  it('refuses a body that does not match the webhook schema, naming the pointer', () => {
    expect(() => checkDelivery(spec, ping, delivery({ ...valid, data: { message: 42 } }), secret)).toThrow(/^webhook ping: the delivered body does not match .*: \/data\/message must be string \(type\)/);
  });

  it('refuses a delivery without a required header', () => {
    const request = delivery(valid);
    delete request.headers['webhook-timestamp'];
    expect(() => checkDelivery(spec, ping, request, secret)).toThrow('webhook ping: the delivery lacks the required header webhook-timestamp');
  });
});
