import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/inbound/receivers/receiver.js';
import { fixture, post, signed, startHarness, type Harness } from '../support/harness.js';

const BOM = '\uFEFF';

describe('a UTF-8 BOM before a JSON body is ignored (RFC 8259 §8.1)', () => {
  it('parseJson: parsed without it, and the text it returns has none', () => {
    expect(parseJson(BOM + '{"a":1}')).toEqual({ ok: true, value: { a: 1 }, text: '{"a":1}' });
    // Only one, and only at the start.
    expect(parseJson(BOM + BOM + '{}').ok).toBe(false);
    expect(parseJson('{"a":"' + BOM + '"}')).toMatchObject({ ok: true, value: { a: BOM } });
  });

  describe('end to end: signed over the bytes with the BOM, stored exactly as received', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h.close();
    });

    it.each([
      ['GitHub push', async () => signed.github(BOM + fixture('github-push.json').toString()), 'github.push', fixture('github-push.json')],
      ['Stripe charge.succeeded', async () => signed.stripe(BOM + fixture('stripe-charge.succeeded.json').toString()), 'stripe.charge.succeeded', fixture('stripe-charge.succeeded.json')],
    ] as const)('%s', async (_name, build, type, json) => {
      const req = await build();
      const raw = Buffer.from(req.body);
      expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const res = await post(h.url, req);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await h.settle();
      const row = await h.store.inbound.getDelivery(res.body.id);
      expect(row).toMatchObject({ catalogType: type, status: 'processed' });
      expect(row!.body!.equals(raw)).toBe(true);
      const published = h.publisher.events.find((e) => e.idempotencyKey === `inbound:${res.body.id}`);
      expect(published).toMatchObject({ type, data: JSON.parse(json.toString()) });
    });
  });
});
