import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, signed, startHarness, type Harness } from './support/harness.js';

const PATHS = ['/webhooks/github', '/webhooks/stripe', '/webhooks/slack/events', '/webhooks/slack/commands', '/webhooks/slack/interactive', '/webhooks/receiver'];
const HEADER_NAMES = [
  'content-type', 'x-hub-signature-256', 'x-github-event', 'x-github-delivery', 'stripe-signature', 'x-slack-signature',
  'x-slack-request-timestamp', 'x-slack-retry-num', 'webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-anything',
];
const printable = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 120 }).map((codes) => String.fromCharCode(...codes));
const headerValue = fc.oneof(
  printable,
  fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'sha256=' + 'f'.repeat(64), 't=1,v1=' + 'a'.repeat(64), 'v0=' + '0'.repeat(64), 'v1,' + 'A'.repeat(43) + '=', String(Math.floor(Date.now() / 1000)), '', 'push'),
);
const headers = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 8 });
const body = fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.json().map((j) => new TextEncoder().encode(j)), fc.constant(new Uint8Array()));

let h: Harness;
beforeAll(async () => {
  // No flood limit here: the point is that every request reaches the deepest stage it can.
  h = await startHarness({ HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '0', HOOKSPEC_INBOUND_MAX_BODY_BYTES: '4096' });
});
afterAll(async () => {
  await h.close();
});

describe('arbitrary requests never crash the receivers and never get a 5xx', () => {
  it('unsigned garbage: arbitrary path, headers and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), headers, body, async (path, hs, bytes) => {
        const res = await fetch(h.url + path, { method: 'POST', headers: hs, body: bytes });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 250 },
    );
  });

  it('validly signed arbitrary bodies (so parsing and validation see them too)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), body, fc.string({ maxLength: 20 }), async (which, bytes, event) => {
        const text = Buffer.from(bytes).toString('utf8');
        const req = [
          async () => signed.github(text, event.replace(/[^\x21-\x7e]/g, '') || 'push'),
          async () => signed.stripe(text),
          async () => signed.slack('/webhooks/slack/events', text, 'application/json'),
          async () => signed.slack('/webhooks/slack/commands', text, 'application/x-www-form-urlencoded'),
          async () => signed.standard(text),
        ][which]!;
        const res = await post(h.url, await req());
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
      }),
      { numRuns: 250 },
    );
  });

  it('the server still answers afterwards', async () => {
    const res = await post(h.url, await signed.github('{"zen":"still here","hook_id":1}', 'ping'));
    expect(res.status).toBe(200);
  });
});
