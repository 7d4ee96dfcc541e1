import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as github from '../../../src/inbound/providers/github.js';
import * as slack from '../../../src/inbound/providers/slack.js';
import * as standard from '../../../src/inbound/providers/standard-webhooks.js';
import * as stripe from '../../../src/inbound/providers/stripe.js';

const body = Buffer.from('{"a":1}');
const nowSec = 1_700_000_000;
const secrets = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'];
const hex64 = 'a'.repeat(64);

// [name, verify, headers, expected reason]
const table: [string, typeof github.verify, Record<string, string>, string][] = [
  ['github: no header', github.verify, {}, 'missing_headers'],
  ['github: no sha256= prefix', github.verify, { 'x-hub-signature-256': hex64 }, 'bad_signature'],
  ['github: short hex (prefix attack)', github.verify, { 'x-hub-signature-256': 'sha256=abcd' }, 'bad_signature'],
  ['github: sha1 header value', github.verify, { 'x-hub-signature-256': 'sha1=' + 'a'.repeat(40) }, 'bad_signature'],
  ['github: non-hex', github.verify, { 'x-hub-signature-256': 'sha256=' + 'z'.repeat(64) }, 'bad_signature'],
  ['stripe: no header', stripe.verify, {}, 'missing_headers'],
  ['stripe: no t', stripe.verify, { 'stripe-signature': `v1=${hex64}` }, 'bad_signature'],
  ['stripe: only v0', stripe.verify, { 'stripe-signature': `t=${nowSec},v0=${hex64}` }, 'bad_signature'],
  ['stripe: garbage', stripe.verify, { 'stripe-signature': ',,,=,=' }, 'bad_signature'],
  ['stripe: t not a number', stripe.verify, { 'stripe-signature': `t=abc,v1=${hex64}` }, 'invalid_timestamp'],
  ['stripe: too many entries', stripe.verify, { 'stripe-signature': Array(40).fill(`v1=${hex64}`).join(',') }, 'bad_signature'],
  ['stripe: old t', stripe.verify, { 'stripe-signature': `t=${nowSec - 301},v1=${hex64}` }, 'timestamp_outside_window'],
  ['slack: no headers', slack.verify, {}, 'missing_headers'],
  ['slack: no timestamp', slack.verify, { 'x-slack-signature': `v0=${hex64}` }, 'missing_headers'],
  ['slack: v1 prefix', slack.verify, { 'x-slack-signature': `v1=${hex64}`, 'x-slack-request-timestamp': String(nowSec) }, 'bad_signature'],
  ['slack: timestamp 1e3', slack.verify, { 'x-slack-signature': `v0=${hex64}`, 'x-slack-request-timestamp': '1e3' }, 'invalid_timestamp'],
  ['slack: future timestamp', slack.verify, { 'x-slack-signature': `v0=${hex64}`, 'x-slack-request-timestamp': String(nowSec + 301) }, 'timestamp_outside_window'],
  ['standard: no headers', standard.verify, {}, 'missing_headers'],
  ['standard: only v1a', standard.verify, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(nowSec), 'webhook-signature': 'v1a,' + 'A'.repeat(86) }, 'bad_signature'],
  ['standard: truncated base64', standard.verify, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(nowSec), 'webhook-signature': 'v1,AAAA' }, 'bad_signature'],
  ['standard: no comma', standard.verify, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(nowSec), 'webhook-signature': 'v1' }, 'bad_signature'],
  ['standard: negative timestamp', standard.verify, { 'webhook-id': 'msg_1', 'webhook-timestamp': '-5', 'webhook-signature': 'v1,' + 'A'.repeat(43) + '=' }, 'invalid_timestamp'],
];

describe('malformed signature headers', () => {
  it.each(table)('%s → %s', (_name, verify, headers, reason) => {
    const result = verify({ body, headers, secrets, nowSec });
    expect(result).toMatchObject({ ok: false, reason });
    expect(typeof (result as { message: string }).message).toBe('string');
  });

  it('names every missing header', () => {
    expect(standard.verify({ body, headers: { 'webhook-id': 'x' }, secrets, nowSec })).toMatchObject({
      missing: ['webhook-timestamp', 'webhook-signature'],
    });
  });

  it('takes the first of a repeated header instead of throwing', () => {
    const headers = { 'x-hub-signature-256': ['sha256=' + hex64, 'x'] } as unknown as Record<string, string>;
    expect(github.verify({ body, headers, secrets, nowSec })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });
});

// Blank entries are no entries: 20 spaces (or commas) in front of a valid signature used to reach the entry limit.
describe('blank entries do not count towards the signature limit', () => {
  it('standard webhooks: a valid signature after a run of spaces verifies', () => {
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(nowSec) };
    const signature = createHmac('sha256', Buffer.from(secrets[0]!.slice('whsec_'.length), 'base64')).update(`msg_1.${nowSec}.${body}`).digest('base64');
    const signed = { ...headers, 'webhook-signature': `v1,${'B'.repeat(43)}=${' '.repeat(20)}v1,${signature}` };
    expect(standard.verify({ body, headers: signed, secrets, nowSec })).toMatchObject({ ok: true });
    const tooMany = { ...headers, 'webhook-signature': Array(17).fill(`v1,${signature}`).join(' ') };
    expect(standard.verify({ body, headers: tooMany, secrets, nowSec })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('stripe: a valid signature after a run of empty entries verifies', () => {
    const signature = createHmac('sha256', secrets[0]!).update(`${nowSec}.${body}`).digest('hex');
    expect(stripe.verify({ body, headers: { 'stripe-signature': `t=${nowSec}${','.repeat(40)},v1=${signature}` }, secrets, nowSec })).toMatchObject({ ok: true });
    // An entry without "=" still names nothing: "tx" is no timestamp.
    expect(stripe.verify({ body, headers: { 'stripe-signature': `tx,v1=${signature}` }, secrets, nowSec })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });
});
