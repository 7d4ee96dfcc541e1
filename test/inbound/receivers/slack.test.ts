import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackEventsReceiver } from '../../../src/inbound/receivers/slack.js';
import { fixture, nowSec, post, signed, startHarness, type Harness } from '../support/harness.js';

/** The fixture's message event as Slack might send it without `event_id`. */
const withoutEventId = (eventTs: string) => {
  const { event_id: _dropped, ...rest } = JSON.parse(fixture('slack-event-message.json').toString());
  return JSON.stringify({ ...rest, event: { ...rest.event, event_ts: eventTs } });
};
const at = (timestamp: number) => ({ 'x-slack-request-timestamp': String(timestamp) });
/** The deduplication key the Events API receiver gives a body signed at `timestamp`. */
const key = (body: string, timestamp: number) => {
  const parsed = slackEventsReceiver.parse(Buffer.from(body), at(timestamp));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.delivery.deliveryId;
};

describe('Slack event_callback without event_id: keyed on the body, since a retry is signed with a new timestamp', () => {
  it('parse: the same body at two timestamps is one key; another body is another', () => {
    const body = withoutEventId('1764302400.000100');
    expect(key(body, 1764302400)).toBe(key(body, 1764302460));
    expect(key(body, 1764302400)).not.toBe(key(withoutEventId('1764302400.000200'), 1764302400));
  });

  it('parse: an app_rate_limited notice (no event_id either) is keyed on its body too; another minute is another key', () => {
    const notice = (minute: number) => JSON.stringify({ token: 't', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: minute, api_app_id: 'A1' });
    expect(key(notice(1764302400), 1764302400)).toBe(key(notice(1764302400), 1764302430));
    expect(key(notice(1764302400), 1764302400)).not.toBe(key(notice(1764302460), 1764302460));
  });

  describe('end to end', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h.close();
    });

    it("Slack's retry (new timestamp, X-Slack-Retry-Num) answers 200 duplicate and is not processed again", async () => {
      const body = withoutEventId('1764302999.000300');
      const first = await post(h.url, signed.slack('/webhooks/slack/events', body, 'application/json', nowSec() - 60));
      expect(first.status).toBe(200);
      const retry = await post(h.url, signed.slack('/webhooks/slack/events', body, 'application/json', nowSec(), undefined, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
      expect(retry.body).toEqual({ ok: true, id: first.body.id, duplicate: true });
      await h.settle();
      expect(await h.store.inbound.getDelivery(first.body.id)).toMatchObject({ eventType: 'message', status: 'processed', attempts: 1 });
      expect(h.publisher.events.filter((e) => e.type === 'slack.message')).toHaveLength(1);
    });
  });
});
