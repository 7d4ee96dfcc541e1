import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integerQueryNames } from '../../src/api/integer-parameters.js';
import { startServer, type TestServer } from './support.js';

describe('integerQueryNames', () => {
  it('finds integer query parameters, inline or through $ref, under the prefix only', () => {
    const spec = {
      paths: {
        '/v1/a': { get: { parameters: [{ $ref: '#/components/parameters/Limit' }, { name: 'q', in: 'query', schema: { type: 'string' } }] } },
        '/v1/b': { parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }], get: {} },
        '/other': { get: { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer' } }] } },
      },
      components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } },
    };
    expect([...integerQueryNames(spec, '/v1')].sort()).toEqual(['limit', 'page']);
  });

  it('refuses a spec that gives one name two types', () => {
    const spec = {
      paths: {
        '/v1/a': { get: { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer' } }] } },
        '/v1/b': { get: { parameters: [{ name: 'n', in: 'query', schema: { type: 'string' } }] } },
      },
    };
    expect(() => integerQueryNames(spec, '/v1')).toThrow(/"n" is an integer in one operation and not in another/);
  });
});

// The validator coerced with Number(): 0x10 was read as 16, 1e1 as 10, and Infinity failed without an errors list.
describe('integer query parameters through /v1', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(['0x10', '1e1', '10.0', '%2010', '10%20', '+10', 'Infinity', '0b11', '１０'])('limit=%s is a 400 naming the parameter', async (value) => {
    const answer = await s.call('GET', `/v1/inbound?limit=${value}`);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      code: 'invalid_request',
      errors: [{ pointer: '/query/limit', keyword: 'type', message: 'must be an integer written in decimal digits' }],
    });
  });

  it.each(['/v1/events', '/v1/subscriptions', '/v1/inbound-refusals'])('applies to every list (%s)', async (path) => {
    expect((await s.call('GET', `${path}?limit=0x10`)).status).toBe(400);
    expect((await s.call('GET', `${path}?limit=10`)).status).toBe(200);
  });

  it('still takes decimal digits, and leaves range errors to the validator', async () => {
    expect((await s.call('GET', '/v1/inbound?limit=20')).status).toBe(200);
    expect((await s.call('GET', '/v1/inbound?limit=007')).status).toBe(200);
    expect((await s.call('GET', '/v1/inbound?limit=0')).json).toMatchObject({ status: 400, errors: [{ pointer: '/query/limit', keyword: 'minimum' }] });
  });

  it('names the route in a 404 under /v1', async () => {
    const answer = await s.call('GET', '/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ code: 'not_found', detail: 'No route for GET /v1/nothing-here' });
  });
});
