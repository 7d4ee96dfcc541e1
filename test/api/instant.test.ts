import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/api/instant.js';
import { HttpError } from '../../src/errors/http-error.js';
import { DIALECTS, type TestDatabase } from '../store/dialects.js';
import { startServer, validOrder, type TestServer } from './support.js';

describe('parseInstant', () => {
  it.each([
    ['2026-11-27T04:00:00Z', '2026-11-27T04:00:00.000Z'],
    ['2026-11-27t04:00:00.123456z', '2026-11-27T04:00:00.123Z'],
    ['2026-11-27T04:00:00+01:30', '2026-11-27T02:30:00.000Z'],
    ['2026-11-27T04:00:00-0100', '2026-11-27T05:00:00.000Z'],
    ['2026-11-27T04:00:00+01', '2026-11-27T03:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseInstant('since', value).toISOString()).toBe(iso);
  });

  it.each([
    ['a leap second', '2026-12-31T23:59:60Z', /leap seconds/],
    ['February 30', '2026-02-30T00:00:00Z', /no such date/],
    ['February 29 of a common year', '2026-02-29T00:00:00Z', /no such date/],
    ['month 13', '2026-13-01T00:00:00Z', /no such date/],
    ['hour 24', '2026-01-01T24:00:00Z', /no such date/],
    ['an offset of 24 hours', '2026-01-01T00:00:00+24:00', /offset/],
    ['a UTC instant after 9999', '9999-12-31T23:59:59-23:59', /outside the years 0000-9999/],
    ['a UTC instant before 0000', '0000-01-01T00:00:00+00:01', /outside the years 0000-9999/],
    ['no time zone', '2026-01-01T00:00:00', /not an RFC 3339 date-time/],
  ])('refuses %s as 400 invalid_parameter', (_name, value, why) => {
    const err = (() => {
      try {
        parseInstant('since', value);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_parameter', message: expect.stringMatching(why) });
    expect((err as Error).message).toContain(`since "${value}"`);
  });
});

const expectInvalidInstant = (res: { status: number; type: string | null; json: any }, why: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status: 400, code: 'invalid_parameter', detail: expect.stringMatching(why) });
};

// Ajv's date-time format admits a leap second; `new Date()` did not, and the store answered 500.
describe.each(DIALECTS)('date-time inputs of /v1 ($name)', (dialect) => {
  let db: TestDatabase;
  let s: TestServer;
  let subscriptionId: string;
  let eventId: string;
  beforeAll(async () => {
    db = await dialect.fresh();
    s = await startServer({ DATABASE_URL: db.url });
    // A subscriber that is never there: the delivery fails at once, so recover has something it could queue.
    const sub = await s.call('POST', '/v1/subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['order.created'] });
    subscriptionId = sub.json.id;
    const published = await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder });
    expect(published.status).toBe(202);
    eventId = published.json.id;
  });

  const deliveryStatus = async () => (await s.call('GET', `/v1/events/${eventId}/deliveries`)).json.data[0]?.status;
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it.each([
    ['a leap second', '2026-12-31T23%3A59%3A60Z', /leap seconds/],
    ['an instant after 9999 in UTC', '9999-12-31T23%3A59%3A59-23%3A59', /outside the years 0000-9999/],
  ])('GET /v1/events?since= %s is refused as 400', async (_name, since, why) => {
    expectInvalidInstant(await s.call('GET', `/v1/events?since=${since}`), why);
  });

  it('GET /v1/events?since= with an unencoded + before its offset (the spec allows reserved characters) keeps the offset', async () => {
    expect((await s.call('GET', '/v1/events?since=2000-01-01T00:00:00+01:00')).json.data).toHaveLength(1);
    expect((await s.call('GET', '/v1/events?since=9999-12-31T22:59:59+01:00')).json.data).toEqual([]);
  });

  it('GET /v1/events?since= at the edges of the range still filters', async () => {
    expect((await s.call('GET', '/v1/events?since=0000-01-01T00%3A00%3A00Z')).json.data).toHaveLength(1);
    expect((await s.call('GET', '/v1/events?since=9999-12-31T23%3A59%3A59Z')).json.data).toEqual([]);
  });

  it.each([
    ['a leap second', '2026-12-31T23:59:60Z', /leap seconds/],
    ['an instant after 9999 in UTC', '9999-12-31T23:59:59-23:59', /outside the years 0000-9999/],
  ])('POST /v1/subscriptions/{id}/recover since %s is refused as 400, and nothing is queued again', async (_name, since, why) => {
    await expect.poll(deliveryStatus).toBe('dead');
    expectInvalidInstant(await s.call('POST', `/v1/subscriptions/${subscriptionId}/recover`, { since }), why);
    expect(await deliveryStatus()).toBe('dead');
  });
});
