import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnsafeNumber } from '../../src/api/unsafe-integers.js';
import { startServer, validOrder, type TestServer } from './support.js';

describe('findUnsafeNumber', () => {
  it.each([
    ['{"id":12345678901234567890}', '12345678901234567890', 'integer'],
    ['{"a":[1,2,{"b":-9007199254740993}]}', '-9007199254740993', 'integer'],
    ['{"s":"\\"12345678901234567890","n":9007199254740993}', '9007199254740993', 'integer'],
    [`{"huge":${'9'.repeat(400)}}`, '9'.repeat(400), 'integer'],
    ['{"total":1e400}', '1e400', 'overflow'],
    ['{"a":[-1.5E+309]}', '-1.5E+309', 'overflow'],
    [`{"f":${'9'.repeat(310)}.5}`, `${'9'.repeat(310)}.5`, 'overflow'],
  ])('finds the number JSON.parse would change in %s', (json, token, kind) => {
    expect(findUnsafeNumber(json)).toEqual({ token, kind });
  });

  it.each([
    '{"id":"12345678901234567890"}',
    '{"max":9007199254740992,"min":-9007199254740992}',
    '{"big":1e21,"f":12345678901234567890.5,"e":1E308,"tiny":1e-400}',
    '{"inString":"1e400"}',
    '{"exact":100000000000000000000}',
    '{"escaped":"a\\\\","n":1}',
  ])('leaves %s alone (strings, exact integers, floating point within range)', (json) => {
    expect(findUnsafeNumber(json)).toBeUndefined();
  });

  it('takes one pass over any text, however its quotes and backslashes run (express calls it before parsing)', () => {
    const hostile = '\\"'.repeat(128 * 1024);
    const started = performance.now();
    expect(findUnsafeNumber(hostile)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('POST /v1/events with a number past a double', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('is refused as 422 unsafe_integer naming the number, not stored as null', async () => {
    const body = JSON.stringify({ type: 'order.created', data: { ...validOrder, total: 0 } }).replace('"total":0', '"total":1e400');
    const res = await s.call('POST', '/v1/events', body);
    expect(res.status).toBe(422);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ code: 'unsafe_integer', detail: expect.stringMatching(/1e400 is too large for a double/) });
    expect((await s.call('GET', '/v1/events')).json.data).toEqual([]);
  });
});
