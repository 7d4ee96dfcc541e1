import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as github from '../../../src/inbound/providers/github.js';
import * as slack from '../../../src/inbound/providers/slack.js';
import * as standard from '../../../src/inbound/providers/standard-webhooks.js';
import * as stripe from '../../../src/inbound/providers/stripe.js';
import type { VerifyInput, VerifyResult } from '../../../src/inbound/providers/verify-result.js';

interface Vector {
  scheme: string;
  secret: string;
  headers?: Record<string, string>;
  body: string;
  expected_signature_header: string;
}

const vectors = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/webhook-test-vectors.json', import.meta.url), 'utf8')) as Vector[];
interface Case {
  name: string;
  verify: (input: VerifyInput) => VerifyResult;
  v: Vector;
  body: Buffer;
  headers: Record<string, string>;
  nowSec: number;
}

const lower = (h: Record<string, string> = {}): Record<string, string> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** Each shared vector as (verify, headers, now): `now` is frozen at the vector's own timestamp. */
const cases: Case[] = vectors.flatMap((v): Case[] => {
  const body = Buffer.from(v.body);
  switch (v.scheme) {
    case 'github-x-hub-signature-256':
      return [{ name: `github: ${v.body}`, verify: github.verify, v, body, headers: { 'x-hub-signature-256': v.expected_signature_header }, nowSec: 0 }];
    case 'stripe-v1':
      return [{ name: 'stripe', verify: stripe.verify, v, body, headers: { 'stripe-signature': v.expected_signature_header }, nowSec: Number(/t=(\d+)/.exec(v.expected_signature_header)![1]) }];
    case 'slack-v0': {
      const headers: Record<string, string> = { ...lower(v.headers), 'x-slack-signature': v.expected_signature_header };
      return [{ name: 'slack', verify: slack.verify, v, body, headers, nowSec: Number(headers['x-slack-request-timestamp']) }];
    }
    case 'standard-webhooks-v1': {
      const headers: Record<string, string> = { ...lower(v.headers), 'webhook-signature': v.expected_signature_header };
      return [{ name: 'standard-webhooks', verify: standard.verify, v, body, headers, nowSec: Number(headers['webhook-timestamp']) }];
    }
    default:
      return []; // Convoy is not a receiver scheme of ours.
  }
});

describe('shared signature vectors', () => {
  it('covers all four receiver schemes', () => {
    expect(new Set(cases.map((c) => c.name.split(':')[0]))).toEqual(new Set(['github', 'stripe', 'slack', 'standard-webhooks']));
  });

  it.each(cases)('$name: accepts the known-good signature', ({ verify, v, body, headers, nowSec }) => {
    expect(verify({ body, headers, secrets: [v.secret], nowSec })).toMatchObject({ ok: true, secretIndex: 0 });
  });

  it.each(cases)('$name: accepts it with the right secret second in the list (rotation)', ({ verify, v, body, headers, nowSec }) => {
    expect(verify({ body, headers, secrets: ['whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0', v.secret], nowSec })).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it.each(cases)('$name: refuses one changed byte of the body', ({ verify, v, body, headers, nowSec }) => {
    const changed = Buffer.from(body);
    changed[0] = changed[0]! ^ 1;
    expect(verify({ body: changed, headers, secrets: [v.secret], nowSec })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it.each(cases)('$name: refuses a wrong secret', ({ verify, body, headers, nowSec }) => {
    expect(verify({ body, headers, secrets: ['whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA=='], nowSec })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it.each(cases.filter((c) => c.nowSec > 0))('$name: refuses the vector at the real clock (old timestamp)', ({ verify, v, body, headers }) => {
    const result = verify({ body, headers, secrets: [v.secret], nowSec: Math.floor(Date.now() / 1000) });
    expect(result).toMatchObject({ ok: false, reason: 'timestamp_outside_window' });
  });

  it.each(cases.filter((c) => c.nowSec > 0))('$name: accepts 300 s of skew either way, not 301', ({ verify, v, body, headers, nowSec }) => {
    for (const skew of [-300, 300]) expect(verify({ body, headers, secrets: [v.secret], nowSec: nowSec + skew }).ok).toBe(true);
    for (const skew of [-301, 301]) expect(verify({ body, headers, secrets: [v.secret], nowSec: nowSec + skew }).ok).toBe(false);
  });

  it.each(cases)('$name: no secrets configured verifies nothing', ({ verify, body, headers, nowSec }) => {
    expect(verify({ body, headers, secrets: [], nowSec }).ok).toBe(false);
  });
});
