import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasNulEscape } from '../../src/api/nul-characters.js';
import { DIALECTS, type TestDatabase } from '../store/dialects.js';
import { startServer, validOrder, type TestServer } from './support.js';

describe('hasNulEscape', () => {
  it.each([
    ['a NUL in a value', '{"d":"a\\u0000b"}', true],
    ['a NUL in a key', '{"m":{"k\\u0000":1}}', true],
    ['after an escaped backslash', '{"d":"\\\\\\u0000"}', true],
    ['an escaped backslash, then u0000', '{"d":"\\\\u0000"}', false],
    ['after an escaped quote', '{"d":"\\"\\u0000"}', true],
    ['another escape', '{"d":"\\u0001\\u00000"}', true],
    ['no NUL', '{"d":"\\u0041 \\n"}', false],
    ['outside any string (not JSON)', '\\u0000', false],
  ])('%s', (_name, json, has) => {
    expect(hasNulEscape(json)).toBe(has);
  });
});

const expectNulRefused = (res: { status: number; type: string | null; json: any }, code: string) => {
  expect(res.status).toBe(400);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status: 400, code, detail: expect.stringContaining('NUL characters (U+0000) are not accepted') });
};

// PostgreSQL cannot hold a NUL in text or jsonb ("invalid byte sequence for encoding UTF8: 0x00"): that was a 500.
describe.each(DIALECTS)('a NUL character through /v1 ($name)', (dialect) => {
  let db: TestDatabase;
  let s: TestServer;
  beforeAll(async () => {
    db = await dialect.fresh();
    s = await startServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it.each([
    ['description', '{"url":"https://example.com/hook","events":["ping"],"description":"a\\u0000b"}'],
    ['url', '{"url":"https://example.com/ho\\u0000ok","events":["ping"]}'],
    ['a metadata key', '{"url":"https://example.com/hook","events":["ping"],"metadata":{"k\\u0000":"v"}}'],
  ])('in a new subscription\'s %s is refused as 400 nul_character, and nothing is stored', async (_name, body) => {
    expectNulRefused(await s.call('POST', '/v1/subscriptions', body), 'nul_character');
    expect((await s.call('GET', '/v1/subscriptions')).json.data).toEqual([]);
  });

  it('in published event data is refused, and nothing is stored', async () => {
    const body = JSON.stringify({ type: 'order.created', data: { ...validOrder, note: 'x' } }).replace('"note":"x"', '"note":"x\\u0000"');
    expectNulRefused(await s.call('POST', '/v1/events', body), 'nul_character');
    expect((await s.call('GET', '/v1/events')).json.data).toEqual([]);
  });

  it.each([
    '/v1/events?type=%00',
    '/v1/events?type=order.created%00',
    '/v1/inbound?event_type=%00',
    '/v1/inbound-refusals?source=%00',
    '/v1/inbound-refusals?source[a%00]=x',
  ])('in the query %s is refused as 400 invalid_parameter', async (path) => {
    expectNulRefused(await s.call('GET', path), 'invalid_parameter');
  });

  it('an escaped backslash followed by u0000 is text, not a NUL, and is stored as sent', async () => {
    const res = await s.call('POST', '/v1/subscriptions', '{"url":"https://example.com/hook","events":["ping"],"description":"a\\\\u0000b"}');
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.description).toBe('a\\u0000b');
    await s.call('DELETE', `/v1/subscriptions/${res.json.id}`);
  });
});
